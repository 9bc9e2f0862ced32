package lint

import (
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tagsOf tags sentence i and pairs each token with its tag.
func tagsOf(a *Analysis, i int) map[string]string {
	out := map[string]string{}
	tags := a.Tags(i)
	for j, t := range a.SentenceTokens(i) {
		out[t.Text] = tags[j]
	}
	return out
}

func TestTagsAlignment(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string // a few tokens whose tag is certain
	}{
		{"contraction split by the model", "I don't have time.", map[string]string{"I": "PRP", "don't": "VBP", "have": "VB", "time": "NN", ".": "."}},
		{"currency keeps the number's tag", "It is $49 a month.", map[string]string{"$49": "CD", "month": "NN"}},
		{"placeholder reads as a proper noun", "Ask {{first_name}} about it.", map[string]string{"{{first_name}}": "NNP", "about": "IN"}},
		{"possessive placeholder", "I saw {{company}}'s launch.", map[string]string{"{{company}}'s": "NNP", "launch": "NN"}},
		{"typographic apostrophes", "We’re sure it’s live.", map[string]string{"We’re": "PRP", "it’s": "PRP", "sure": "JJ"}},
		{"links are nouns", "Read acme.io/guide or mail sam@acme.io now.", map[string]string{"acme.io/guide": "NN", "sam@acme.io": "NN"}},
		{"control reads as a comma", "{% if x %}Book a call today!", map[string]string{"{% if x %}": ",", "Book": "VB", "!": "."}},
		{"modal", "We can't wait.", map[string]string{"can't": "MD", "wait": "VB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, "Hello.\n"+tt.text)
			require.Len(t, a.Sentences, 1)
			tags := a.Tags(0)
			require.Len(t, tags, len(a.SentenceTokens(0)))
			got := tagsOf(a, 0)
			for tok, tag := range tt.want {
				assert.Equal(t, tag, got[tok], "tag of %q in %v", tok, got)
			}
		})
	}
}

func TestTagsRepeatedWords(t *testing.T) {
	// Each occurrence gets its own tag: prose alone gave both "lose" the
	// tag of the second.
	a := analyse(t, "Hello.\nMost teams don't lose customers on price; they lose them on wait time.")
	require.Len(t, a.Sentences, 1)
	tags := a.Tags(0)
	var lose []string
	for j, tok := range a.SentenceTokens(0) {
		if tok.Text == "lose" {
			lose = append(lose, tags[j])
		}
	}
	assert.Equal(t, []string{"VB", "VBP"}, lose)
}

func TestTagsNeverEmpty(t *testing.T) {
	// Quotes, dashes, ellipses, emoji and numbers all come back from the
	// model in pieces whose lengths add up, so every token gets a tag.
	for _, text := range []string{
		`He said "yes" to the (free) trial… right?`,
		"We’re sending the guide — it’s at acme.io, sam@acme.io.",
		"Great 👍🏽 work, e.g. U.S. teams can't wait 15-minutes at 10am for 40% off!",
		"It's 3.5x faster -- and 1,000 users gonna love it... 🇺🇸 #1",
		"Ms. O'Neil's team’s Q3 plan: [First Name], %FN%, *|FNAME|*.",
		"Au's00000000 plan is ready!", // prose drops "'s00000000"; the words after must still line up
	} {
		a := analyse(t, "Hello.\n"+text)
		for i := range a.Sentences {
			tags := a.Tags(i)
			toks := a.SentenceTokens(i)
			require.Len(t, tags, len(toks))
			for j, tag := range tags {
				assert.NotEmpty(t, tag, "token %q in %q", toks[j].Text, text)
			}
		}
	}
}

func TestTaggedSentencesCountsOnlyRequested(t *testing.T) {
	tg := NewTagger(0)
	doc := mustParse(t, "a.txt", "Hello.\nOne is here. Two is there. Three is everywhere.")
	a := Analyze(doc, tg)
	require.Len(t, a.Sentences, 3)
	assert.Zero(t, a.TaggedSentences(), "Analyze tags nothing")
	first := a.Tags(1)
	again := a.Tags(1)
	assert.Equal(t, 1, a.TaggedSentences())
	assert.Equal(t, int64(1), tg.Calls(), "the analysis memoises its sentences")
	assert.Same(t, &first[0], &again[0])
	a.Tags(2)
	assert.Equal(t, 2, a.TaggedSentences())
	assert.Equal(t, int64(2), tg.Calls())
}

