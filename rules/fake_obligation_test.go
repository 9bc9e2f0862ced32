package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestFakeObligation(t *testing.T) {
	res := linttest.Run(t, "../testdata/rules/fake-obligation", []*lint.Rule{FakeObligation}, linttest.Config{Golden: true})
	// Debt is an error; flattery and a sham gift are warnings.
	for name, want := range map[string]lint.Severity{"debt.txt": lint.Error, "flattery.md": lint.Warning, "sham-gift.txt": lint.Warning} {
		for _, d := range res[name].Diagnostics {
			assert.Equal(t, want, d.Severity, name)
		}
	}
}

func TestFakeObligationUserSeverity(t *testing.T) {
	// A severity the user sets applies to every finding.
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"fake-obligation": {Severity: lint.Info}}}
	l, err := lint.New([]*lint.Rule{FakeObligation}, s)
	assert.NoError(t, err)
	doc, err := lint.Parse("a.txt", []byte("Your launch was amazing, your team is brilliant and your demo was incredible.\n\nThe least you could do is reply.\n"), lint.ParseOptions{})
	assert.NoError(t, err)
	res, err := l.Lint(t.Context(), doc)
	assert.NoError(t, err)
	assert.Len(t, res.Diagnostics, 2)
	for _, d := range res.Diagnostics {
		assert.Equal(t, lint.Info, d.Severity)
	}
}
