package rules

import (
	"fmt"

	"github.com/givefirst/givefirst/lint"
)

// IHeavy flags messages that talk about the sender far more than the reader.
var IHeavy = &lint.Rule{
	ID:       "i-heavy",
	Summary:  "The message talks about \"I\" and \"we\" far more than about \"you\"",
	URL:      ruleURL("i-heavy"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "count_we", Doc: "count we/us/our as the sender (turn off when \"we\" means you and the reader together)", Default: true},
		{Name: "min_self", Doc: "sender references needed before the rule looks at the balance", Default: 3},
		{Name: "min_self_voicemail", Doc: "the same for voicemail scripts, which are short", Default: 2},
		{Name: "min_margin", Doc: "how many more sender than reader references it takes", Default: 2},
		{Name: "min_ratio", Doc: "sender references must be at least this many times the reader references", Default: 1.5},
		{Name: "max_self_starts", Doc: "sentences that may open with I or We before the rule fires", Default: 2},
	},
	Doc: `A reader scans a message for what is in it for them. When "I", "me", "we" and "our" clearly
outnumber "you" and "your", the message reads as being about the sender, and the reader stops
reading. The rule counts sender and reader references in the body (not in quotes, signatures,
placeholders or "thank you"); a merge field written with 's ("{{company}}'s team") counts for the
reader. It also fires when three or more sentences open with I or We.

**Instead of**

> I wanted to reach out because I think I can help. I've worked with teams like yours and we've seen great results.

**Try**

> Your team doubled its SDRs this quarter, and ramp time is usually the next bottleneck.`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		self := led.Self(p.Bool("count_we"))
		minSelf := p.Int("min_self")
		if p.Doc.Kind == lint.KindVoicemail {
			minSelf = p.Int("min_self_voicemail")
		}
		var starts []lint.Span
		for i := range p.Text.Sentences {
			if t, ok := firstWord(p.Text.SentenceTokens(i)); ok && selfRef(t.Norm, p.Bool("count_we")) {
				starts = append(starts, t.Span)
			}
		}
		heavy := self >= minSelf && self-led.Reader >= p.Int("min_margin") && float64(self) >= p.Float("min_ratio")*float64(led.Reader)
		manyStarts := len(starts) > p.Int("max_self_starts")
		if !heavy && !manyStarts {
			return nil
		}
		d := lint.Diagnostic{}
		if heavy {
			d.Message = fmt.Sprintf("The message is about the sender: %d sender references (I, we, our) against %d for the reader (you, your)", self, led.Reader)
		} else {
			d.Message = fmt.Sprintf("%d sentences open with I or We: lead with the reader instead", len(starts))
		}
		if len(starts) > 0 {
			d.Span = starts[0]
			for _, s := range starts[1:] {
				d.Related = append(d.Related, lint.Related{Span: s, Message: "another sentence about the sender"})
			}
		} else if span, ok := firstSelfRef(p.Text, p.Bool("count_we")); ok {
			d.Span = span
		}
		p.Report(d)
		return nil
	},
}

// firstWord returns the first word of a sentence.
func firstWord(toks []lint.Token) (lint.Token, bool) {
	for k := range toks {
		t := &toks[k]
		if t.IsWord() {
			return *t, true
		}
	}
	return lint.Token{}, false
}

// firstSelfRef finds the first sender reference in the body.
func firstSelfRef(a *lint.Analysis, countWe bool) (lint.Span, bool) {
	for k := range a.Tokens {
		t := &a.Tokens[k]
		if selfRef(t.Norm, countWe) {
			return t.Span, true
		}
	}
	return lint.Span{}, false
}
