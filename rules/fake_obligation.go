package rules

import (
	"fmt"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// obligationCueFile mirrors cues/obligation.yaml.
type obligationCueFile struct {
	Debt         []string `yaml:"debt"`
	SenderOffers []string `yaml:"sender_offers"`
	Effort       []string `yaml:"effort"`
	Links        []string `yaml:"links"`
	Superlatives []string `yaml:"superlatives"`
	SelfPraise   []string `yaml:"self_praise"`
	ShamGift     []string `yaml:"sham_gift"`
}

// oblClass says which list an obligation phrase came from.
type oblClass uint8

const (
	oblDebt oblClass = iota
	oblEffort
	oblLink
	oblSuperlative
	oblShamGift
)

// obligationModel is the compiled cue set for one set of user options; all
// lists share one matcher, so a sentence is scanned once.
type obligationModel struct {
	cues                     *matcher
	senderOffers, selfPraise map[string]bool
}

var obligationCues = func() (f obligationCueFile) {
	loadCues("obligation", &f)
	return f
}()

var obligationModels cached[*obligationModel]

func buildObligationModel(extra []string) (*obligationModel, error) {
	f := obligationCues
	m := &obligationModel{
		cues: mustMatcher(list(oblDebt, f.Debt), list(oblEffort, f.Effort), list(oblLink, f.Links),
			list(oblSuperlative, f.Superlatives), list(oblShamGift, f.ShamGift)),
		senderOffers: wordSet(f.SenderOffers),
		selfPraise:   wordSet(f.SelfPraise),
	}
	if err := m.cues.addAll(extra, oblDebt); err != nil {
		return nil, err
	}
	return m, nil
}

// of returns the hits of class c, longest first at each start and one per
// start, as matcher.each reports them.
func of(hits []hit, c oblClass) []hit {
	var out []hit
	for _, h := range hits {
		if h.Data.(oblClass) == c && (len(out) == 0 || out[len(out)-1].Start != h.Start) {
			out = append(out, h)
		}
	}
	return out
}

// FakeObligation flags reciprocity used as a lever: telling the reader
// they owe you, piling on flattery, or dangling a gift next to an ask.
var FakeObligation = &lint.Rule{
	ID:       "fake-obligation",
	Summary:  "Telling the reader they owe you, or buttering them up, turns a gift into a debt",
	URL:      ruleURL("fake-obligation"),
	Severity: lint.Error,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "extra_cues", Doc: "more phrases your team counts as debt language", Default: []string{}},
		{Name: "flattery_at", Doc: "how many superlatives aimed at the reader make flattery", Default: 3},
	},
	Doc: `Giving first works because the reader is free to give back or not. The moment a message
says they owe you ("the least you could do", "return the favour", "after all I've sent you"), the
gift becomes a transaction, and readers who spot the tactic feel nothing is owed at all. The rule
reports debt language as an error.

It also warns about two softer forms: heavy flattery (three or more superlatives aimed at the
reader, such as "amazing", "brilliant", "huge fan") and a "free gift" offered in the same sentence
as an ask, which reads as bait. Warm, specific praise is fine; one honest line beats three
superlatives. The sender offering to return a favour ("happy to return the favour") is fine too.

**Instead of**

> I spent hours on this audit for you, so the least you could do is take a call.

**Try**

> Here's the audit, yours to keep. If a call would help, I'm around Thursday.`,
	Run: func(p *lint.Pass) error {
		extra := p.Strings("extra_cues")
		m, err := obligationModels.get(joinKey(extra), func() (*obligationModel, error) { return buildObligationModel(extra) })
		if err != nil {
			return err
		}
		led := ledgerOf(p)
		a := p.Text
		quoted := quotedTokens(a)
		var praise []lint.Span
		for i, s := range a.Sentences {
			toks := a.SentenceTokens(i)
			var q []bool
			if quoted != nil {
				q = quoted[s.First:s.End]
			}
			asks := i < len(led.Entries) && led.Entries[i].Asks()
			hits := led.scan.all(m.cues, i, toks)
			if len(hits) == 0 {
				continue
			}
			if span, effort, ok := m.debtIn(toks, hits, q, asks); ok {
				msg := " tells the reader they owe you: a gift with strings is no gift, so let the value speak and ask on its own merits"
				if effort {
					msg = ", then an ask, bills the reader for your effort: let the work be a gift and ask on its own merits"
				}
				p.Report(lint.Diagnostic{Span: span, Message: cueText(p.Doc, span) + msg})
			}
			if sham := of(hits, oblShamGift); len(sham) > 0 && asks && !anyQuoted(q, sham[0].Start, sham[0].End) {
				h := sham[0]
				span := h.Span(toks)
				p.Report(lint.Diagnostic{Span: span, Severity: graded(p, lint.Warning), Message: cueText(p.Doc, span) +
					" sits in the same sentence as an ask, so it reads as bait: give it with no strings and ask separately"})
			}
			if supers := of(hits, oblSuperlative); len(supers) > 0 && readerRef(toks) {
				for _, h := range supers {
					if !anyQuoted(q, h.Start, h.End) && !m.selfPraised(toks, h.Start) {
						praise = append(praise, h.Span(toks))
					}
				}
			}
		}
		if n := p.Int("flattery_at"); n > 0 && len(praise) >= n {
			names := make([]string, 0, 3)
			for _, s := range praise[:3] {
				names = append(names, cueText(p.Doc, s))
			}
			if len(praise) > 3 {
				names = append(names, "…")
			}
			d := lint.Diagnostic{Span: praise[0], Severity: graded(p, lint.Warning), Message: fmt.Sprintf(
				"%d superlatives aimed at the reader (%s) read as flattery: one specific, honest compliment does more",
				len(praise), strings.Join(names, ", "))}
			for _, s := range praise[1:] {
				d.Related = append(d.Related, lint.Related{Span: s, Message: "more praise"})
			}
			p.Report(d)
		}
		return nil
	},
}

