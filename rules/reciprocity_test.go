package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

// TestLedgerRules runs each ledger rule alone over its fixtures: files
// that must fire carry want comments, the rest must stay quiet.
func TestLedgerRules(t *testing.T) {
	for _, r := range []*lint.Rule{IHeavy, SelfCentredOpener, AskWithoutOffer, NoValueFirst, GiveWithoutAsk,
		LateAsk, MultipleAsks, Interrogation} {
		t.Run(r.ID, func(t *testing.T) {
			linttest.Run(t, "../testdata/rules/"+r.ID, []*lint.Rule{r}, linttest.Config{Golden: true})
		})
	}
}
