package rules

import (
	"fmt"

	"github.com/givefirst/givefirst/lint"
)

// fallbackOpeners start a sentence that offers a smaller version of the
// ask before it; that is one ask, not two.
var fallbackOpeners = mustMatcher(list(nil, []string{
	"if not", "otherwise", "or", "alternatively", "if that's|that_is easier|easiest|simpler", "if it's|it_is not a fit|easier",
	"if now isn't|now's_not", "either way",
}))

// schedulingCues mark a sentence that only pins down the time of the ask
// before it ("Does Tuesday work?"): the same ask, not another one.
var schedulingCues = wordSet([]string{"available", "free", "time", "times", "when", "works", "work", "monday", "tuesday",
	"wednesday", "thursday", "friday", "tomorrow", "week", "calendar", "slot", "slots"})

// sameAsk reports whether an ask sentence right after another continues it.
func sameAsk(toks []lint.Token) bool {
	if h, ok := fallbackOpeners.first(toks); ok && h.Start <= 1 {
		return true
	}
	if t, ok := firstWord(toks); ok && (t.Norm == "also" || t.Norm == "and" || t.Norm == "plus") {
		return false
	}
	for k := range toks {
		t := &toks[k]
		if schedulingCues[t.Norm] {
			return true
		}
	}
	return false
}

// MultipleAsks flags a message that makes more than one distinct request.
var MultipleAsks = &lint.Rule{
	ID:       "multiple-asks",
	Summary:  "The message makes more than one request",
	URL:      ruleURL("multiple-asks"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "max_asks", Doc: "distinct asks allowed in one message", Default: 1},
	},
	Doc: `Each extra request makes it harder to say yes to any of them. One message, one ask; the
others can wait for the next step. A smaller fallback right after the ask ("If not, who owns
this?", "Otherwise, a reply with a time works") is part of the same ask — stepping down to a
smaller request is how reciprocal concessions work. Questions about the reader's situation are
conversation, not requests, and are left to the interrogation rule; a sentence that only pins
down the time of the ask before it ("Does Tuesday work?") is the same ask.

**Instead of**

> Can we book a demo? Also, could you fill in this survey and intro me to your CTO?

**Try**

> Can we book a demo? If not, who on your team owns outbound tooling?`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		var groups []int // first entry of each distinct ask
		last := -2
		for i, e := range led.Entries {
			if !e.Asks() || e.Cue == cueReaderQuestion {
				continue
			}
			toks := p.Text.SentenceTokens(e.Sentence)
			if i != last+1 || !sameAsk(toks) {
				groups = append(groups, i)
			}
			last = i
		}
		limit := p.Int("max_asks")
		if len(groups) <= limit {
			return nil
		}
		for n, g := range groups[limit:] {
			e := led.Entries[g]
			p.Report(lint.Diagnostic{
				Span:    e.Span,
				Message: fmt.Sprintf("This is ask number %d (%s): keep one ask and save the rest for a later step", limit+n+1, askName(p.Doc, e)),
				Related: []lint.Related{{Span: led.Entries[groups[0]].Span, Message: "the first ask"}},
			})
		}
		return nil
	},
}
