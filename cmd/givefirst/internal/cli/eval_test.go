package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The eval command runs the built-in rules on the repository's small
// labelled folder (testdata/eval).
func TestEvalCommand(t *testing.T) {
	dir, err := filepath.Abs("../../../../testdata/eval")
	require.NoError(t, err)

	res := run(t, &App{}, "", "", "eval", dir)
	assert.Equal(t, ExitOK, res.code, res.stderr)
	assert.Contains(t, res.stdout, "4 labelled messages")
	assert.Contains(t, res.stdout, "ledger asks")

	res = run(t, &App{}, "", "", "eval", "--json", dir)
	assert.Equal(t, ExitOK, res.code, res.stderr)
	var rep struct {
		Files  int `json:"files"`
		Labels []struct {
			Name string  `json:"name"`
			F1   float64 `json:"f1"`
		} `json:"labels"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &rep))
	assert.Equal(t, 4, rep.Files)

	// b.txt is labelled pushy and is not: pushy's F1 is 0, below any floor.
	res = run(t, &App{}, "", "", "eval", "--min-f1", "i_heavy=0.9,pushy=0.5", dir)
	assert.Equal(t, ExitProblems, res.code)
	assert.Equal(t, "givefirst eval: pushy: F1 0.00 is below the floor 0.50\n", res.stderr)
}

func TestEvalCommandErrors(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"eval"}, "want one labelled folder"},
		{[]string{"eval", "--min-f1", "i_heavy=2", "x"}, "want LABEL=F1"},
		{[]string{"eval", "--min-f1", "i_heavy", "x"}, "want LABEL=F1"},
		{[]string{"eval", t.TempDir()}, "labels.jsonl"},
	} {
		res := run(t, &App{}, "", "", tt.args...)
		assert.Equal(t, ExitError, res.code, tt.args)
		assert.Contains(t, res.stderr, tt.stderr, tt.args)
	}
}
