package rules

import (
	"github.com/givefirst/givefirst/lint"
)

var clicheCues = func() (f struct {
	Cues []string `yaml:"cues"`
}) {
	loadCues("cliche", &f)
	return f
}()

var clicheMatchers cached[*matcher]

// baseCliches are the built-in cues alone, for rules that need to skip filler.
var baseCliches = mustMatcher(list(nil, clicheCues.Cues))

// ClicheOpener flags filler lines ("I hope this email finds you well",
// "just checking in") that give the reader no reason to reply.
var ClicheOpener = &lint.Rule{
	ID:       "cliche-opener",
	Summary:  "Filler like \"just checking in\" spends the reader's attention and gives no reason to reply",
	URL:      ruleURL("cliche-opener"),
	Severity: lint.Info,
	Options: []lint.Option{
		{Name: "extra_cues", Doc: "more filler phrases to flag", Default: []string{}},
	},
	Doc: `Readers decide in seconds whether a message is worth their time. Stock lines such as
"I hope this email finds you well", "just checking in" or "circling back" use those seconds and
say nothing new. Every touch needs its own reason to reply: a fact, an idea, a resource.

When the whole sentence is filler, the fix deletes it.

**Instead of**

> Just checking in on my last email.

**Try**

> One more data point since Tuesday: teams your size cut ramp by a third with a shared call library.`,
	Run: func(p *lint.Pass) error {
		extra := p.Strings("extra_cues")
		m, err := clicheMatchers.get(joinKey(extra), func() (*matcher, error) {
			m := newMatcher()
			if err := m.addAll(append(clicheCues.Cues, extra...), nil); err != nil {
				return nil, err
			}
			return m, nil
		})
		if err != nil {
			return err
		}
		for i, s := range p.Text.Sentences {
			toks := p.Text.SentenceTokens(i)
			h, ok := m.first(toks)
			if !ok {
				continue
			}
			d := lint.Diagnostic{
				Span:    h.Span(toks),
				Message: "\"" + p.Doc.TextOf(h.Span(toks)) + "\" is filler: open with something the reader can use",
			}
			if sentenceOnly(toks, h) {
				d.Fixes = []lint.Fix{{Title: "Delete the filler sentence", Safe: true,
					Edits: []lint.TextEdit{deletion(p.Doc.Text, s.Span)}}}
			}
			p.Report(d)
		}
		return nil
	},
}
