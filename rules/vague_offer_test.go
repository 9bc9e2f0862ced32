package rules

import (
	"os"
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestVagueOffer(t *testing.T) {
	linttest.Run(t, "../testdata/rules/vague-offer", []*lint.Rule{VagueOffer}, linttest.Config{Golden: true})
}

func TestVagueOfferExtraDetails(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"vague-offer": {Options: map[string]any{"extra_details": []any{"revtune"}}}}}
	linttest.Run(t, "../testdata/rules/vague-offer/extra", []*lint.Rule{VagueOffer}, linttest.Config{Settings: s})
}

// The extra fixture is quiet only thanks to the option.
func TestVagueOfferExtraDetailsNeeded(t *testing.T) {
	src, err := os.ReadFile("../testdata/rules/vague-offer/extra/quiet-own-offer.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.Parse("quiet-own-offer.txt", src, lint.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := lint.New([]*lint.Rule{VagueOffer}, lint.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Lint(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 {
		t.Errorf("without extra_details: %d diagnostics, want 1", len(res.Diagnostics))
	}
}
