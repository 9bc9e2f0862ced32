package linttest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// checkin flags "just checking in": enough to drive the harness.
var checkin = &lint.Rule{
	ID:       "checkin",
	Summary:  "flags a filler opener",
	Severity: lint.Info,
	Run: func(p *lint.Pass) error {
		for i := range p.Text.Sentences {
			toks := p.Text.SentenceTokens(i)
			if len(toks) > 2 && toks[0].Norm == "just" && toks[1].Norm == "checking" && toks[2].Norm == "in" {
				p.Report(lint.Diagnostic{
					Span:    lint.Span{Start: toks[0].Span.Start, End: toks[2].Span.End},
					Message: "filler opener",
					Fixes: []lint.Fix{{Title: "delete", Safe: true, Edits: []lint.TextEdit{
						{Span: p.Text.Sentences[i].Span}}}},
				})
			}
		}
		return nil
	},
}

func TestRunMeetsExpectations(t *testing.T) {
	res := Run(t, "../../testdata/linttest", []*lint.Rule{checkin}, Config{Golden: true})
	require.Len(t, res["fires.txt"].Diagnostics, 1)
	assert.Empty(t, res["quiet.txt"].Diagnostics)
}

func TestParseWants(t *testing.T) {
	tests := []struct {
		name, in, src string
		wants         []string
	}{
		{"none", "Hello.\n", "Hello.\n", nil},
		{"rule only", "Act now. // want pushy-pressure\n", "Act now.\n", []string{"1 pushy-pressure "}},
		{"rule and message, CRLF kept", "a\r\nAct now. // want pushy-pressure \"urgen\" i-heavy\r\n", "a\r\nAct now.\r\n",
			[]string{"2 pushy-pressure urgen", "2 i-heavy "}},
		{"url is not a want", "See https://x.io // not a want\n", "See https://x.io // not a want\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, wants, err := parseWants([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.src, string(src))
			var got []string
			for _, w := range wants {
				m := ""
				if w.msg != nil {
					m = w.msg.String()
				}
				got = append(got, strings.Join([]string{strconv.Itoa(w.line), w.rule, m}, " "))
			}
			assert.Equal(t, tt.wants, got)
		})
	}
}

func TestBadPattern(t *testing.T) {
	_, _, err := parseWants([]byte("x // want r \"(\"\n"))
	assert.ErrorContains(t, err, "bad want pattern")
}

func TestCheckReportsMismatches(t *testing.T) {
	src, wants, err := parseWants([]byte("Hi,\n\nOne. // want a \"x\"\nTwo. // want b\n"))
	require.NoError(t, err)
	doc, err := lint.Parse("f.txt", src, lint.ParseOptions{})
	require.NoError(t, err)
	line3 := lint.Span{Start: 5, End: 9}
	diags := []lint.Diagnostic{
		{Rule: "a", Message: "y", Span: line3}, // wrong message
		{Rule: "c", Message: "z", Span: line3}, // unexpected rule
	}
	assert.Equal(t, []string{
		"3:1: unexpected a: y",
		"3:1: unexpected c: z",
		`3: expected a "x", got none`,
		"4: expected b , got none",
	}, check(doc, diags, wants))
}
