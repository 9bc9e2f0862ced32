package rules

import (
	"github.com/givefirst/givefirst/lint"
)

// spamKind groups spam phrases by what they promise; messages name it.
type spamKind uint8

const (
	spamMoney spamKind = iota + 1
	spamFree
	spamGuarantee
	spamClick
	spamOther
)

var spamAdvice = [...]string{
	spamMoney:     "reads like a money offer to spam filters and to people: name the concrete value instead",
	spamFree:      "reads as a promotion here: say what the reader gets",
	spamGuarantee: "is a promise filters and wary readers both discount: show the evidence instead",
	spamClick:     "is a stock spam phrase: say where the link goes",
	spamOther:     "is a stock spam phrase: say it plainly or drop it",
}

// spamCueFile mirrors cues/spam.yaml.
type spamCueFile struct {
	Money        []string `yaml:"money"`
	Free         []string `yaml:"free"`
	FreeNotMoney struct {
		Before []string `yaml:"before"`
		After  []string `yaml:"after"`
	} `yaml:"free_not_money"`
	Guarantee []string `yaml:"guarantee"`
	Negators  []string `yaml:"negators"`
	Click     []string `yaml:"click"`
	Other     []string `yaml:"other"`
}

var spamCues = func() (f spamCueFile) {
	loadCues("spam", &f)
	return f
}()

// spamModel is the compiled cue set for one set of user options.
type spamModel struct {
	cues                            *matcher
	freeBefore, freeAfter, negators map[string]bool
}

var spamModels cached[*spamModel]

func buildSpamModel(extra []string) (*spamModel, error) {
	f := spamCues
	m := &spamModel{
		cues: mustMatcher(list(spamMoney, f.Money), list(spamGuarantee, f.Guarantee), list(spamClick, f.Click),
			list(spamOther, f.Other), list(spamFree, f.Free)),
		freeBefore: wordSet(f.FreeNotMoney.Before),
		freeAfter:  wordSet(f.FreeNotMoney.After),
		negators:   wordSet(f.Negators),
	}
	if err := m.cues.addAll(extra, spamOther); err != nil {
		return nil, err
	}
	return m, nil
}

// SpamTrigger hints at words that read like bulk promotion: money offers,
// "free", guarantees, "click here".
var SpamTrigger = &lint.Rule{
	ID:       "spam-trigger",
	Summary:  "Words like \"risk-free\", \"100% guaranteed\" or \"click here\" read like bulk promotion",
	URL:      ruleURL("spam-trigger"),
	Severity: lint.Hint,
	Kinds:    []lint.Kind{lint.KindEmail, lint.KindFollowup},
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "extra_cues", Doc: "more phrases your team wants to avoid", Default: []string{}},
	},
	Doc: `Money offers, guarantees and "click here" are the vocabulary of bulk promotion. Tests of
inbox placement show most such words do little harm to delivery on their own, so this is only a
hint, but readers react to them too: they make a personal note sound like an advert.

"free" is fine inside a concrete give ("here's a free checklist for your SDRs") and when it means
available ("are you free Thursday?", "feel free to"); elsewhere, and always in the subject line,
it is flagged. Business words such as "cash flow" are not flagged, only money-offer phrases.

**Instead of**

> 100% risk-free, click here to claim your free trial.

**Try**

> Here's the pricing page: acme.io/pricing.`,
	Run: func(p *lint.Pass) error {
		extra := p.Strings("extra_cues")
		m, err := spamModels.get(joinKey(extra), func() (*spamModel, error) { return buildSpamModel(extra) })
		if err != nil {
			return err
		}
		led := ledgerOf(p)
		a := p.Text
		quoted := quotedTokens(a)
		for i, s := range a.Sentences {
			var q []bool
			if quoted != nil {
				q = quoted[s.First:s.End]
			}
			gives := i < len(led.Entries) && led.Entries[i].Gives()
			m.find(led.scan, i, a.SentenceTokens(i), q, gives, func(span lint.Span, k spamKind) {
				p.Reportf(span, "%s %s", cueText(p.Doc, span), spamAdvice[k])
			})
		}
		if subj := p.Doc.Meta.Subject; subj != "" {
			sa := lint.AnalyzeLine(subj)
			for i := range sa.Sentences {
				m.find(nil, i, sa.SentenceTokens(i), nil, false, func(span lint.Span, k spamKind) {
					at, _ := subjectSpan(p.Doc, a, span.Start, span.End)
					p.Reportf(at, "In the subject, %s %s", cueText(sa.Doc, span), spamAdvice[k])
				})
			}
		}
		return nil
	},
}

// find reports each spam phrase in toks, sentence i of the scan (nil for
// text outside the body); q marks quoted tokens (may be nil) and gives
// says the sentence is a give, where "free" is fine.
func (m *spamModel) find(scan *cueScan, i int, toks []lint.Token, q []bool, gives bool, report func(lint.Span, spamKind)) {
	lastEnd := 0
	scan.each(m.cues, i, toks, func(h hit) bool {
		if h.Start < lastEnd || anyQuoted(q, h.Start, h.End) {
			return true
		}
		k := h.Data.(spamKind)
		switch {
		case k == spamFree && (gives || !m.moneyFree(toks, h.Start)),
			k == spamGuarantee && h.Start > 0 && m.negators[toks[h.Start-1].Norm]:
			return true
		}
		lastEnd = h.End
		report(h.Span(toks), k)
		return true
	})
}

// moneyFree reports whether "free" at toks[i] means no charge rather than
// available ("are you free", "feel free to", "free on Tuesday").
func (m *spamModel) moneyFree(toks []lint.Token, i int) bool {
	if i > 0 && m.freeBefore[toks[i-1].Norm] {
		return false
	}
	return i+1 >= len(toks) || !m.freeAfter[toks[i+1].Norm]
}
