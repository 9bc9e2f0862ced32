package rules

import (
	"strings"

	"github.com/givefirst/givefirst/lint"
)

type conditionalCueFile struct {
	Markers   []string `yaml:"markers"`
	Unless    []string `yaml:"unless"`
	Commands  []string `yaml:"commands"`
	Payments  []string `yaml:"payments"`
	Negations []string `yaml:"negations"`
	Offers    []string `yaml:"offers"`
	Logistics []string `yaml:"logistics"`
}

type conditionalModel struct {
	markers, offers                                 *matcher
	unless, commands, payments, negations, logistic map[string]bool
}

var conditionalCues = func() conditionalModel {
	var f conditionalCueFile
	loadCues("conditional", &f)
	return conditionalModel{
		markers:   mustMatcher(list(nil, f.Markers)),
		offers:    mustMatcher(list(nil, f.Offers)),
		unless:    wordSet(f.Unless),
		commands:  wordSet(f.Commands),
		payments:  wordSet(f.Payments),
		negations: wordSet(f.Negations),
		logistic:  wordSet(f.Logistics),
	}
}()

// ConditionalGift flags value that is held back until the reader pays
// with their time: "If you book a call, I'll send the report."
var ConditionalGift = &lint.Rule{
	ID:       "conditional-gift",
	Summary:  "Value is promised only after the reader agrees to a call or meeting",
	URL:      ruleURL("conditional-gift"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Doc: `A gift with a condition attached is a trade, and the reader has to pay first. "If you book a
call, I'll send the report" asks a stranger to spend time before they have seen anything from you.
Giving up front works better than promising to give later: the reader gets the value, sees what
you know, and the call becomes their idea.

The rule looks for a give ("I'll send", "I can share", "you'll get") tied in the same sentence to a
condition that costs the reader time ("if you book a call", "once we talk", "after a quick
call", "Give me 15 minutes and…"). It is a warning in a first message with nothing given before
it, and a hint in later messages. It stays quiet when the message already gave something
unconditionally earlier, and in files marked ` + "`stage: late`" + `, where trading a demo for
an NDA or a discount for a testimonial is part of the plan.

**Instead of**

> If you book a call this week, I'll send over our benchmark report.

**Try**

> Here's the benchmark report. Happy to walk through it if that would help.`,
	Run: func(p *lint.Pass) error {
		if p.Doc.Meta.Stage == "late" {
			return nil
		}
		led := ledgerOf(p)
		for _, e := range led.Entries {
			toks := p.Text.SentenceTokens(e.Sentence)
			offer, cond, ok := conditionalCues.find(led.scan, e.Sentence, toks)
			if !ok {
				continue
			}
			start := min(offer.Start, cond.Start)
			if gaveBefore(led, e, start) {
				return nil
			}
			d := lint.Diagnostic{
				Span: lint.Span{Start: start, End: max(offer.End, cond.End)},
				Message: "\"" + p.Doc.TextOf(offer) + "\" waits on \"" + p.Doc.TextOf(cond) +
					"\": the reader has to pay before getting anything. Give it now and make the call optional",
				Related: []lint.Related{{Span: cond, Message: "the condition"}},
			}
			if !firstTouch(p.Doc) {
				d.Severity = lint.Hint
			}
			p.Report(d)
		}
		return nil
	},
}

// gaveBefore reports whether the message gave something unconditionally
// before offset at: in an earlier sentence, or earlier in this one.
func gaveBefore(led *Ledger, e Entry, at int) bool {
	for _, x := range led.Entries {
		if x.Sentence < e.Sentence && x.Gives() {
			return true
		}
	}
	return e.Role == RoleGive && e.CueSpan.End <= at
}

// find looks in toks, sentence i of the scan, for a give tied to a
// condition the reader pays for, and returns the give's span and the
// condition's span.
func (m conditionalModel) find(scan *cueScan, i int, toks []lint.Token) (offer, cond lint.Span, ok bool) {
	var offers, markers []hit
	scan.each(m.offers, i, toks, func(h hit) bool { offers = append(offers, h); return true })
	if len(offers) == 0 {
		return offer, cond, false
	}
	scan.each(m.markers, i, toks, func(h hit) bool {
		if h.Start == 0 || !m.unless[toks[h.Start-1].Norm] {
			markers = append(markers, h)
		}
		return true
	})
	for _, o := range offers {
		if m.logistics(toks[o.End:]) {
			continue
		}
		for _, mk := range markers {
			var end int
			switch {
			case mk.End <= o.Start: // "If you book a call, I'll send…"
				end = clauseBreak(toks, mk.End, o.Start)
				if !adjoins(toks[end:o.Start]) {
					continue // the condition closes well before the give: it governs something else
				}
			case mk.Start >= o.End: // "Happy to send it after a quick call."
				if clauseBreak(toks, o.End, mk.Start) < mk.Start {
					continue // a comma between them: the condition starts a new clause
				}
				end = clauseBreak(toks, mk.End, len(toks))
			default:
				continue
			}
			for end > mk.End && !toks[end-1].IsWord() {
				end-- // the sentence's full stop is not part of the condition
			}
			if m.paid(toks[mk.End:end]) {
				return o.Span(toks), tokenRun(toks, mk.Start, end), true
			}
		}
		// "Book a call and I'll send the report."
		if first := firstWordIndex(toks); first >= 0 && first < o.Start && m.commands[toks[first].Norm] &&
			o.Start > 0 && toks[o.Start-1].Norm == "and" && m.paid(toks[first:o.Start-1]) {
			end := o.Start - 1
			for end > first && !toks[end-1].IsWord() {
				end--
			}
			return o.Span(toks), tokenRun(toks, first, end), true
		}
	}
	return offer, cond, false
}

// paid reports whether a condition costs the reader something: a call, a
// meeting, an introduction or a number of minutes, and is not negated.
func (m conditionalModel) paid(toks []lint.Token) bool {
	pays := false
	for j := range toks {
		t := &toks[j]
		if m.negations[t.Norm] {
			return false
		}
		if m.payments[t.Norm] {
			pays = true
		} else if t.Kind == lint.TokNumber {
			mins, _ := minutes(toks, j)
			pays = pays || mins > 0
		}
	}
	return pays
}

// logistics reports whether the object of an offer is scheduling, not
// value: "I'll send an invite", "you'll get a calendar link".
func (m conditionalModel) logistics(toks []lint.Token) bool {
	for j := range toks {
		t := &toks[j]
		if j >= 6 || t.Text == "," || t.Text == ";" {
			break
		}
		if m.logistic[t.Norm] {
			return true
		}
	}
	return false
}

// clauseBreak returns the index of the first clause break (a comma, a dash,
// a semicolon or a colon) in toks[from:to], or to.
func clauseBreak(toks []lint.Token, from, to int) int {
	for j := from; j < to; j++ {
		if t := toks[j]; t.Kind == lint.TokPunct && strings.ContainsAny(t.Text, ",;:—–-") {
			return j
		}
	}
	return to
}

// tokenRun returns the text span of toks[start:end].
func tokenRun(toks []lint.Token, start, end int) lint.Span {
	return lint.Span{Start: toks[start].Span.Start, End: toks[end-1].Span.End}
}

// adjoins reports whether only punctuation or "then" separates a
// condition from its give ("If you book a call, then I'll send…").
func adjoins(between []lint.Token) bool {
	for k := range between {
		t := &between[k]
		if t.IsWord() && t.Norm != "then" {
			return false
		}
	}
	return true
}

// firstWordIndex returns the index of the first word token, or -1.
func firstWordIndex(toks []lint.Token) int {
	for j := range toks {
		t := &toks[j]
		if t.IsWord() {
			return j
		}
	}
	return -1
}
