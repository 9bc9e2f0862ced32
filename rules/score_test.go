package rules

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

var updateScore = flag.Bool("update-score", false, "rewrite testdata/score/*.golden")

// TestScoreGolden pins the score, its components and the ledger behind it
// for a few messages across the bands.
func TestScoreGolden(t *testing.T) {
	l, err := New(lint.Settings{})
	require.NoError(t, err)
	files, err := filepath.Glob("../testdata/score/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			doc, err := lint.Parse(f, src, lint.ParseOptions{})
			require.NoError(t, err)
			res, err := l.Lint(context.Background(), doc)
			require.NoError(t, err)
			require.NotNil(t, res.Score)
			got := renderScore(res)
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *updateScore {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update-score")
			assert.Equal(t, string(want), got)
		})
	}
}

func renderScore(res *lint.Result) string {
	var b strings.Builder
	s := res.Score
	fmt.Fprintf(&b, "score %d %s\n%s\n", s.Value, s.Band, s.Summary)
	for _, c := range s.Components {
		fmt.Fprintf(&b, "  %-22s %5.1f / %2.0f  %s\n", c.Name, c.Points, c.Max, c.Note)
	}
	led := res.Facts["ledger"].(*Ledger)
	fmt.Fprintf(&b, "ledger: I %d, we %d, you %d, %d words\n", led.SelfI, led.SelfWe, led.Reader, led.Words)
	for _, e := range led.Entries {
		fmt.Fprintf(&b, "  %-8s %-5s %-5s %q\n", e.Role, e.Size, e.Also, strings.Join(strings.Fields(res.Doc.TextOf(e.Span)), " "))
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "  diag %s %s\n", d.Severity, d.Rule)
	}
	return b.String()
}

func TestScoreBandsAndCap(t *testing.T) {
	assert.Equal(t, BandReciprocal, band(80))
	assert.Equal(t, BandLopsided, band(79))
	assert.Equal(t, BandLopsided, band(60))
	assert.Equal(t, BandOneWay, band(59))

	l, err := New(lint.Settings{})
	require.NoError(t, err)
	doc, err := lint.Parse("x.txt", []byte("Hi Jo,\n\nWe sell CRM seats. Got 30 minutes on Friday?\n"), lint.ParseOptions{})
	require.NoError(t, err)
	res, err := l.Lint(context.Background(), doc)
	require.NoError(t, err)
	assert.LessOrEqual(t, res.Score.Value, errorCap, "an error caps the score")
	assert.Equal(t, BandOneWay, res.Score.Band)
}

func TestRamp(t *testing.T) {
	assert.InDelta(t, 0.0, ramp(0.2, 0.5, 1.5, 15), 1e-9)
	assert.InDelta(t, 7.5, ramp(1.0, 0.5, 1.5, 15), 1e-9)
	assert.InDelta(t, 15.0, ramp(3.0, 0.5, 1.5, 15), 1e-9)
}

func TestBalance(t *testing.T) {
	mk := func(give, ask float64) *Ledger {
		l := &Ledger{}
		if give > 0 {
			l.Entries = append(l.Entries, Entry{Role: RoleGive, Weight: give})
		}
		if ask > 0 {
			l.Entries = append(l.Entries, Entry{Role: RoleAsk, Size: AskSmall})
			for a := 1.0; a < ask; a++ {
				l.Entries = append(l.Entries, Entry{Role: RoleAsk, Size: AskSmall})
			}
		}
		return l
	}
	tests := []struct {
		give, ask float64
		want      float64
	}{
		{1, 1, 20}, {3, 1, 20}, {1, 0, 8}, {0, 1, 0}, {0.5, 1, 10}, {4.5, 1, 10}, {6, 1, 0},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, balanceComponent(mk(tt.give, tt.ask)).Points, 1e-9, "give %v ask %v", tt.give, tt.ask)
	}
}
