package rules

import (
	"github.com/givefirst/givefirst/lint"
)

// NoValueFirst flags a message whose first ask comes before its first give.
var NoValueFirst = &lint.Rule{
	ID:       "no-value-first",
	Summary:  "The first ask comes before the first give",
	URL:      ruleURL("no-value-first"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Doc: `The order matters, not just the mix: value offered after an ask reads as a sweetener for the
ask, value offered before it reads as a gift. Move the give above the first ask.

A sentence that gives and asks at once ("Mind if I send the breakdown?") counts as giving first.

**Instead of**

> Can we talk on Tuesday? I've also attached the benchmark.

**Try**

> I've attached the benchmark for teams your size. Worth a quick chat on Tuesday?`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		ask, give := led.FirstAsk(), led.FirstGive()
		if ask < 0 || give < 0 || give <= ask || answersQuestion(p.Doc) {
			return nil
		}
		e := led.Entries[ask]
		p.Report(lint.Diagnostic{
			Span:    e.Span,
			Message: "This asks for " + askName(p.Doc, e) + " before the message gives anything: move the give above it",
			Related: []lint.Related{{Span: led.Entries[give].Span, Message: "the first give comes only here"}},
		})
		return nil
	},
}
