package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunScoresLabelsAndSentences(t *testing.T) {
	r, err := Run(context.Background(), "../../testdata/eval", Options{})
	require.NoError(t, err)
	assert.Equal(t, 4, r.Files)

	tests := []struct {
		name       string
		tp, fp, fn int
	}{
		{"i_heavy", 2, 0, 0},
		{"self_centred_opener", 2, 0, 0},
		{"ask_without_give", 2, 0, 0},
		{"value_first", 2, 0, 0},
		{"give_without_ask", 1, 0, 0},
		{"pushy", 0, 0, 1}, // b.txt is labelled pushy; nothing in it is
		{"interrogation", 0, 0, 0},
		{"ledger asks", 3, 0, 1}, // d.txt labels a sentence that is not there
		{"ledger gives", 2, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := r.Get(tt.name)
			require.True(t, ok)
			assert.Equal(t, []int{tt.tp, tt.fp, tt.fn}, []int{s.TP, s.FP, s.FN})
		})
	}
	s, _ := r.Get("ledger asks")
	assert.InDelta(t, 1.0, s.Precision, 1e-9)
	assert.InDelta(t, 0.75, s.Recall, 1e-9)
	assert.InDelta(t, 2*0.75/1.75, s.F1, 1e-9)
	assert.Equal(t, []string{"d.txt: A sentence that is not there."}, s.FalseNegatives)
}

func TestFloors(t *testing.T) {
	r := &Report{Labels: []Score{{Name: "i_heavy", F1: 0.95}, {Name: "pushy", F1: 0.5}}}
	assert.Empty(t, r.Floors(map[string]float64{"i_heavy": 0.9}))
	assert.Equal(t, []string{
		"missing: not measured (is it labelled?)",
		"pushy: F1 0.50 is below the floor 0.80",
	}, r.Floors(map[string]float64{"pushy": 0.8, "missing": 0.5}))
}

func TestWriteText(t *testing.T) {
	r, err := Run(context.Background(), "../../testdata/eval", Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, r.WriteText(&b, true))
	assert.Contains(t, b.String(), "4 labelled messages")
	assert.Contains(t, b.String(), "false negative: b.txt")
}

func TestBadLabels(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "labels.jsonl"), []byte("{\"file\": \"a.txt\"}\nnot json\n"), 0o644))
	_, err := Run(context.Background(), dir, Options{})
	assert.ErrorContains(t, err, "labels.jsonl:2:")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "labels.jsonl"), []byte("{\"kind\": \"email\"}\n"), 0o644))
	_, err = Run(context.Background(), dir, Options{})
	assert.ErrorContains(t, err, `labels.jsonl:1: missing "file"`)

	_, err = Run(context.Background(), filepath.Join(dir, "nope"), Options{})
	assert.Error(t, err)
}

func TestOtherLabelsFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "emails"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "emails", "a.txt"), []byte("Hi,\n\nGot 20 minutes on Friday?\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "second.jsonl"), []byte(`{"file": "a.txt", "ask_without_give": true}`+"\n"), 0o644))
	r, err := Run(context.Background(), dir, Options{Labels: "second.jsonl"})
	require.NoError(t, err)
	s, _ := r.Get("ask_without_give")
	assert.Equal(t, 1, s.TP)
	assert.Equal(t, "second.jsonl", r.LabelsFile)
	asks, _ := r.Get("ledger asks")
	assert.Zero(t, asks.TP+asks.FP+asks.FN, "no sentence labels, no sentence scores")
}
