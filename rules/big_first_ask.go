package rules

import (
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// BigFirstAsk flags a first message whose first request is a large one: a
// long meeting, a demo, a contract.
var BigFirstAsk = &lint.Rule{
	ID:       "big-first-ask",
	Summary:  "A first message opens with a large ask (a long meeting, a demo, a signature)",
	URL:      ruleURL("big-first-ask"),
	Severity: lint.Info,
	Kinds:    []lint.Kind{lint.KindEmail, lint.KindVoicemail},
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Doc: `A stranger owes you nothing yet, so the first thing you ask for should be easy to say yes
to. Half an hour, a demo with the whole team or a contract is a lot to give someone whose name
you just learned; a reply, one question or a two-minute video is not. Small asks that get a yes
build the habit of saying yes, and the big ask can come a few steps later.

The rule looks at first touches only (no cadence step above 1, no ` + "`stage:`" + ` past
the opener, not a reply) and at their first ask.

**Instead of**

> Can we schedule a 45-minute demo with your team next week?

**Try**

> Want the two-minute walkthrough video first?`,
	Run: func(p *lint.Pass) error {
		if !firstTouch(p.Doc) {
			return nil
		}
		led := ledgerOf(p)
		first := led.FirstAsk()
		if first < 0 || led.Entries[first].Size != AskLarge {
			return nil
		}
		e := led.Entries[first]
		p.Report(lint.Diagnostic{
			Span: e.CueSpan,
			Message: "Asking for " + bigAskName(p.Doc, e) + " is a big first step for someone who doesn't know you yet: " +
				"start smaller (a reply, one question, a short video) and save it for later",
		})
		return nil
	},
}

// bigAskName names a large ask: the ledger's "a 45-minute meeting" for a
// duration, else the words as written.
func bigAskName(doc *lint.Document, e Entry) string {
	if strings.HasSuffix(e.Cue, "-minute meeting") {
		return e.Cue
	}
	return "\"" + doc.TextOf(e.CueSpan) + "\""
}
