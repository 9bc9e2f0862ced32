package lint

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// perceptron is prose's averaged-perceptron part-of-speech tagger (MIT
// licence, github.com/jdkato/prose/v2 tag.go) with its weights in flat
// arrays. Features, normalisation and the rules that bypass the model are
// prose's, so tags match prose's own, except that exact ties, which prose
// breaks by map order, go to the first class.
type perceptron struct {
	classes []string
	tagMap  map[string]string // words with one certain tag
	// feats maps a feature to its run of weights: start<<6 | length.
	feats   map[string]uint32
	class   []uint8
	weights []float64
}

func loadPerceptron() (*perceptron, error) {
	var (
		wts     map[string]map[string]float64
		tags    map[string]string
		classes []string
	)
	for _, a := range []struct {
		name string
		into any
	}{{"weights", &wts}, {"tags", &tags}, {"classes", &classes}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name + ".gob")
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, err
		}
	}
	m := &perceptron{classes: classes, tagMap: tags, feats: make(map[string]uint32, len(wts))}
	index := make(map[string]uint8, len(classes))
	for i, c := range classes {
		index[c] = uint8(i)
	}
	for f, ws := range wts {
		start := len(m.class)
		for c, w := range ws {
			i, ok := index[c]
			if !ok { // a label the class list lacks still competes, as in prose
				i = uint8(len(m.classes))
				index[c] = i
				m.classes = append(m.classes, c)
			}
			m.class = append(m.class, i)
			m.weights = append(m.weights, w) // zero too: it still makes its class a candidate
		}
		m.feats[f] = uint32(start)<<6 | uint32(len(m.class)-start)
	}
	if len(m.classes) > 63 { // class counts are packed in six bits
		return nil, fmt.Errorf("%d classes, at most 63 fit", len(m.classes))
	}
	return m, nil
}

var (
	tagNone = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	tagKeep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// emoticons are prose's: its tokenizer keeps them whole and its tagger
// tags them SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true,
	":]": true, ":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true,
	"XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}

func emoticon(w string) bool { return emoticons[w] }

// tag sets the Tag of each piece, as prose's perceptronTagger.tag does.
func (m *perceptron) tag(pieces []prose.Token) {
	ctx := make([]string, len(pieces)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, p := range pieces {
		ctx[i+2] = normalizeTagWord(p.Text)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	var key []byte
	for i := range pieces {
		w := pieces[i].Text
		var tag string
		switch {
		case w == "-":
			tag = "-"
		case emoticon(w):
			tag = "SYM"
		case strings.HasPrefix(w, "@") ||
			strings.ContainsAny(w, ".@") && (commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w)):
			tag = "NN"
		case (w == "0" || strings.HasPrefix(w, "*")) && tagNone.MatchString(w):
			tag = "-NONE-"
		case len(w) == 5 && w[0] == '-' && tagKeep.MatchString(w):
			tag = w
		default:
			var ok bool
			if tag, ok = m.tagMap[w]; !ok {
				tag, key = m.predict(key, i, ctx, w, p1, p2)
			}
		}
		pieces[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// predict scores prose's fourteen features for word w at position i.
// key is a reusable buffer for feature names.
func (m *perceptron) predict(key []byte, i int, ctx []string, w, p1, p2 string) (string, []byte) {
	var sc scores
	i = min(len(ctx)-2, i+2)
	prev, next := ctx[i-1], ctx[i+1]
	pref := w[:1]
	if w[0] >= utf8.RuneSelf {
		pref = string(rune(w[0])) // prose writes string(w[0]): a byte read as a rune
	}
	key = m.add(&sc, key, "bias")
	key = m.add(&sc, key, "i suffix", w[len(w)-min(len(w), 3):])
	key = m.add(&sc, key, "i pref1", pref)
	key = m.add(&sc, key, "i-1 tag", p1)
	key = m.add(&sc, key, "i-2 tag", p2)
	key = m.add(&sc, key, "i tag+i-2 tag", p1, p2)
	key = m.add(&sc, key, "i word", ctx[i])
	key = m.add(&sc, key, "i-1 tag+i word", p1, ctx[i])
	key = m.add(&sc, key, "i-1 word", prev)
	key = m.add(&sc, key, "i-1 suffix", prev[len(prev)-min(len(prev), 3):])
	key = m.add(&sc, key, "i-2 word", ctx[i-2])
	key = m.add(&sc, key, "i+1 word", next)
	key = m.add(&sc, key, "i+1 suffix", next[len(next)-min(len(next), 3):])
	key = m.add(&sc, key, "i+2 word", ctx[i+2])
	best, bestScore := "", math.Inf(-1)
	for c, name := range m.classes {
		if sc.seen[c] && sc.score[c] > bestScore {
			best, bestScore = name, sc.score[c]
		}
	}
	return best, key
}

// scores accumulates per class; a class no feature weighs is not a candidate.
type scores struct {
	score [64]float64
	seen  [64]bool
}

// add looks up the feature named by parts joined with spaces and adds its
// weights.
func (m *perceptron) add(sc *scores, key []byte, parts ...string) []byte {
	key = key[:0]
	for j, p := range parts {
		if j > 0 {
			key = append(key, ' ')
		}
		key = append(key, p...)
	}
	f, ok := m.feats[string(key)]
	if !ok {
		return key
	}
	start, n := int(f>>6), int(f&63)
	for j := start; j < start+n; j++ {
		c := m.class[j]
		sc.score[c] += m.weights[j]
		sc.seen[c] = true
	}
	return key
}

// normalizeTagWord is prose's normalize: the form a word takes as context.
func normalizeTagWord(word string) string {
	if word == "" {
		return word
	}
	if strings.Contains(word, "-") && word[0] != '-' {
		return "!HYPHEN"
	}
	if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	}
	if isDigit(word[0]) {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
