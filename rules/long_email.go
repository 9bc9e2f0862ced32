package rules

import (
	"fmt"

	"github.com/givefirst/givefirst/lint"
)

// LongEmail checks body length: first touches are read in seconds, so
// they should be short; follow-ups may run a little longer.
var LongEmail = &lint.Rule{
	ID:       "long-email",
	Summary:  "The body is longer (or, for a first touch, shorter) than readers reply to",
	URL:      ruleURL("long-email"),
	Severity: lint.Warning,
	Kinds:    []lint.Kind{lint.KindEmail, lint.KindFollowup},
	Options: []lint.Option{
		{Name: "first_touch_hint", Doc: "first-touch words before a hint", Default: 75},
		{Name: "first_touch_warning", Doc: "first-touch words before a warning", Default: 125},
		{Name: "first_touch_min", Doc: "a first touch under this many words gets a hint (0: never)", Default: 20},
		{Name: "followup_warning", Doc: "follow-up words before a warning", Default: 150},
	},
	Doc: `A cold email is read in about ten seconds. Reply rates peak somewhere between 50 and 125
words, and very short notes tend to do better than long ones; follow-ups can carry a little more
because the reader already knows who you are. The rule counts the words of the body only (not the
greeting, signature, quoted thread or footer; a merge field is one word).

A first touch gets a hint past 75 words and a warning past 125, and a hint under 20 words, where
there is rarely room for both a give and an ask. A follow-up gets a warning past 150 words. The
report points at the first sentence past the limit. Voicemail scripts have their own rule.

**Instead of**

> A 210-word first touch: company history, three features, two customer logos, then the ask.

**Try**

> The give, one line of proof and the ask, in under 75 words.`,
	Run: func(p *lint.Pass) error {
		a := p.Text
		if len(a.Sentences) == 0 {
			return nil
		}
		words := a.WordCount()
		if !firstTouch(p.Doc) {
			if limit := p.Int("followup_warning"); words > limit {
				p.Reportf(sentencePast(a, limit), "This follow-up runs %d words; keep it under %d: one new reason to reply and the ask", words, limit)
			}
			return nil
		}
		hint, warn := p.Int("first_touch_hint"), p.Int("first_touch_warning")
		switch {
		case words > warn:
			p.Report(lint.Diagnostic{Span: sentencePast(a, warn), Message: fmt.Sprintf(
				"This first touch runs %d words, past the %d-word limit; aim for %d or fewer: the give, one line of proof and the ask", words, warn, hint)})
		case words > hint:
			p.Report(lint.Diagnostic{Span: sentencePast(a, hint), Severity: graded(p, lint.Hint), Message: fmt.Sprintf(
				"This first touch runs %d words; aim for %d or fewer: the give, one line of proof and the ask", words, hint)})
		case words < p.Int("first_touch_min"):
			p.Report(lint.Diagnostic{Span: a.Sentences[0].Span, Severity: graded(p, lint.Hint), Message: fmt.Sprintf(
				"This first touch has only %d words; there is rarely room for both a give and an ask under %d", words, p.Int("first_touch_min"))})
		}
		return nil
	},
}

// sentencePast returns the span of the first sentence whose words take
// the body past limit words.
func sentencePast(a *lint.Analysis, limit int) lint.Span {
	n := 0
	for _, s := range a.Sentences {
		if n += s.Words; n > limit {
			return s.Span
		}
	}
	return a.Sentences[len(a.Sentences)-1].Span
}
