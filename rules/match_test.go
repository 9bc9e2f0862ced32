package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

func tokens(t *testing.T, text string) []lint.Token {
	t.Helper()
	doc, err := lint.Parse("t.txt", []byte(text), lint.ParseOptions{})
	require.NoError(t, err)
	return lint.Analyze(doc, nil).Tokens
}

func TestPhrasePatterns(t *testing.T) {
	tests := []struct {
		pattern, text string
		want          string // the matched text, "" for no match
	}{
		{"here's the link", "Here’s the link below.", "Here’s the link"},
		{"quick|short call|chat", "A short chat works.", "short chat"},
		{"i'm|i_am reaching out", "I am reaching out today.", "I am reaching out"},
		{"i'm|i_am reaching out", "I'm reaching out today.", "I'm reaching out"},
		{"[i] noticed", "Noticed your launch.", "Noticed"},
		{"[i] noticed", "I noticed your launch.", "I noticed"},
		{"i'd [really] love to chat", "I'd really love to chat.", "I'd really love to chat"},
		{"i'd [really] love to chat", "I'd love to chat.", "I'd love to chat"},
		{"# minute*", "Got 15 minutes?", "15 minutes"},
		{"congrats on {}", "Congrats on {{launch}}!", "Congrats on {{launch}}"},
		{"send * report", "I can send the report.", "send the report"},
		{"promise|guarantee* results", "We promise results.", "promise results"},
		{"promise|guarantee* results", "Guaranteed results.", "Guaranteed results"},
		{"few|# spots left", "Only 3 spots left.", "3 spots left"},
		{"few|# spots left", "A few spots left.", "few spots left"},
		{"{}|you will love it", "{{name}} will love it.", "{{name}} will love it"},
		{"free guide", "A free trial.", ""},
		{"we're a", "We are a team.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+"/"+tt.text, func(t *testing.T) {
			m := newMatcher()
			require.NoError(t, m.addAll([]string{tt.pattern}, nil))
			toks := tokens(t, "Hi,\n\n"+tt.text+"\n")
			h, ok := m.first(toks)
			if tt.want == "" {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			s := h.Span(toks)
			assert.Equal(t, tt.want, ("Hi,\n\n" + tt.text + "\n")[s.Start:s.End])
		})
	}
}

func TestPhrasePatternErrors(t *testing.T) {
	for _, p := range []string{"", "[x]", "a || b"} {
		_, err := compilePhrase(p, nil)
		assert.Error(t, err, p)
	}
}

func TestMatcherPrefersLongestAtAStart(t *testing.T) {
	m := newMatcher()
	require.NoError(t, m.addAll([]string{"touch base", "touch"}, nil))
	toks := tokens(t, "Hi,\n\nLet us touch base soon.\n")
	h, ok := m.first(toks)
	require.True(t, ok)
	assert.Equal(t, "touch base", h.Text)
}