// debtIn finds debt language in a sentence: a debt phrase, or effort held
// over the reader ("I spent hours on this, so…") in a sentence that asks;
// effort says which.
func (m *obligationModel) debtIn(toks []lint.Token, hits []hit, q []bool, asks bool) (span lint.Span, effort, ok bool) {
	for _, h := range of(hits, oblDebt) {
		if anyQuoted(q, h.Start, h.End) || (toks[h.Start].Norm == "return" && m.senderOffer(toks, h.Start)) {
			continue
		}
		return h.Span(toks), false, true
	}
	if !asks {
		return lint.Span{}, false, false
	}
	if efforts := of(hits, oblEffort); len(efforts) > 0 && !anyQuoted(q, efforts[0].Start, efforts[0].End) {
		h := efforts[0]
		for _, l := range of(hits, oblLink) {
			if l.Start >= h.End {
				return h.Span(toks), true, true
			}
		}
	}
	return lint.Span{}, false, false
}

// senderOffer reports whether the sender offers the favour at toks[i]
// ("happy to return the favour", "I'll return the favour").
func (m *obligationModel) senderOffer(toks []lint.Token, i int) bool {
	if i > 0 && toks[i-1].Norm == "to" {
		i--
	}
	return i > 0 && m.senderOffers[toks[i-1].Norm]
}

// selfPraised reports whether the superlative at toks[i] praises the
// sender ("our amazing team").
func (m *obligationModel) selfPraised(toks []lint.Token, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if m.selfPraise[toks[k].Norm] {
			return true
		}
	}
	return false
}

// graded returns want for a finding the catalogue ranks below or above
// the rule's default, unless the user set the rule's severity, which then
// applies to every finding.
func graded(p *lint.Pass, want lint.Severity) lint.Severity {
	if p.Rule != nil && p.Severity != p.Rule.Severity {
		return p.Severity
	}
	return want
}
