package rules

import (
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// docsURL is where every rule's documentation lives, one anchor per rule.
const docsURL = "https://github.com/givefirst/givefirst/blob/main/docs/rules.md#"

func ruleURL(id string) string { return docsURL + id }

// ledgerOf returns the ledger of a rule that Requires LedgerAnalyzer.
func ledgerOf(p *lint.Pass) *Ledger { return p.ResultOf(LedgerAnalyzer).(*Ledger) }

// firstTouch reports whether a message opens a conversation: not a
// follow-up, not a later cadence step, not a reply.
func firstTouch(d *lint.Document) bool {
	switch d.Meta.Stage {
	case "", "first", "first-touch", "cold", "opener":
	default:
		return false
	}
	return d.Kind != lint.KindFollowup && d.Meta.Step <= 1 && d.Meta.InReplyTo == ""
}

// deletion removes a span of Text together with the white space after it,
// or its whole line when nothing else is on that line, so no gap or blank
// line is left behind.
func deletion(text string, s lint.Span) lint.TextEdit {
	lineStart := strings.LastIndexAny(text[:s.Start], "\r\n") + 1
	end := s.End
	for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	if strings.TrimSpace(text[lineStart:s.Start]) == "" && (end == len(text) || text[end] == '\n' || text[end] == '\r') {
		if end < len(text) && text[end] == '\r' {
			end++
		}
		if end < len(text) && text[end] == '\n' {
			end++
		}
		// A paragraph of its own: take one of the blank lines around it too.
		if blankBefore(text, lineStart) {
			end += blankLineLen(text[end:])
		}
		return lint.TextEdit{Span: lint.Span{Start: lineStart, End: end}}
	}
	return lint.TextEdit{Span: lint.Span{Start: s.Start, End: end}}
}

// sentenceOnly reports whether hit h covers every word of toks: the
// sentence is nothing but the phrase, so deleting it loses nothing.
func sentenceOnly(toks []lint.Token, h hit) bool {
	for j := range toks {
		t := &toks[j]
		if (j < h.Start || j >= h.End) && t.IsWord() {
			return false
		}
	}
	return true
}

// blankBefore reports whether the line before the one starting at
// lineStart is blank.
func blankBefore(text string, lineStart int) bool {
	if lineStart == 0 {
		return false
	}
	prev := text[:lineStart]
	switch {
	case strings.HasSuffix(prev, "\r\n"):
		prev = prev[:len(prev)-2]
	default:
		prev = prev[:len(prev)-1]
	}
	return strings.TrimSpace(prev[strings.LastIndexAny(prev, "\r\n")+1:]) == ""
}

// blankLineLen returns the length of a blank line at the start of s, with
// its terminator, or 0.
func blankLineLen(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	switch {
	case strings.HasPrefix(s[i:], "\r\n"):
		return i + 2
	case i < len(s) && (s[i] == '\n' || s[i] == '\r'):
		return i + 1
	}
	return 0
}
