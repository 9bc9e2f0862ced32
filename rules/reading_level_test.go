package rules

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestReadingLevel(t *testing.T) {
	linttest.Run(t, "../testdata/rules/reading-level", []*lint.Rule{ReadingLevel}, linttest.Config{Golden: true})
}

func TestReadingLevelAllow(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"reading-level": {Options: map[string]any{
		"allow": []any{"Orchestratorium", "analytica"}}}}}
	linttest.Run(t, "../testdata/rules/reading-level/allow", []*lint.Rule{ReadingLevel}, linttest.Config{Settings: s})

	// Without the names the same body grades high.
	src, err := os.ReadFile("../testdata/rules/reading-level/allow/product-names.txt")
	require.NoError(t, err)
	doc, err := lint.Parse("a.txt", src, lint.ParseOptions{})
	require.NoError(t, err)
	l, err := lint.New([]*lint.Rule{ReadingLevel}, lint.Settings{})
	require.NoError(t, err)
	res, err := l.Lint(t.Context(), doc)
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 1)
	assert.Contains(t, res.Diagnostics[0].Message, "grade 9.6")
}

func TestSyllables(t *testing.T) {
	for _, tt := range []struct {
		word string
		want int
	}{
		// Vowel groups.
		{"a", 1}, {"cat", 1}, {"hello", 2}, {"platform", 2}, {"calendar", 3}, {"opportunity", 5},
		{"organization", 5}, {"crm", 1}, {"you", 1}, {"yes", 1}, {"reply", 2}, {"quickly", 2},
		// Silent final e, but -le after a consonant is a syllable.
		{"make", 1}, {"the", 1}, {"are", 1}, {"there", 1}, {"minute", 2}, {"comprehensive", 4},
		{"free", 1}, {"agree", 2}, {"table", 2}, {"people", 2}, {"simple", 2}, {"while", 1},
		{"you're", 1}, {"we're", 1},
		// -es and -ed.
		{"makes", 1}, {"times", 1}, {"sales", 1}, {"tables", 2}, {"boxes", 2}, {"changes", 2},
		{"uses", 2}, {"matches", 2}, {"goes", 1},
		{"booked", 1}, {"signed", 1}, {"used", 1}, {"played", 1}, {"wanted", 2}, {"needed", 2},
		{"agreed", 2}, {"streamlined", 2},
		// Hiatus.
		{"media", 3}, {"trial", 2}, {"actual", 3}, {"social", 2}, {"quality", 3},
		// Hyphens, apostrophes, accents.
		{"follow-up", 3}, {"world-class", 2}, {"don't", 1}, {"company's", 3}, {"café", 2},
	} {
		assert.Equal(t, tt.want, syllables(tt.word), tt.word)
	}
}

func TestGradeFormulas(t *testing.T) {
	// "The cat sat on the mat. It was fun.": 9 words, 2 sentences, 9
	// syllables, 25 letters.
	//   FK  = 0.39×(9/2) + 11.8×(9/9) − 15.59 = −2.035
	//   ARI = 4.71×(25/9) + 0.5×(9/2) − 21.43 = −6.0967
	a := analyzeText(t, "The cat sat on the mat. It was fun.")
	var st readStats
	for i := range a.Sentences {
		st.add(sentenceStats(a.SentenceTokens(i), nil))
	}
	assert.Equal(t, readStats{words: 9, sentences: 2, syllables: 9, letters: 25}, st)
	assert.InDelta(t, -2.035, st.fk(), 1e-9)
	assert.InDelta(t, -6.0967, st.ari(), 1e-4)

	// Numbers, URLs, merge fields and allowed names are not graded words.
	a = analyzeText(t, "Acme saw {{company}} grow 40% at https://example.com today.")
	st = sentenceStats(a.SentenceTokens(0), []string{"ACME"})
	// saw(1) grow(1) at(1) today(2): 4 words, 5 syllables, 14 letters.
	assert.Equal(t, readStats{words: 4, sentences: 1, syllables: 5, letters: 14}, st)
	//   FK = 0.39×4 + 11.8×1.25 − 15.59 = 0.72
	assert.InDelta(t, 0.72, st.fk(), 1e-9)
	assert.Zero(t, readStats{}.fk())
	assert.Zero(t, readStats{}.ari())
}
