package rules

import (
	"github.com/givefirst/givefirst/lint"
)

// GiveWithoutAsk flags a message that gives and never asks for anything.
var GiveWithoutAsk = &lint.Rule{
	ID:       "give-without-ask",
	Summary:  "The message gives value and asks for nothing in return",
	URL:      ruleURL("give-without-ask"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Doc: `Giving is the first turn, not the whole game. Value handed over with nothing asked back
teaches a prospect that your time is free, and the longer an ask waits, the less it gets. Trade
each give for something small: a reply, a direct line, the right person's name, fifteen minutes.

Newsletters and thank-you notes are meant to give only: mark them ` + "`mode: nurture`" + ` in front
matter and this drops to a hint.

**Instead of**

> Attached is our 2025 benchmark. Hope it helps!

**Try**

> Attached is our 2025 benchmark. If it's useful, who owns pipeline reporting on your side?`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		last := -1
		for i, e := range led.Entries {
			if e.Gives() && e.Weight >= 1 { // a compliment alone is courtesy, not a give to trade
				last = i
			}
		}
		if last < 0 || led.FirstAsk() >= 0 {
			return nil
		}
		d := lint.Diagnostic{
			Span:    led.Entries[last].Span,
			Message: "The message gives but never asks: follow this with something small to ask back, such as a reply or a name",
		}
		if p.Doc.Meta.Mode == "nurture" {
			d.Severity = lint.Hint
		}
		p.Report(d)
		return nil
	},
}