func TestTaggerCache(t *testing.T) {
	toks := func(s string) []Token { return analyse(t, "Hello.\n"+s).Tokens }
	a, b := toks("We wrote a guide."), toks("It is free.")

	cached := NewTagger(8)
	first := cached.Tag(a)
	for range 3 {
		assert.Equal(t, first, cached.Tag(a))
	}
	assert.Equal(t, int64(1), cached.Calls(), "repeats are served from the memo")
	cached.Tag(b)
	assert.Equal(t, int64(2), cached.Calls())

	uncached := NewTagger(0)
	uncached.Tag(a)
	assert.Equal(t, first, uncached.Tag(a))
	assert.Equal(t, int64(2), uncached.Calls(), "without a memo every sentence runs the model")

	tiny := NewTagger(1)
	tiny.Tag(a)
	tiny.Tag(b) // full: starts over with b
	tiny.Tag(b)
	tiny.Tag(a)
	assert.Equal(t, int64(3), tiny.Calls())
}

func TestTaggerConcurrent(t *testing.T) {
	tg := NewTagger(4)
	sentences := [][]Token{
		analyse(t, "Hello.\nWe wrote a guide for you.").Tokens,
		analyse(t, "Hello.\nCan we talk on Monday?").Tokens,
		analyse(t, "Hello.\nIt saves 40% of the time.").Tokens,
	}
	want := make([][]string, len(sentences))
	for i, s := range sentences {
		want[i] = NewTagger(0).Tag(s)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(sentences)
				assert.Equal(t, want[i], tg.Tag(sentences[i]))
			}
		})
	}
	wg.Wait()
	assert.LessOrEqual(t, tg.Calls(), int64(8*20))
}

func TestTagWord(t *testing.T) {
	tests := []struct {
		tok  Token
		want string
	}{
		{Token{Kind: TokPlaceholder, Text: "{{x}}"}, "Alex"},
		{Token{Kind: TokPlaceholder, Text: "{{x}}'s", Possessive: true}, "Alex's"},
		{Token{Kind: TokControl, Text: "{% if %}"}, ","},
		{Token{Kind: TokURL, Text: "https://a.io"}, "link"},
		{Token{Kind: TokEmail, Text: "a@b.io"}, "link"},
		{Token{Kind: TokWord, Text: "don’t"}, "don't"},
		{Token{Kind: TokPunct, Text: "…"}, "..."},
		{Token{Kind: TokPunct, Text: "—"}, "--"},
		{Token{Kind: TokPunct, Text: "“"}, `"`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tagWord(tt.tok), tt.tok.Text)
		assert.False(t, strings.ContainsAny(tagWord(tt.tok), " \t\n"), "one space-free word")
	}
}

// proseModel is prose's own tagger, loaded once, to check ours against.
var proseModel = sync.OnceValue(func() *prose.Model {
	doc, err := prose.NewDocument("Load.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		panic(err)
	}
	return doc.Model
})

func TestPerceptronMatchesProse(t *testing.T) {
	// Every sentence of the benchmark generator plus the awkward ones above:
	// our port must tag each piece exactly as prose does.
	var texts []string
	for _, s := range append(benchSentences, benchBullets...) {
		texts = append(texts, s)
	}
	texts = append(texts,
		`He said "yes" to the (free) trial… right?`,
		"Great 👍🏽 work, e.g. U.S. teams can't wait 15-minutes at 10am for 40% off!",
		"It's 3.5x faster -- and 1,000 users gonna love it... 🇺🇸 #1 xD O_o 2026 -LRB- * 0",
		"Ms. O'Neil's team’s Q3 plan: [First Name], %FN%, *|FNAME|* @sam",
		"Über café ñandú résumé naïve 日本語 — ok.",
	)
	pieces, mismatches := 0, 0
	for _, text := range texts {
		a := analyse(t, "Hello.\n"+text)
		for i := range a.Sentences {
			words := make([]string, 0, len(a.SentenceTokens(i)))
			for _, tok := range a.SentenceTokens(i) {
				words = append(words, tagWord(tok))
			}
			joined := strings.Join(words, " ")
			want, err := prose.NewDocument(joined, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(proseModel()))
			require.NoError(t, err)
			got, err := prose.NewDocument(joined, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
			require.NoError(t, err)
			toks := got.Tokens()
			taggerModel().tag(toks)
			require.Len(t, toks, len(want.Tokens()))
			// prose's tokenizer hands a repeated word the same *Token, so it
			// reports the tag of the word's last occurrence for all of them;
			// compare last occurrences only.
			last := map[string]int{}
			for j, w := range want.Tokens() {
				last[w.Text] = j
			}
			for j, w := range want.Tokens() {
				if last[w.Text] != j {
					continue
				}
				pieces++
				if toks[j].Tag != w.Tag {
					mismatches++
					t.Errorf("%q in %q: tag %s, prose says %s", w.Text, joined, toks[j].Tag, w.Tag)
				}
			}
		}
	}
	assert.Greater(t, pieces, 250)
	assert.Zero(t, mismatches)
}

func TestPreloadTagger(t *testing.T) {
	PreloadTagger()
	assert.NotNil(t, taggerModel())
}
