package config

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// FuzzConfig feeds arbitrary files to the config parser: it must never
// panic, every problem must carry its file and a sane position, and a file
// it accepts must build a working linter.
func FuzzConfig(f *testing.F) {
	for _, name := range []string{"starter.yaml", "../../testdata/config/full.yaml", "../../testdata/config/team.yaml"} {
		src, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(string(src))
	}
	for _, s := range []string{
		"rules: {i-heavy: {min_ratio: 2, severity: hint}}\n",
		"custom:\n  - {id: a, type: ratio, numerator: {phrases: [you]}, denominator: {patterns: ['I|me']}, min: 1}\n",
		"a: &a {ignore: [x]}\n<<: *a\nkinds: {'**': voicemail}\n",
		"extends: [strict, lenient]\ncues: {asks: {micro: [ok]}}\n",
	} {
		f.Add(s)
	}
	rs := testRules()
	dir := f.TempDir() // extends: resolves against it and finds nothing
	f.Fuzz(func(t *testing.T, src string) {
		path := filepath.Join(dir, ".givefirst.yaml")
		ld := &loader{rs: newRuleSet(rs)}
		c := ld.parse(path, []byte(src), nil)
		for _, e := range ld.errs {
			require.NotEmpty(t, e.File)
			require.NotEmpty(t, e.Msg)
			require.GreaterOrEqual(t, e.Line, 0)
			require.GreaterOrEqual(t, e.Col, 0)
		}
		if len(ld.errs) > 0 {
			return
		}
		settings, unused := c.settings()
		l, err := lint.New(rs, settings, lint.WithRules(c.custom...), lint.WithUnusedSuppressions(unused))
		require.NoError(t, err, "an accepted config must build")
		doc, err := lint.Parse("m.txt", []byte("Hi Sam,\n\nYou could call now. I hope my guide helps you.\n"), lint.ParseOptions{Placeholders: c.placeholders})
		require.NoError(t, err, "accepted placeholders must compile")
		_, err = l.Lint(context.Background(), doc)
		require.NoError(t, err)
		c.effective(filepath.Join(filepath.Dir(path), "a", "b.txt"), l)
	})
}
