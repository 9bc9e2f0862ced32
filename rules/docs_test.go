package rules

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/rules.md from the rules")

const docsPath = "../docs/rules.md"

// TestDocsAreCurrent keeps docs/rules.md, which every rule's URL points
// into, in step with the rules themselves.
func TestDocsAreCurrent(t *testing.T) {
	got := renderDocs(All())
	if *updateDocs {
		require.NoError(t, os.WriteFile(docsPath, []byte(got), 0o644))
	}
	want, err := os.ReadFile(docsPath)
	require.NoError(t, err, "run go test ./rules -run TestDocsAreCurrent -update-docs")
	assert.Equal(t, string(want), got, "docs/rules.md is stale: run go test ./rules -run TestDocsAreCurrent -update-docs")
}

func TestEveryRuleIsDocumented(t *testing.T) {
	require.NoError(t, lint.Validate(All()))
	for _, r := range All() {
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.Contains(t, r.Doc, "**Instead of**", r.ID)
		assert.Contains(t, r.Doc, "**Try**", r.ID)
		assert.Equal(t, ruleURL(r.ID), r.URL, r.ID)
		assert.NotZero(t, r.Severity, r.ID)
	}
}

func renderDocs(rules []*lint.Rule) string {
	var b strings.Builder
	b.WriteString("# givefirst rules\n\n<!-- Generated from the rules' own docs by `go test ./rules -run TestDocsAreCurrent -update-docs`. -->\n\n")
	b.WriteString("| rule | default | applies to | summary |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, kinds(r), r.Summary)
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s\n\n*%s · default severity **%s** · applies to %s*\n\n%s\n", r.ID, r.Summary, r.Severity, kinds(r), r.Doc)
		if len(r.Options) > 0 {
			b.WriteString("\n**Options**\n\n| option | type | default | meaning |\n|---|---|---|---|\n")
			for _, o := range r.Options {
				fmt.Fprintf(&b, "| `%s` | %s | `%v` | %s |\n", o.Name, o.TypeName(), o.Default, o.Doc)
			}
		}
	}
	return b.String()
}

func kinds(r *lint.Rule) string {
	if len(r.Kinds) == 0 {
		return "all kinds"
	}
	s := make([]string, len(r.Kinds))
	for i, k := range r.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
