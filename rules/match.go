package rules

import (
	"fmt"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// A phrase is a cue compiled from a data file. Its pattern is a list of
// space-separated slots, each matched against one token's Norm:
//
//	word        the word itself ("here's")
//	a|b|c       any of the alternatives
//	word*       any word starting with "word" ("minute*")
//	[a|b]       an optional slot
//	#           a number        {}  a placeholder      *  any one word
type phrase struct {
	Text  string // the pattern as written: the cue name shown to users
	slots []slot
	Data  any // what the phrase means to its owner (a role, a size)
}

type slot struct {
	words    []string
	prefixes []string
	number   bool
	holder   bool
	any      bool
	optional bool
}

func (s slot) match(t lint.Token) bool {
	switch {
	case s.any:
		return t.Kind == lint.TokWord || t.Kind == lint.TokNumber || t.Kind == lint.TokPlaceholder
	case s.number && t.Kind == lint.TokNumber, s.holder && t.Kind == lint.TokPlaceholder:
		return true
	}
	for _, w := range s.words {
		if t.Norm == w {
			return true
		}
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(t.Norm, p) {
			return true
		}
	}
	return false
}

func compilePhrase(text string, data any) (*phrase, error) {
	p := &phrase{Text: strings.TrimSpace(text), Data: data}
	for _, f := range strings.Fields(strings.ToLower(strings.ReplaceAll(text, "’", "'"))) {
		var s slot
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			s.optional = true
			f = f[1 : len(f)-1]
		}
		for _, alt := range strings.Split(f, "|") {
			switch {
			case alt == "":
				return nil, fmt.Errorf("cue %q: empty alternative", text)
			case alt == "#":
				s.number = true
			case alt == "{}":
				s.holder = true
			case alt == "*":
				s.any = true
			case len(alt) > 1 && strings.HasSuffix(alt, "*"):
				s.prefixes = append(s.prefixes, strings.TrimSuffix(alt, "*"))
			default:
				s.words = append(s.words, alt)
			}
		}
		p.slots = append(p.slots, s)
	}
	if len(p.slots) == 0 || p.slots[0].optional {
		return nil, fmt.Errorf("cue %q: must start with a required word", text)
	}
	return p, nil
}

// matchAt returns the end of a match of slots starting at tokens[i], or -1.
func matchAt(slots []slot, toks []lint.Token, i int) int {
	if len(slots) == 0 {
		return i
	}
	s := slots[0]
	if i < len(toks) && s.match(toks[i]) {
		if end := matchAt(slots[1:], toks, i+1); end >= 0 {
			return end
		}
	}
	if s.optional {
		return matchAt(slots[1:], toks, i)
	}
	return -1
}

// matcher finds phrases in token runs. Phrases are indexed by the words
// their first slot accepts, so a sentence costs one map lookup per token
// rather than one comparison per cue.
type matcher struct {
	byWord map[string][]*phrase
	other  []*phrase // first slot is a prefix, number, placeholder or wildcard
}

func newMatcher() *matcher { return &matcher{byWord: map[string][]*phrase{}} }

func (m *matcher) add(p *phrase) {
	first := p.slots[0]
	if len(first.prefixes) > 0 || first.number || first.holder || first.any {
		m.other = append(m.other, p)
		return
	}
	for _, w := range first.words {
		m.byWord[w] = append(m.byWord[w], p)
	}
}

// addAll compiles and adds phrases that all carry data.
func (m *matcher) addAll(texts []string, data any) error {
	for _, t := range texts {
		p, err := compilePhrase(t, data)
		if err != nil {
			return err
		}
		m.add(p)
	}
	return nil
}

// hit is one phrase found in a token run; Start and End index the run.
type hit struct {
	*phrase
	Start, End int
}

// Span returns the text span of the hit within toks.
func (h hit) Span(toks []lint.Token) lint.Span {
	return lint.Span{Start: toks[h.Start].Span.Start, End: toks[h.End-1].Span.End}
}

// each calls fn for every match, in token order, longest first at a start.
func (m *matcher) each(toks []lint.Token, fn func(hit) bool) {
	for i, t := range toks {
		best := hit{}
		try := func(p *phrase) {
			if end := matchAt(p.slots, toks, i); end > i && end-i > best.End-best.Start {
				best = hit{p, i, end}
			}
		}
		for _, p := range m.byWord[t.Norm] {
			try(p)
		}
		for _, p := range m.other {
			try(p)
		}
		if best.phrase != nil && !fn(best) {
			return
		}
	}
}

// first returns the first match, if any.
func (m *matcher) first(toks []lint.Token) (hit, bool) {
	var out hit
	found := false
	m.each(toks, func(h hit) bool { out, found = h, true; return false })
	return out, found
}
