package rules

import (
	"strings"

	"github.com/givefirst/givefirst/lint"
)

var vagueCues = func() (f struct {
	Commitment []string `yaml:"commitment"`
	Details    []string `yaml:"details"`
}) {
	loadCues("vague", &f)
	return f
}()

var (
	vagueCommitment = mustMatcher(list(nil, vagueCues.Commitment))
	vagueDetails    cached[*matcher]
)

// VagueOffer flags a request for open-ended commitment ("want to work
// together?") in a message that never says what the reader would get.
var VagueOffer = &lint.Rule{
	ID:       "vague-offer",
	Summary:  "Asks the reader to commit to something the message never describes",
	URL:      ruleURL("vague-offer"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "extra_details", Doc: "more words that name a concrete deliverable (your own offer names)", Default: []string{}},
	},
	Doc: `"Want to work together?" and "interested in learning more?" ask the reader to sign up for
something unknown. To say yes they would first have to ask what it is, how long it takes and what
it costs, and most readers won't bother. Name one concrete thing: a deliverable, a duration, a
price, a number or an example, and the ask becomes easy to answer.

The rule fires only when the message asks for that kind of open commitment and nowhere names a
deliverable (audit, checklist, report, pilot, sample…), a number, a price, an example or a link.

**Instead of**

> Sounds like your team could use some help with outbound. Want to explore working together?

**Try**

> A two-week copy audit: three rewritten emails and a call-flow map, $900. Want a sample first?`,
	Run: func(p *lint.Pass) error {
		extra := p.Strings("extra_details")
		details, err := vagueDetails.get(joinKey(extra), func() (*matcher, error) {
			m := newMatcher()
			return m, m.addAll(append(vagueCues.Details, extra...), nil)
		})
		if err != nil {
			return err
		}
		led := ledgerOf(p)
		var ask lint.Span
		for _, e := range led.Entries {
			if !e.Question && !e.Asks() {
				continue
			}
			toks := p.Text.SentenceTokens(e.Sentence)
			if h, ok := vagueCommitment.first(toks); ok {
				ask = h.Span(toks)
				break
			}
		}
		if ask.End == 0 || concrete(p.Text, details) {
			return nil
		}
		try := "a deliverable, how long it takes, a price or an example"
		if p.Doc.Kind == lint.KindVoicemail {
			try = "what they'd get, such as a sample or one idea in your email"
		}
		p.Report(lint.Diagnostic{
			Span:    ask,
			Message: "\"" + p.Doc.TextOf(ask) + "\" asks for a commitment, but the message never says what it is: name " + try,
		})
		return nil
	},
}

// concrete reports whether the body names anything specific: a number, a
// link, a deliverable or example word, or a merge field that inserts one.
func concrete(a *lint.Analysis, details *matcher) bool {
	for k := range a.Tokens {
		t := &a.Tokens[k]
		switch t.Kind {
		case lint.TokNumber, lint.TokURL:
			return true
		case lint.TokPlaceholder:
			l := strings.ToLower(t.Text)
			for _, w := range []string{"link", "url", "case", "example", "sample", "price", "report", "guide", "video", "resource"} {
				if strings.Contains(l, w) {
					return true
				}
			}
		}
	}
	for i := range a.Sentences {
		if _, ok := details.first(a.SentenceTokens(i)); ok {
			return true
		}
	}
	return false
}
