package rules

import (
	"github.com/givefirst/givefirst/lint"
)

// AskWithoutOffer flags a message that asks and gives nothing at all.
var AskWithoutOffer = &lint.Rule{
	ID:       "ask-without-offer",
	Summary:  "The message asks for something and offers nothing in return",
	URL:      ruleURL("ask-without-offer"),
	Severity: lint.Error,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Doc: `Reciprocity runs in turns: I go, then you go. A message that asks for a call, a reply or a
referral without giving anything first is all "you go". Give something the reader can use on its
own — an insight about their situation, a resource, an introduction — and then ask.

A reply that answers the reader's question is a give in itself, so files marked ` + "`stage: reply`" + `
and messages that quote a question are exempt.

**Instead of**

> We help SaaS teams scale outbound. Got 30 minutes on Thursday?

**Try**

> Here's the five-line checklist {{company}}'s SDRs could use this week. Worth a look?`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		first := led.FirstAsk()
		if first < 0 || led.FirstGive() >= 0 || answersQuestion(p.Doc) {
			return nil
		}
		e := led.Entries[first]
		p.Report(lint.Diagnostic{
			Span:    e.Span,
			Message: "This asks for " + askName(p.Doc, e) + " and the message offers nothing in return: give the reader something useful first",
			Related: []lint.Related{{Span: bodyStart(p.Text), Message: "nothing is given from here to the ask"}},
		})
		return nil
	},
}
