package rules

import (
	"fmt"
	"math"

	"github.com/givefirst/givefirst/lint"
)

// Voicemail timing. A script is timed at a conversational speaking rate;
// the score gives full marks for the target window.
const (
	DefaultVoicemailWPM       = 150.0 // words a minute, conversational speech
	VoicemailTargetMinSeconds = 18.0
	VoicemailTargetMaxSeconds = 25.0
)

// VoicemailSeconds returns how long words take to say at wpm words a
// minute, or 0 when wpm is not positive.
func VoicemailSeconds(words int, wpm float64) float64 {
	if wpm <= 0 {
		return 0
	}
	return float64(words) / wpm * 60
}

// VoicemailTooLong times a voicemail script at speaking pace and flags one
// that runs long enough to be skipped, or too short to carry a reason.
var VoicemailTooLong = &lint.Rule{
	ID:       "voicemail-too-long",
	Summary:  "The voicemail takes too long to say (or is too short to give a reason to call back)",
	URL:      ruleURL("voicemail-too-long"),
	Severity: lint.Warning,
	Kinds:    []lint.Kind{lint.KindVoicemail},
	Options: []lint.Option{
		{Name: "wpm", Doc: "speaking rate, in words a minute, used to time the script", Default: DefaultVoicemailWPM},
		{Name: "min_seconds", Doc: "a hint below this many seconds: too thin to give a reason", Default: 12.0},
		{Name: "warning_seconds", Doc: "a warning from this many seconds on", Default: 30.0},
		{Name: "error_seconds", Doc: "an error above this many seconds", Default: 45.0},
	},
	Doc: `A voicemail is heard once, at the speaker's pace, by someone deciding within seconds whether
to keep listening. Past about half a minute most listeners skip or delete it, and the callback
number at the end is never heard. Around 18 to 25 seconds (45 to 60 words at a normal 150 words a
minute) is enough for your name, one reason that is about them, and the next step.

The rule times the body of the script (the greeting and sign-off are left out): a hint under 12
seconds, a warning from 30, an error above 45. Every threshold and the speaking rate are options.

**Instead of**

> A 120-word script that covers your company history, three features and two case studies.

**Try**

> This is Sam from Acme. Saw {{company}} is hiring four SDRs; I sent you one idea on ramp time,
> subject "ramp math". 555-0142, again 555-0142.`,
	Run: func(p *lint.Pass) error {
		wpm := p.Float("wpm")
		if wpm <= 0 {
			return fmt.Errorf("wpm must be positive, got %v", wpm)
		}
		words := p.Text.WordCount()
		if words == 0 {
			return nil
		}
		secs := VoicemailSeconds(words, wpm)
		target := fmt.Sprintf("aim for %g–%g s (about %d–%d words)", VoicemailTargetMinSeconds, VoicemailTargetMaxSeconds,
			int(math.Ceil(VoicemailTargetMinSeconds*wpm/60)), int(math.Floor(VoicemailTargetMaxSeconds*wpm/60)))
		timing := fmt.Sprintf("about %.0f s (%d words at %g words a minute)", secs, words, wpm)
		switch {
		case secs > p.Float("error_seconds"):
			p.Report(lint.Diagnostic{
				Span:     sentenceAtSecond(p.Text, p.Float("error_seconds"), wpm),
				Severity: lint.Error,
				Message:  fmt.Sprintf("This voicemail runs %s; most listeners are gone by %g s: %s", timing, p.Float("error_seconds"), target),
			})
		case secs >= p.Float("warning_seconds"):
			p.Report(lint.Diagnostic{
				Span:     sentenceAtSecond(p.Text, p.Float("warning_seconds"), wpm),
				Severity: lint.Warning,
				Message:  fmt.Sprintf("This voicemail runs %s; callbacks drop after %g s: %s", timing, p.Float("warning_seconds"), target),
			})
		case secs < p.Float("min_seconds"):
			p.Report(lint.Diagnostic{
				Span:     wholeBody(p.Text),
				Severity: lint.Hint,
				Message:  fmt.Sprintf("This voicemail runs only %s, too short to give a reason to call back: %s", timing, target),
			})
		}
		return nil
	},
}

// sentenceAtSecond returns the sentence being spoken when the script
// passes secs, so the report points where the listener drops off.
func sentenceAtSecond(a *lint.Analysis, secs, wpm float64) lint.Span {
	limit := int(secs * wpm / 60) // words said by then
	n := 0
	for i, s := range a.Sentences {
		n += wordCount(a.SentenceTokens(i))
		if n > limit {
			return s.Span
		}
	}
	return a.Sentences[len(a.Sentences)-1].Span
}

// wholeBody covers every sentence of the body.
func wholeBody(a *lint.Analysis) lint.Span {
	return lint.Span{Start: a.Sentences[0].Span.Start, End: a.Sentences[len(a.Sentences)-1].Span.End}
}
