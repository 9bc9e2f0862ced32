package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// VoicemailPitch flags a voicemail that sells: several sentences about the
// sender's company, a price, or a list of features.
var VoicemailPitch = &lint.Rule{
	ID:       "voicemail-pitch",
	Summary:  "The voicemail pitches the product instead of giving one reason to respond",
	URL:      ruleURL("voicemail-pitch"),
	Severity: lint.Warning,
	Kinds:    []lint.Kind{lint.KindVoicemail},
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "min_pitch_sentences", Doc: "sentences about the sender's company that make a voicemail a pitch", Default: 2},
	},
	Doc: `A voicemail is too short to sell in, and a listener who hears a pitch deletes it before the
number. Prices and feature lists are the clearest signs; so are several sentences about your
company. Use the voicemail for one thing that is about the listener and a next step, and leave the
product for the email they can read when it suits them.

The rule fires on two or more sentences the ledger books as pitch, on a price ("$49 a seat",
"costs 49 dollars"), or on a list of three or more features in a sentence about your product.

**Instead of**

> Our platform has AI scoring, a power dialer, and call recording, and it's only $49 a seat.

**Try**

> Saw {{company}} is hiring four SDRs. I sent you one idea on cutting their ramp, subject
> "ramp math".`,
	Run: func(p *lint.Pass) error {
		led := ledgerOf(p)
		type evidence struct {
			span lint.Span
			what string
		}
		var pitches, prices, lists []evidence
		for _, e := range led.Entries {
			toks := p.Text.SentenceTokens(e.Sentence)
			pitch := e.Role == RolePitch
			if pitch {
				pitches = append(pitches, evidence{e.Span, "about your company"})
			}
			for _, s := range priceSpans(toks, pitch) {
				prices = append(prices, evidence{s, "a price"})
			}
			if pitch || pitchSubject(toks) {
				if s, ok := featureList(toks); ok {
					lists = append(lists, evidence{s, "a feature list"})
				}
			}
		}
		var reasons []string
		var all []evidence
		if len(pitches) >= p.Int("min_pitch_sentences") {
			reasons = append(reasons, fmt.Sprintf("%d sentences about your company", len(pitches)))
			all = append(all, pitches...)
		}
		if len(prices) > 0 {
			reasons = append(reasons, "a price (\""+p.Doc.TextOf(prices[0].span)+"\")")
			all = append(all, prices...)
		}
		if len(lists) > 0 {
			reasons = append(reasons, "a feature list")
			all = append(all, lists...)
		}
		if len(all) == 0 {
			return nil
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].span.Start < all[j].span.Start })
		d := lint.Diagnostic{
			Span: all[0].span,
			Message: "This voicemail sells: " + strings.Join(reasons, ", ") +
				". Give one reason that is about the listener and the next step; save the product for the email",
		}
		for _, ev := range all[1:] {
			d.Related = append(d.Related, lint.Related{Span: ev.span, Message: ev.what})
		}
		p.Report(d)
		return nil
	},
}

// priceSpans finds money amounts said as prices: "$49", "49 dollars" next
// to a price word ("costs $49", "$49 per seat"), or any amount in a pitch
// sentence. "You raised $20M" is about the reader, not a price.
func priceSpans(toks []lint.Token, pitch bool) []lint.Span {
	var out []lint.Span
	for j := range toks {
		t := &toks[j]
		if t.Kind != lint.TokNumber {
			continue
		}
		end := j + 1
		switch {
		case strings.ContainsAny(t.Text[:1], "$€£"):
		case end < len(toks) && voicemailCues.currencies[toks[end].Norm]:
			end++
		default:
			continue
		}
		near := pitch
		for k := max(0, j-2); k < min(len(toks), end+2) && !near; k++ {
			near = voicemailCues.priceWords[toks[k].Norm]
		}
		if near {
			out = append(out, lint.Span{Start: t.Span.Start, End: toks[end-1].Span.End})
		}
	}
	return out
}

// pitchSubject reports whether a sentence opens with the sender's product
// as its subject ("We…", "Our platform…", "It…").
func pitchSubject(toks []lint.Token) bool {
	for k := range toks {
		t := &toks[k]
		if t.IsWord() {
			return voicemailCues.pitchSubject[t.Norm]
		}
	}
	return false
}

// featureList finds three or more short items joined by commas and a last
// "and"/"or" ("AI scoring, dialers, and call recording") and returns the
// span from the first item's end to the last item's end.
func featureList(toks []lint.Token) (lint.Span, bool) {
	var commas []int
	for j := range toks {
		t := &toks[j]
		if t.Text == "," {
			commas = append(commas, j)
		}
	}
	if len(commas) == 0 || commas[0] == 0 || !toks[commas[0]-1].IsWord() {
		return lint.Span{}, false
	}
	for k := 1; k < len(commas); k++ {
		if n := wordCount(toks[commas[k-1]+1 : commas[k]]); n < 1 || n > 4 {
			return lint.Span{}, false
		}
	}
	last := toks[commas[len(commas)-1]+1:]
	conj := -1
	for j := range last {
		t := &last[j]
		if t.Norm == "and" || t.Norm == "or" || t.Norm == "plus" || t.Text == "&" {
			conj = j
			break
		}
	}
	if conj < 0 || wordCount(last[:conj]) > 4 {
		return lint.Span{}, false
	}
	items := len(commas) + 1
	if wordCount(last[:conj]) > 0 {
		items++ // "A, B and C": the last comma is not an Oxford comma
	}
	tail := last[conj+1:]
	if n := wordCount(tail); n < 1 || n > 6 || items < 3 {
		return lint.Span{}, false
	}
	end := len(tail)
	for !tail[end-1].IsWord() {
		end--
	}
	return lint.Span{Start: toks[commas[0]-1].Span.Start, End: tail[end-1].Span.End}, true
}
