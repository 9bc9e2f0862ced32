package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// testLedger stands in for the ledger: it returns its cue options as its
// result, so tests can see what the config fed it.
var testLedger = &lint.Analyzer{
	Name: "ledger",
	Doc:  "The give/ask ledger.\nMore detail.",
	Options: []lint.Option{
		{Name: "extra_gives", Doc: "more gives", Default: []string{}},
		{Name: "extra_asks_micro", Doc: "more micro asks", Default: []string{}},
		{Name: "extra_asks_small", Doc: "more small asks", Default: []string{}},
		{Name: "extra_asks_large", Doc: "more large asks", Default: []string{}},
		{Name: "extra_pitch", Doc: "more pitch", Default: []string{}},
	},
	Run: func(p *lint.Pass) (any, error) {
		out := map[string][]string{}
		for _, o := range []string{"extra_gives", "extra_asks_micro", "extra_asks_small", "extra_asks_large", "extra_pitch"} {
			out[o] = p.Strings(o)
		}
		return out, nil
	},
}

// wordRule reports every token whose Norm is word, and every extra cue.
func wordRule(id string, sev lint.Severity, word string, opts ...lint.Option) *lint.Rule {
	return &lint.Rule{ID: id, Summary: "Flags " + word + ".", Severity: sev, Options: opts, Requires: []*lint.Analyzer{testLedger},
		Run: func(p *lint.Pass) error {
			for _, t := range p.Text.Tokens {
				if t.Norm == word {
					p.Reportf(t.Span, "%s", word)
				}
			}
			for _, o := range p.Rule.Options {
				if o.Name == "extra_cues" {
					for _, c := range p.Strings("extra_cues") {
						if i := strings.Index(strings.ToLower(p.Doc.Text), c); i >= 0 {
							p.Reportf(lint.Span{Start: i, End: i + len(c)}, "cue %s", c)
						}
					}
				}
			}
			return nil
		}}
}

// testRules is a small stand-in for the built-in rules.
func testRules() []*lint.Rule {
	cue := lint.Option{Name: "extra_cues", Doc: "more cues", Default: []string{}}
	return []*lint.Rule{
		wordRule("pushy-pressure", lint.Warning, "now", cue),
		wordRule("cliche-opener", lint.Info, "hope", cue),
		wordRule("i-heavy", lint.Warning, "i",
			lint.Option{Name: "min_ratio", Doc: "least I per you", Default: 1.5},
			lint.Option{Name: "min_self", Doc: "fewest I before checking", Default: 3},
			lint.Option{Name: "count_we", Doc: "count we as I", Default: true},
			lint.Option{Name: "greeting", Doc: "a greeting", Default: "hi"}),
		wordRule("no-value-first", lint.Warning, "demo"),
		wordRule("reading-level", lint.Hint, "utilize"),
		wordRule("multiple-asks", lint.Error, "call"),
	}
}

// newTest returns a resolver over testRules that walks folders again on
// every call, with GIVEFIRST_CONFIG cleared.
func newTest(t *testing.T, o Options) *Resolver {
	t.Helper()
	t.Setenv(EnvVar, "")
	o.Rules = testRules()
	r := NewResolver(o)
	r.recheck = 0
	return r
}

// repo makes a temporary repository root (with .git) holding files.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(root, ".git"), 0o755))
	for name, content := range files {
		writeFile(t, filepath.Join(root, name), content)
	}
	return root
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

// lintWith lints src as path with eff and lists "line:col rule severity".
func lintWith(t *testing.T, eff *Effective, path, src string) []string {
	t.Helper()
	doc, err := lint.Parse(path, []byte(src), eff.Parse)
	require.NoError(t, err)
	res, err := eff.Linter.Lint(context.Background(), doc)
	require.NoError(t, err)
	out := []string{}
	for _, d := range res.Diagnostics {
		p := doc.Position(d.Span.Start)
		out = append(out, fmt.Sprintf("%d:%d %s %s", p.Line+1, p.Column+1, d.Rule, d.Severity))
	}
	return out
}

// messages lints src with eff and lists "rule: message".
func messages(t *testing.T, eff *Effective, src string) []string {
	t.Helper()
	doc, err := lint.Parse("m.txt", []byte(src), eff.Parse)
	require.NoError(t, err)
	res, err := eff.Linter.Lint(context.Background(), doc)
	require.NoError(t, err)
	out := []string{}
	for _, d := range res.Diagnostics {
		out = append(out, d.Rule+": "+d.Message)
	}
	return out
}

// parseConfig loads src as a config file against testRules.
func parseConfig(t *testing.T, src string) (*Effective, error) {
	t.Helper()
	root := repo(t, map[string]string{".givefirst.yaml": src})
	return newTest(t, Options{}).For(filepath.Join(root, "m.txt"))
}
