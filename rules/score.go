package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// Score bands, from the best.
const (
	BandReciprocal = "reciprocal" // 80 and above
	BandLopsided   = "lopsided"   // 60 to 79
	BandOneWay     = "one-way"    // below 60, or any error
)

// Scorer rates a message 0–100 on reciprocity from its ledger and the
// rules' findings. rules.New attaches it, so the CLI, the editor and
// library callers show the same number.
var Scorer = &lint.Scorer{Requires: []*lint.Analyzer{LedgerAnalyzer, ReadabilityAnalyzer}, Score: score}

// errorCap is the highest score a message with an error can get.
const errorCap = 59

func score(res *lint.Result) *lint.Score {
	led, ok := res.Facts[LedgerAnalyzer.Name].(*Ledger)
	if !ok {
		return nil
	}
	var pushy, debt int
	var callback [lint.Error + 1]bool // severities missing-callback reported
	hasError := false
	for _, d := range res.Diagnostics {
		switch d.Rule {
		case "pushy-pressure":
			pushy++
		case "fake-obligation":
			debt++
		case "missing-callback":
			if d.Severity >= 0 && d.Severity <= lint.Error {
				callback[d.Severity] = true
			}
		}
		hasError = hasError || d.Severity == lint.Error
	}
	comps := []lint.ScoreComponent{
		giveFirstComponent(led),
		balanceComponent(led),
		readerFocusComponent(led),
		conversationComponent(led),
		respectComponent(pushy, debt),
	}
	if res.Doc.Kind == lint.KindVoicemail {
		comps = append(comps, voicemailFormComponent(led, callback))
	} else {
		stats, _ := res.Facts[ReadabilityAnalyzer.Name].([]readStats)
		comps = append(comps, formComponent(stats, led))
	}
	total := 0.0
	for _, c := range comps {
		total += c.Points
	}
	value := int(math.Round(total))
	if hasError {
		value = min(value, errorCap)
	}
	return &lint.Score{Value: value, Band: band(value), Components: comps, Summary: ledgerSummary(res.Doc, led)}
}

func band(v int) string {
	switch {
	case v >= 80:
		return BandReciprocal
	case v >= 60:
		return BandLopsided
	}
	return BandOneWay
}

// ramp maps x linearly from lo (0 points) to hi (full points), clamped.
func ramp(x, lo, hi, full float64) float64 {
	if hi == lo {
		return full
	}
	return full * math.Max(0, math.Min(1, (x-lo)/(hi-lo)))
}

func giveFirstComponent(led *Ledger) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "give first", Max: 25}
	give, ask := led.FirstGive(), led.FirstAsk()
	switch {
	case give < 0:
		c.Note = "nothing is given"
	case ask < 0 || give <= ask:
		c.Points, c.Note = 25, "a give comes before any ask"
	default:
		c.Points, c.Note = 12, "the first give comes after the first ask"
	}
	return c
}

func balanceComponent(led *Ledger) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "balance", Max: 20}
	g, a := led.GiveWeight(), led.AskWeight()
	switch {
	case a == 0:
		c.Points, c.Note = 8, "no ask to trade the value for"
	case g == 0:
		c.Note = "asks with nothing given"
	default:
		r := g / a
		c.Note = fmt.Sprintf("give:ask %.2g", r)
		switch {
		case r < 0.75:
			c.Points = ramp(r, 0.25, 0.75, 20)
		case r > 3:
			c.Points = 20 - ramp(r, 3, 6, 20)
		default:
			c.Points = 20
		}
	}
	return c
}

func readerFocusComponent(led *Ledger) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "reader focus", Max: 15}
	self := led.Self(true)
	switch {
	case self == 0 && led.Reader == 0:
		c.Points, c.Note = 8, "neither I nor you"
	case self == 0:
		c.Points, c.Note = 15, "all about the reader"
	default:
		r := float64(led.Reader) / float64(self)
		c.Points, c.Note = ramp(r, 0.5, 1.5, 15), fmt.Sprintf("you:I %.2g", r)
	}
	return c
}

func conversationComponent(led *Ledger) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "conversation", Max: 10}
	q := 0
	for _, e := range led.Entries {
		if e.Question {
			q++
		}
	}
	switch {
	case q == 0:
		c.Points = 6
	case q <= 3:
		c.Points = 10
	case q == 4:
		c.Points = 4
	}
	if q > 0 && led.FirstGive() < 0 {
		c.Points = math.Max(0, c.Points-5)
	}
	c.Note = fmt.Sprintf("%d questions", q)
	return c
}

