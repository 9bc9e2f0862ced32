package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// A phrase is a cue compiled from a data file. Its pattern is a list of
// space-separated slots, each matched against one token's Norm:
//
//	word        the word itself ("here's")
//	a|b|c       any of the alternatives
//	i_am        several words as one alternative ("i'm|i_am reaching out")
//	word*       any word starting with "word" ("minute*")
//	[a|b]       an optional slot
//	#           a number        {}  a placeholder      *  any one word
type phrase struct {
	Text  string // the pattern as written: the cue name shown to users
	slots []slot
	Data  any // what the phrase means to its owner (a role, a size)
	list  int // the shared list the phrase belongs to; 0 for none (see cueScan)
}

type slot struct {
	words    []string
	hashes   []uint64 // lint.HashWord of each word
	prefixes []string
	number   bool
	holder   bool
	any      bool
	optional bool
}

func (s *slot) match(t *lint.Token) bool {
	switch {
	case s.any:
		return t.Kind == lint.TokWord || t.Kind == lint.TokNumber || t.Kind == lint.TokPlaceholder
	case s.number && t.Kind == lint.TokNumber, s.holder && t.Kind == lint.TokPlaceholder:
		return true
	}
	for i, h := range s.hashes {
		if t.Hash == h && t.Norm == s.words[i] {
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

// compilePhrase compiles one pattern into the phrases it stands for:
// multi-word alternatives and a leading optional slot expand into
// variants, so matching stays one token per slot.
func compilePhrase(text string, data any) ([]*phrase, error) {
	name := strings.TrimSpace(text)
	variants := [][]slot{nil}
	for _, f := range strings.Fields(strings.ToLower(strings.ReplaceAll(text, "’", "'"))) {
		var s slot
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			s.optional = true
			f = f[1 : len(f)-1]
		}
		var multi [][]slot
		for _, alt := range strings.Split(f, "|") {
			switch {
			case alt == "":
				return nil, fmt.Errorf("cue %q: empty alternative", text)
			case strings.Contains(alt, "_") && !strings.HasPrefix(alt, "_") && !strings.HasSuffix(alt, "_"):
				var words []slot
				for _, w := range strings.Split(alt, "_") {
					words = append(words, slot{words: []string{w}, hashes: []uint64{lint.HashWord(w)}})
				}
				multi = append(multi, words)
			case alt == "#":
				s.number = true
			case alt == "{}":
				s.holder = true
			case alt == "*":
				s.any = true
			case len(alt) > 1 && strings.HasSuffix(alt, "*"):
				s.prefixes = append(s.prefixes, strings.TrimSuffix(alt, "*"))
			default:
				s.words, s.hashes = append(s.words, alt), append(s.hashes, lint.HashWord(alt))
			}
		}
		var next [][]slot
		for _, v := range variants {
			sc := s
			// A leading or multi-word optional slot becomes two variants;
			// other optional slots are skipped by matchAt itself.
			if s.optional && (len(v) == 0 || len(multi) > 0) {
				next = append(next, v)
				sc.optional = false
			}
			if len(sc.words)+len(sc.prefixes) > 0 || sc.number || sc.holder || sc.any {
				next = append(next, append(slices.Clone(v), sc))
			}
			for _, m := range multi {
				next = append(next, append(slices.Clone(v), m...))
			}
		}
		variants = next
	}
	var out []*phrase
	for _, v := range variants {
		if len(v) == 0 {
			return nil, fmt.Errorf("cue %q: matches nothing", text)
		}
		out = append(out, &phrase{Text: name, slots: v, Data: data})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("cue %q: matches nothing", text)
	}
	return out, nil
}

// matchAt returns the end of a match of slots starting at tokens[i], or -1.
// Required slots are checked in a loop; only an optional slot branches.
func matchAt(slots []slot, toks []lint.Token, i int) int {
	for k := range slots {
		s := &slots[k]
		if s.optional {
			if i < len(toks) && s.match(&toks[i]) {
				if end := matchAt(slots[k+1:], toks, i+1); end >= 0 {
					return end
				}
			}
			return matchAt(slots[k+1:], toks, i)
		}
		if i >= len(toks) || !s.match(&toks[i]) {
			return -1
		}
		i++
	}
	return i
}

// matcher finds phrases in token runs. Phrases are indexed by the words
// their first slot accepts, so a sentence costs one map lookup per token
// rather than one comparison per cue.
type matcher struct {
	byWord map[uint64][]*phrase // by lint.HashWord of the first word
	// byPair holds phrases whose second slot is plain words too, by their
	// first two words: "you need to" is tried only before "need", not on
	// every "you".
	byPair map[uint64][]*phrase
	other  []*phrase // first slot is a prefix, number, placeholder or wildcard
	// otherStarts is what the first slots of other accept, so most tokens
	// skip trying them.
	otherStarts slot
	// words and pairs filter the keys of byWord and byPair: most tokens
	// fail them and skip the map lookups, which dominated matching.
	words, pairs bloom
	phrases      []*phrase // in the order added: earlier wins a tie
	list         int       // this matcher's list in the shared scan; 0 for none
}

// bloom is a one-hash Bloom filter of 16,384 bits over 64-bit hashes. A
// cue list holds tens to hundreds of keys and the shared index some 700,
// so at worst one absent key in 25 passes.
type bloom [1 << 8]uint64

func (b *bloom) add(h uint64)      { b[(h>>6)&(1<<8-1)] |= 1 << (h & 63) }
func (b *bloom) has(h uint64) bool { return b[(h>>6)&(1<<8-1)]&(1<<(h&63)) != 0 }

func newMatcher() *matcher {
	return &matcher{byWord: map[uint64][]*phrase{}, byPair: map[uint64][]*phrase{}}
}

// pairKey combines the hashes of two consecutive words.
func pairKey(first, second uint64) uint64 { return first*0x9E3779B97F4A7C15 ^ second }

// plain reports a required slot of words only.
func (s *slot) plain() bool {
	return !s.optional && !s.number && !s.holder && !s.any && len(s.prefixes) == 0 && len(s.hashes) > 0
}

func (m *matcher) add(p *phrase) {
	m.phrases = append(m.phrases, p)
	first := p.slots[0]
	if len(first.prefixes) > 0 || first.number || first.holder || first.any {
		m.other = append(m.other, p)
		o := &m.otherStarts
		o.number, o.holder, o.any = o.number || first.number, o.holder || first.holder, o.any || first.any
		o.prefixes = append(o.prefixes, first.prefixes...)
		o.words, o.hashes = append(o.words, first.words...), append(o.hashes, first.hashes...)
		return
	}
	for _, h := range first.hashes {
		if len(p.slots) > 1 && p.slots[1].plain() {
			for _, h2 := range p.slots[1].hashes {
				if k := pairKey(h, h2); !slices.Contains(m.byPair[k], p) {
					m.byPair[k] = append(m.byPair[k], p)
					m.pairs.add(k)
				}
			}
		} else if !slices.Contains(m.byWord[h], p) {
			m.byWord[h] = append(m.byWord[h], p)
			m.words.add(h)
		}
	}
}

// candidates returns the phrases that may match at toks[i]: those keyed by
// its word alone, those keyed by it and the next word, and the others
// whose first slot accepts it.
func (m *matcher) candidates(toks []lint.Token, i int) (single, pair, other []*phrase) {
	if m.other != nil && m.otherStarts.match(&toks[i]) {
		other = m.other
	}
	h := toks[i].Hash
	if m.words.has(h) {
		single = m.byWord[h]
	}
	if i+1 < len(toks) {
		if k := pairKey(h, toks[i+1].Hash); m.pairs.has(k) {
			pair = m.byPair[k]
		}
	}
	return single, pair, other
}

// addAll compiles and adds phrases that all carry data.
func (m *matcher) addAll(texts []string, data any) error {
	for _, t := range texts {
		ps, err := compilePhrase(t, data)
		if err != nil {
			return err
		}
		for _, p := range ps {
			m.add(p)
		}
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
	for i := range toks {
		single, pair, other := m.candidates(toks, i)
		if single == nil && pair == nil && other == nil {
			continue
		}
		best := longest(single, toks, i, hit{})
		best = longest(pair, toks, i, best)
		best = longest(other, toks, i, best)
		if best.phrase != nil && !fn(best) {
			return
		}
	}
}

// longest returns the longest match at toks[i] among ps and best.
func longest(ps []*phrase, toks []lint.Token, i int, best hit) hit {
	for _, p := range ps {
		if end := matchAt(p.slots, toks, i); end > i && end-i > best.End-best.Start {
			best = hit{p, i, end}
		}
	}
	return best
}

// all returns every match of every phrase, ordered by start and, at one
// start, longest first.
func (m *matcher) all(toks []lint.Token) []hit { return m.appendAll(nil, toks) }

// appendAll appends what all returns to out.
func (m *matcher) appendAll(out []hit, toks []lint.Token) []hit {
	for i := range toks {
		single, pair, other := m.candidates(toks, i)
		if single == nil && pair == nil && other == nil {
			continue
		}
		n := len(out)
		out = appendMatches(out, single, toks, i)
		out = appendMatches(out, pair, toks, i)
		out = appendMatches(out, other, toks, i)
		if len(out)-n > 1 {
			at := out[n:]
			sort.SliceStable(at, func(a, b int) bool { return at[a].End > at[b].End })
		}
	}
	return out
}

// appendMatches appends the matches at toks[i] among ps.
func appendMatches(out []hit, ps []*phrase, toks []lint.Token, i int) []hit {
	for _, p := range ps {
		if end := matchAt(p.slots, toks, i); end > i {
			out = append(out, hit{p, i, end})
		}
	}
	return out
}

// first returns the first match, if any.
func (m *matcher) first(toks []lint.Token) (hit, bool) {
	var out hit
	found := false
	m.each(toks, func(h hit) bool { out, found = h, true; return false })
	return out, found
}
