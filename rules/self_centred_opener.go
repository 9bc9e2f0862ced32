package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
)

type openerCueFile struct {
	Cues struct {
		Self           []string `yaml:"self"`
		Observation    []string `yaml:"observation"`
		Identification []string `yaml:"identification"`
	} `yaml:"cues"`
	Fillers []string `yaml:"fillers"`
}

type openerModel struct{ self, observation, identification, fillers *matcher }

var opener = func() openerModel {
	var f openerCueFile
	loadCues("opener", &f)
	return openerModel{
		self:           mustMatcher(list(nil, f.Cues.Self)),
		observation:    mustMatcher(list(nil, f.Cues.Observation)),
		identification: mustMatcher(list(nil, f.Cues.Identification)),
		fillers:        mustMatcher(list(nil, f.Fillers)),
	}
}()

// SelfCentredOpener flags a first line about the sender ("My name is…",
// "I wanted to reach out…") instead of the reader.
var SelfCentredOpener = &lint.Rule{
	ID:       "self-centred-opener",
	Summary:  "The first line is about the sender instead of the reader",
	URL:      ruleURL("self-centred-opener"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Doc: `The first line decides whether the rest gets read, and it shows up in the inbox preview.
An opener about the sender ("My name is…", "I wanted to reach out…", "We are a leading…") spends it
on the sender's agenda. Open with the reader's world: something you noticed about them, an idea,
a resource.

An opener that reports something about the reader ("I noticed your team…") is fine, and so is one
that already gives something. In voicemails the usual "this is Sam from Acme" is skipped and the
next sentence is judged. When the opener starts with a filler clause such as "I wanted to reach
out because", the fix deletes it and keeps the reason.

**Instead of**

> My name is Dan and I'm with Acme, a leading provider of sales software.

**Try**

> Saw {{company}} opened a Berlin office, so here's the hiring checklist we give every new EU team.`,
	Run: func(p *lint.Pass) error {
		idx := openerIndex(p.Text, p.Doc.Kind)
		if idx < 0 {
			return nil
		}
		led := ledgerOf(p)
		if led.Entries[idx].Gives() {
			return nil // an opener that gives is about the reader
		}
		toks := p.Text.SentenceTokens(idx)
		first := 0
		for first < len(toks) && !toks[first].IsWord() {
			first++
		}
		if first == len(toks) {
			return nil
		}
		if h, ok := opener.observation.first(toks); ok && h.Start == first && readerRef(toks[h.End:]) && !anySelf(toks[h.End:]) {
			return nil // "I noticed your team…"
		}
		cue, hasCue := opener.self.first(toks)
		startsSelf := selfRef(toks[first].Norm, true)
		if !hasCue && !startsSelf {
			return nil
		}
		d := lint.Diagnostic{Message: "The opening line is about the sender: open with the reader's situation or something useful to them"}
		if hasCue {
			d.Span = cue.Span(toks)
			d.Message = "The opening line is about the sender (\"" + p.Doc.TextOf(d.Span) + "\"): open with the reader's situation or something useful to them"
		} else {
			last := min(len(toks)-1, first+2)
			d.Span = lint.Span{Start: toks[first].Span.Start, End: toks[last].Span.End}
			if readerThing(toks[:min(len(toks), first+6)]) {
				d.Severity = lint.Hint // "I love your post…": about the reader's work; less sure
			}
		}
		if f, ok := opener.fillers.first(toks); ok && f.Start == first && f.End < len(toks) {
			d.Fixes = []lint.Fix{dropFiller(p.Doc.Text, toks[f.Start], toks[f.End])}
		}
		p.Report(d)
		return nil
	},
}

// openerIndex returns the sentence judged as the opener: the first one
// that is not pure filler ("I hope this email finds you well!", which
// cliche-opener reports) nor, in a voicemail, the caller identifying
// themselves ("this is Sam from Acme").
func openerIndex(a *lint.Analysis, kind lint.Kind) int {
	for i := range a.Sentences {
		toks := a.SentenceTokens(i)
		if h, ok := baseCliches.first(toks); ok && sentenceOnly(toks, h) {
			continue
		}
		if kind == lint.KindVoicemail && i == 0 {
			if h, ok := opener.identification.first(toks); ok && h.Start <= 1 {
				continue
			}
		}
		return i
	}
	return -1
}

// readerThing reports a possessive about the reader: "your", "yours" or a
// reader merge field with 's.
func readerThing(toks []lint.Token) bool {
	for k := range toks {
		t := &toks[k]
		if t.Norm == "your" || t.Norm == "yours" || (t.Possessive && placeholderOwner(t.Text) == ownerReader) {
			return true
		}
	}
	return false
}

func anySelf(toks []lint.Token) bool {
	for k := range toks {
		t := &toks[k]
		if selfRef(t.Norm, true) {
			return true
		}
	}
	return false
}

// dropFiller deletes a filler clause up to next and capitalises next, so
// "I wanted to reach out because your team…" becomes "Your team…".
func dropFiller(text string, from, next lint.Token) lint.Fix {
	r, size := utf8.DecodeRuneInString(text[next.Span.Start:])
	repl := string(r)
	if next.Kind == lint.TokWord {
		repl = string(unicode.ToUpper(r))
	}
	return lint.Fix{
		Title: "Delete \"" + strings.TrimSpace(text[from.Span.Start:next.Span.Start]) + "\"",
		Safe:  true,
		Edits: []lint.TextEdit{{Span: lint.Span{Start: from.Span.Start, End: next.Span.Start + size}, NewText: repl}},
	}
}
