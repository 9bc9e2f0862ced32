package lint

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jdkato/prose/v2"
)

// Tagger assigns part-of-speech tags with prose's averaged perceptron. The
// model is loaded once per process and shared by every Tagger; it is
// read-only while tagging, so one Tagger serves many goroutines.
type Tagger struct {
	cache *tagCache // nil: no memo

	calls atomic.Int64 // sentences actually run through the model
}

// NewTagger returns a tagger. cacheSize > 0 memoises that many sentences,
// so an editor re-linting after a keystroke re-tags only the sentence that
// changed; batch runs leave it off.
func NewTagger(cacheSize int) *Tagger {
	t := &Tagger{}
	if cacheSize > 0 {
		t.cache = &tagCache{max: cacheSize, m: make(map[string][]string, cacheSize)}
	}
	return t
}

// defaultTagger is used when a linter names none: no memo, so figures
// measured through it are honest.
var defaultTagger = NewTagger(0)

// Calls reports how many sentences went through the model (cache misses).
func (t *Tagger) Calls() int64 { return t.calls.Load() }

// taggerModel loads the tagging model once: prose's averaged-perceptron
// weights (read through the exported prose.Asset) in a flat table. Running
// prose's features ourselves is six times faster than prose's tagger, which
// allocates two maps a word, and tags each occurrence of a repeated word
// (prose shares one token between repeats and reports the last one's tag).
// prose still splits the words, so pieces match its tokenizer.
var taggerModel = sync.OnceValue(func() *perceptron {
	m, err := loadPerceptron()
	if err != nil {
		panic("lint: cannot load the part-of-speech model: " + errString(err))
	}
	return m
})

func errString(err error) string {
	if err == nil {
		return "no model"
	}
	return err.Error()
}

// PreloadTagger starts loading the tagging model in the background, so a
// long-lived process (the language server) does not pay for it on its
// first request.
func PreloadTagger() { go taggerModel() }

// Tag returns one Penn Treebank tag per token. Placeholders are tagged as
// the neutral proper noun they stand for; URLs and e-mail addresses as
// nouns.
func (t *Tagger) Tag(tokens []Token) []string {
	words := make([]string, len(tokens))
	n := 0
	for i, tok := range tokens {
		words[i] = tagWord(tok)
		n += len(words[i]) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	key := b.String()
	if t.cache != nil {
		if tags, ok := t.cache.get(key); ok {
			return tags
		}
	}
	t.calls.Add(1)
	tags := alignTags(words, key)
	if t.cache != nil {
		t.cache.put(key, tags)
	}
	return tags
}

// tagWord is the form of a token the model sees: one space-free word with
// ASCII quotes, which is what prose's tokenizer expects.
func tagWord(tok Token) string {
	switch tok.Kind {
	case TokPlaceholder:
		if tok.Possessive {
			return "Alex's"
		}
		return "Alex"
	case TokControl:
		return ","
	case TokURL, TokEmail:
		return "link"
	}
	return quoteReplacer.Replace(tok.Text)
}

var quoteReplacer = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "&rsquo;", "'", "…", "...", "—", "--", "–", "-")

// alignTags runs the model over the joined words and hands each word the
// tag of its first piece: prose splits "don't" into "do" + "n't" and "$49"
// into "$" + "49" but carries no offsets, so pieces are matched to words by
// length.
func alignTags(words []string, joined string) []string {
	pieces, counts := splitPieces(words, joined)
	taggerModel().tag(pieces)
	tags := make([]string, len(words))
	p := 0
	for i, w := range words {
		consumed := 0
		for _, piece := range pieces[p : p+counts[i]] {
			// "$49": skip the leading "$" and take the number's tag.
			if tags[i] == "" && (!isPrefixPunct(piece.Text) || consumed+len(piece.Text) == len(w)) {
				tags[i] = piece.Tag
			}
			consumed += len(piece.Text)
		}
		p += counts[i]
	}
	return tags
}

var pieceOpts = []prose.DocOpt{prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)}

// splitPieces splits the words as prose's tokenizer does and counts the
// pieces of each. prose sometimes drops text ("Au's00000000" keeps only
// "Au"), which would shift every later word onto the wrong pieces; then it
// splits word by word and keeps whole any word prose cannot split intact.
func splitPieces(words []string, joined string) ([]prose.Token, []int) {
	counts := make([]int, len(words))
	if doc, err := prose.NewDocument(joined, pieceOpts...); err == nil {
		pieces := doc.Tokens()
		p, ok := 0, true
		for i, w := range words {
			consumed := 0
			for p < len(pieces) && consumed < len(w) {
				consumed += len(pieces[p].Text)
				counts[i]++
				p++
			}
			ok = ok && consumed == len(w)
		}
		if ok && p == len(pieces) {
			return pieces, counts
		}
	}
	var pieces []prose.Token
	for i, w := range words {
		var ps []prose.Token
		if doc, err := prose.NewDocument(w, pieceOpts...); err == nil {
			ps = doc.Tokens()
		}
		n := 0
		for _, piece := range ps {
			n += len(piece.Text)
		}
		if n != len(w) {
			ps = []prose.Token{{Text: w}}
		}
		pieces = append(pieces, ps...)
		counts[i] = len(ps)
	}
	return pieces, counts
}

func isPrefixPunct(s string) bool { return s == "$" || s == "(" || s == `"` || s == "[" }

// tagCache is a bounded memo; when full it starts over, which keeps it
// simple and its memory fixed.
type tagCache struct {
	mu  sync.Mutex
	max int
	m   map[string][]string
}

func (c *tagCache) get(k string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *tagCache) put(k string, v []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = v
}
