package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestSubjectLine(t *testing.T) {
	linttest.Run(t, "../testdata/rules/subject-line", []*lint.Rule{SubjectLine}, linttest.Config{Golden: true})
}

func TestReplyPrefixLen(t *testing.T) {
	for _, tt := range []struct {
		subject string
		want    string
	}{
		{"Re: pricing", "Re: "},
		{"RE:pricing", "RE:"},
		{"Fwd: Re: pricing", "Fwd: Re: "},
		{"fw : pricing", "fw : "},
		{"Regarding pricing", ""},
		{"Reply: pricing", ""},
		{"Re pricing", ""},
		{"Re:", "Re:"},
		{"", ""},
	} {
		assert.Equal(t, tt.want, tt.subject[:replyPrefixLen(tt.subject)], tt.subject)
	}
}

func TestSubjectSize(t *testing.T) {
	for _, tt := range []struct {
		subject      string
		words, chars int
	}{
		{"Ramp checklist", 2, 14},
		{"{{company}}'s ramp plan", 3, 10 + 2 + 10},   // the field counts as 10
		{"[First Name], a 2-minute idea", 4, 10 + 17}, // bracket field
		{"📊 Ramp benchmark", 2, 16},                   // an emoji is one character
		{"%FIRSTNAME% and *|COMPANY|* notes", 4, 10 + 5 + 10 + 6},
	} {
		words, chars := subjectSize(lint.AnalyzeLine(tt.subject))
		assert.Equal(t, tt.words, words, tt.subject)
		assert.Equal(t, tt.chars, chars, tt.subject)
	}
}
