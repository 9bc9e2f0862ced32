package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAnalyzeLine(t *testing.T) {
	a := AnalyzeLine("Re: {{company}}'s ramp plan, %FNAME%!")
	var kinds []TokenKind
	for _, tok := range a.Tokens {
		kinds = append(kinds, tok.Kind)
	}
	assert.Equal(t, []TokenKind{TokWord, TokPunct, TokPlaceholder, TokWord, TokWord, TokPunct, TokPlaceholder, TokPunct}, kinds)
	assert.True(t, a.Tokens[2].Possessive)
	assert.Len(t, a.Sentences, 1)
	assert.Empty(t, AnalyzeLine("   ").Tokens)
}
