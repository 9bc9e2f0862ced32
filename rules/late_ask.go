package rules

import (
	"fmt"

	"github.com/givefirst/givefirst/lint"
)

// LateAsk flags a single ask buried at the end of a long run of giving.
var LateAsk = &lint.Rule{
	ID:       "late-ask",
	Summary:  "The only ask waits until the very end of a long message",
	URL:      ruleURL("late-ask"),
	Severity: lint.Hint,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "min_sentences", Doc: "give or pitch sentences before the ask that make it late", Default: 4},
		{Name: "min_words", Doc: "words before the ask that make it late", Default: 100},
	},
	Doc: `The longer the gap between a give and its ask, the less the give is remembered when the ask
arrives. A long walkthrough that ends in "let me know if you ever want to chat" has spent its
goodwill by the time it asks. Ask right after the most valuable line.

A short email with a closing call to action is normal; the rule stays quiet below the thresholds.

**Instead of**

> (150 words of walkthrough) … Let me know if you ever want to chat.

**Try**

> Here's the one change that cut our clients' no-show rate in half. Want the template?`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		ask, count := -1, 0
		for i, e := range led.Entries {
			if e.Asks() {
				ask = i
				count++
			}
		}
		if count != 1 || ask != len(led.Entries)-1 {
			return nil
		}
		before, words := 0, 0
		for i, e := range led.Entries[:ask] {
			if e.Role == RoleGive || e.Role == RolePitch {
				before++
			}
			words += p.Text.Sentences[i].Words
		}
		if before < p.Int("min_sentences") && words <= p.Int("min_words") {
			return nil
		}
		p.Report(lint.Diagnostic{
			Span:    led.Entries[ask].Span,
			Message: fmt.Sprintf("The only ask comes after %d words: ask right after your most useful line", words),
		})
		return nil
	},
}
