package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
)

// placeholderChars is how many characters a merge field in the subject
// counts for: about a company or first name once filled in.
const placeholderChars = 10

// SubjectLine checks the subject: present, short, honest about threads
// and not shouting.
var SubjectLine = &lint.Rule{
	ID:       "subject-line",
	Summary:  "The subject line is missing, too long, shouting, or fakes a reply with \"Re:\"",
	URL:      ruleURL("subject-line"),
	Severity: lint.Warning,
	Kinds:    []lint.Kind{lint.KindEmail, lint.KindFollowup},
	Options: []lint.Option{
		{Name: "max_words", Doc: "words a subject may have before the hint", Default: 7},
		{Name: "max_chars", Doc: "characters a subject may have before the hint (a merge field counts as 10)", Default: 40},
		{Name: "acronyms", Doc: "more words that may be written in capitals without shouting", Default: []string{}},
	},
	Doc: `The subject decides whether the message is opened at all. The rule warns when a message has
no subject or an empty one (a plain-text template with no subject line at all is taken to be a
body only, and left alone), and when a first touch starts its subject with "Re:" or "Fwd:": faking
a thread is a small deception the reader spots at once, and it spends the trust the rest of the
message needs. It hints when the subject runs past 7 words or 40 characters (phones cut it off
around there, and 3–4 words tend to do best) or shouts in capitals or with "!!".

A real follow-up may keep "Re:": mark it with ` + "`step: 2`" + `, a ` + "`stage:`" + ` or an In-Reply-To header.

**Instead of**

> Subject: Re: Quick question about your exciting growth plans for 2025!!

**Try**

> Subject: Berlin hiring checklist`,
	Run: func(p *lint.Pass) error {
		doc := p.Doc
		subj := doc.Meta.Subject
		trimmed := strings.TrimSpace(subj)
		if trimmed == "" {
			switch {
			case doc.Meta.HasSubject:
				span, _ := subjectSpan(doc, p.Text, 0, len(subj))
				p.Reportf(span, "The subject line is empty: a message without one is rarely opened; name what you are giving in 3–4 words")
			case doc.Format == lint.FormatEmail:
				span, _ := subjectSpan(doc, p.Text, 0, 0)
				p.Reportf(span, "The message has no subject line: a message without one is rarely opened; name what you are giving in 3–4 words")
			}
			return nil
		}
		lead := strings.Index(subj, trimmed)
		if n := replyPrefixLen(trimmed); n > 0 && firstTouch(doc) {
			prefix := strings.TrimSpace(trimmed[:n])
			span, exact := subjectSpan(doc, p.Text, lead, lead+n)
			d := lint.Diagnostic{Span: span, Message: fmt.Sprintf(
				"%q on a first touch pretends there is a thread: a small deception readers notice; drop it, or mark a real follow-up (step: 2)", prefix)}
			if exact {
				d.Fixes = []lint.Fix{{Title: fmt.Sprintf("Remove %q", prefix), Edits: []lint.TextEdit{{Span: span}}}}
			} else {
				d.Message = "The subject's " + d.Message
			}
			p.Report(d)
			lead += n
			trimmed = trimmed[n:]
		}
		whole, exact := subjectSpan(doc, p.Text, lead, lead+len(trimmed))
		named := ""
		if !exact {
			named = fmt.Sprintf(" (%q)", trimmed)
		}
		a := lint.AnalyzeLine(trimmed)
		words, chars := subjectSize(a)
		if words > p.Int("max_words") || chars > p.Int("max_chars") {
			p.Report(lint.Diagnostic{Span: whole, Severity: graded(p, lint.Hint), Message: fmt.Sprintf(
				"The subject%s runs %d words and about %d characters: phones cut it near %d, and 3–4 words tend to do best",
				named, words, chars, p.Int("max_chars"))})
		}
		acr := p.Strings("acronyms")
		m, err := pushyModels.get(pushyKey(nil, acr), func() (*pushyModel, error) { return buildPushyModel(nil, acr) })
		if err != nil {
			return err
		}
		if loud := subjectShouts(m, a); len(loud) > 0 {
			p.Report(lint.Diagnostic{Span: whole, Severity: graded(p, lint.Hint), Message: fmt.Sprintf(
				"The subject%s shouts (%s): write it the way you would write to a colleague", named, strings.Join(loud, ", "))})
		}
		return nil
	},
}

// replyPrefixLen returns the length of leading "Re:", "Fwd:" or "Fw:"
// markers (repeated, any case) with the spaces after them, or 0.
func replyPrefixLen(s string) int {
	n := 0
	for {
		rest := s[n:]
		i := 0
		for i < len(rest) && i < 3 && (rest[i]|0x20 >= 'a' && rest[i]|0x20 <= 'z') {
			i++
		}
		switch strings.ToLower(rest[:i]) {
		case "re", "fw", "fwd":
		default:
			return n
		}
		j := i
		for j < len(rest) && rest[j] == ' ' {
			j++
		}
		if j >= len(rest) || rest[j] != ':' {
			return n
		}
		j++
		for j < len(rest) && rest[j] == ' ' {
			j++
		}
		n += j
	}
}

// subjectSize counts a subject's words (a merge field is one) and its
// characters, a merge field counting as placeholderChars.
func subjectSize(a *lint.Analysis) (words, chars int) {
	chars = utf8.RuneCountInString(a.Doc.Text)
	for k := range a.Tokens {
		t := &a.Tokens[k]
		if t.IsWord() {
			words++
		}
		if t.Kind == lint.TokPlaceholder {
			field := utf8.RuneCountInString(t.Text)
			if t.Possessive {
				field -= 2 // the 's stays
			}
			chars += placeholderChars - field
		}
	}
	return words, chars
}

// subjectShouts lists what shouts in a subject: words in capitals, "!!"
// and a second "!".
func subjectShouts(m *pushyModel, a *lint.Analysis) []string {
	var loud []string
	bangs := 0
	for k := range a.Tokens {
		t := &a.Tokens[k]
		switch {
		case m.shoutWord(t):
			loud = append(loud, fmt.Sprintf("%q", t.Text))
		case t.Kind == lint.TokPunct && strings.Contains(t.Text, "!"):
			bangs += strings.Count(t.Text, "!")
		}
	}
	if bangs >= 2 {
		loud = append(loud, fmt.Sprintf("%d exclamation marks", bangs))
	}
	return loud
}

// subjectSpan says where to report on bytes [from, to) of Meta.Subject.
// Text and Markdown keep Text and Source aligned, so the subject's own
// bytes are used (exact); for other formats the subject is not in Text,
// and the report goes to the start of the body.
func subjectSpan(doc *lint.Document, a *lint.Analysis, from, to int) (lint.Span, bool) {
	s := doc.Meta.SubjectSpan
	if (doc.Format == lint.FormatText || doc.Format == lint.FormatMarkdown) && doc.Meta.HasSubject &&
		0 <= s.Start && s.Start <= s.End && s.End <= len(doc.Source) {
		if k := strings.Index(string(doc.Source[s.Start:s.End]), doc.Meta.Subject); k >= 0 {
			return lint.Span{Start: s.Start + k + from, End: s.Start + k + to}, true
		}
		return s, false
	}
	at := 0
	if len(a.Sentences) > 0 {
		at = a.Sentences[0].Span.Start
	}
	return lint.Span{Start: at, End: at}, false
}