func respectComponent(pushy, debt int) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "respect", Max: 15, Points: math.Max(0, 15-5*float64(pushy)-8*float64(debt))}
	c.Note = fmt.Sprintf("%d pressure, %d obligation cues", pushy, debt)
	return c
}

func formComponent(stats []readStats, led *Ledger) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "form", Max: 15}
	switch w := led.Words; {
	case w <= 75:
		c.Points = 8
	case w <= 125:
		c.Points = 5
	case w <= 200:
		c.Points = 2
	}
	grade, graded := bodyGrade(stats)
	switch {
	case !graded || grade <= 5:
		c.Points += 7
	case grade <= 8:
		c.Points += 5
	case grade <= 10:
		c.Points += 2
	}
	c.Note = fmt.Sprintf("%d words", led.Words)
	if graded {
		c.Note += fmt.Sprintf(", grade %.1f", grade)
	}
	return c
}

// bodyGrade is the Flesch–Kincaid grade of the body, when it is long enough
// for the formula to mean something.
func bodyGrade(stats []readStats) (float64, bool) {
	var total readStats
	for _, st := range stats {
		total.add(st)
	}
	if total.words < 30 || total.sentences == 0 {
		return 0, false
	}
	return total.fk(), true
}

// voicemailFormComponent scores a script's length and its next step in
// place of an email's length and grade. missing-callback reports no next
// step as an error and a number said only once as a hint (its warning is
// about the caller's name, which the next step does not depend on).
func voicemailFormComponent(led *Ledger, callback [lint.Error + 1]bool) lint.ScoreComponent {
	c := lint.ScoreComponent{Name: "length and next step", Max: 15}
	secs := VoicemailSeconds(led.Words, DefaultVoicemailWPM)
	switch {
	case secs >= 18 && secs <= 25:
		c.Points = 8
	case secs >= 12 && secs <= 30:
		c.Points = 5
	case secs <= 45:
		c.Points = 2
	}
	switch {
	case callback[lint.Error]:
		c.Note = "no next step"
	case callback[lint.Hint]:
		c.Points += 5
		c.Note = "number said once"
	default:
		c.Points += 7
		c.Note = "clear next step"
	}
	c.Note = fmt.Sprintf("about %.0f s, %s", secs, c.Note)
	return c
}

// ledgerSummary is the one line behind the number:
// "GIVE "here's the checklist" (1) · ASK "15-minute" (small) · you:I 2.3".
// It is built for every lint, so it appends to one buffer and avoids fmt.
func ledgerSummary(doc *lint.Document, led *Ledger) string {
	b := make([]byte, 0, 160)
	sep := func() {
		if len(b) > 0 {
			b = append(b, " · "...)
		}
	}
	gives, asks := 0, 0
	for _, e := range led.Entries {
		if e.Gives() && gives < 2 {
			gives++
			span := e.CueSpan
			if e.Role == RoleAsk || span.Len() == 0 {
				span = e.Span
			}
			sep()
			b = append(b, "GIVE "...)
			b = appendClipped(b, doc.TextOf(span), 6)
			b = append(b, " ("...)
			b = strconv.AppendFloat(b, e.Weight, 'g', -1, 64)
			b = append(b, ')')
		}
		if e.Asks() && asks < 2 {
			asks++
			sep()
			b = append(b, "ASK "...)
			b = appendClipped(b, doc.TextOf(e.CueSpan), 6)
			b = append(b, " ("...)
			b = append(b, e.Size...)
			b = append(b, ')')
		}
	}
	if len(b) == 0 {
		b = append(b, "no give, no ask"...)
	}
	sep()
	if self := led.Self(true); self > 0 {
		b = append(b, "you:I "...)
		b = strconv.AppendFloat(b, float64(led.Reader)/float64(self), 'g', 2, 64)
	} else {
		b = append(b, "you "...)
		b = strconv.AppendInt(b, int64(led.Reader), 10)
		b = append(b, ", I 0"...)
	}
	return string(b)
}

// appendClipped appends s, quoted as strconv.Quote does, with its white
// space runs made single spaces and cut after n words with an ellipsis.
func appendClipped(b []byte, s string, n int) []byte {
	var buf [128]byte
	clip, words := buf[:0], 0
	for f := range strings.FieldsSeq(s) {
		if words == n {
			clip = append(clip, "…"...)
			break
		}
		if words > 0 {
			clip = append(clip, ' ')
		}
		clip = append(clip, f...)
		words++
	}
	return strconv.AppendQuote(b, string(clip))
}
