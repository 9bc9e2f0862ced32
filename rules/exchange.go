package rules

import (
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// answersQuestion reports whether the message replies to the reader: a
// `stage: reply` file, or a quoted thread with a question in it. A reply
// that answers is itself the give.
func answersQuestion(d *lint.Document) bool {
	if d.Meta.Stage == "reply" {
		return true
	}
	for _, m := range d.Masks {
		if m.Reason != lint.MaskQuote {
			continue
		}
		if s, _ := d.SourceSpan(m.Span); strings.Contains(string(d.Source[s.Start:s.End]), "?") {
			return true
		}
	}
	return false
}

// bodyStart is where a related "nothing before this" note points.
func bodyStart(a *lint.Analysis) lint.Span {
	if len(a.Sentences) == 0 {
		return lint.Span{}
	}
	return a.Sentences[0].Span
}

// askName describes an ask for a message: "a 15-minute meeting", "\"quick call\"".
func askName(doc *lint.Document, e Entry) string {
	if e.Cue == cueReaderQuestion {
		return "an answer"
	}
	return "\"" + doc.TextOf(e.CueSpan) + "\""
}
