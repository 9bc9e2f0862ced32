package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestPushyPressure(t *testing.T) {
	res := linttest.Run(t, "../testdata/rules/pushy-pressure", []*lint.Rule{PushyPressure}, linttest.Config{Golden: true})
	// Three cues or more make every one an error; fewer stay warnings.
	for _, d := range res["stacked.txt"].Diagnostics {
		assert.Equal(t, lint.Error, d.Severity, d.Message)
	}
	for _, d := range res["caps-deadline.md"].Diagnostics {
		assert.Equal(t, lint.Warning, d.Severity, d.Message)
	}
}

func TestPushyPressureExtraCues(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"pushy-pressure": {Options: map[string]any{"extra_cues": []any{"no time like the present"}}}}}
	linttest.Run(t, "../testdata/rules/pushy-pressure/extra", []*lint.Rule{PushyPressure}, linttest.Config{Settings: s})
}

func pushyBase(t *testing.T) *pushyModel {
	m, err := buildPushyModel(nil, []string{"HUBSPOT"})
	require.NoError(t, err)
	return m
}

func TestShoutWord(t *testing.T) {
	m := pushyBase(t)
	for _, tt := range []struct {
		word  string
		shout bool
	}{
		{"FINALLY", true},
		{"FREE", true},
		{"DON'T", true},
		{"MUST-HAVE", true},
		{"NOW", false},     // three letters
		{"ROI", false},     // acronym, and short
		{"SaaS", false},    // mixed case
		{"SAAS", false},    // listed acronym
		{"CRM", false},     // short
		{"GDPR", false},    // no vowel: an acronym
		{"HTML", false},    // no vowel
		{"NASA", false},    // listed
		{"ASAP", false},    // listed
		{"B2B", false},     // digit
		{"HUBSPOT", false}, // user acronym
		{"Finally", false},
		{"finally", false},
	} {
		toks := tokens(t, tt.word)
		require.Len(t, toks, 1, tt.word)
		assert.Equal(t, tt.shout, m.shoutWord(&toks[0]), tt.word)
	}
}

func TestAssumptiveClose(t *testing.T) {
	m := pushyBase(t)
	for _, tt := range []struct {
		text string
		want string // the reported times, or "" for none
	}{
		{"Are you free Tuesday or Thursday?", "Tuesday or Thursday"},
		{"Which works better, Monday or Wednesday?", "Monday or Wednesday"},
		{"Does 10am or 2pm suit you tomorrow?", "10am or 2pm"},
		{"Tuesday at 2 pm or Thursday at 10 am, which suits you?", "Tuesday at 2 pm or Thursday at 10 am"},
		{"So, morning or afternoon?", "morning or afternoon"},
		{"Are you free Tuesday or Thursday, or is another day easier?", ""},
		{"Are you free Tuesday or Thursday? If neither works, name a time.", ""},
		{"Did your launch go out Tuesday or Thursday?", ""}, // not about meeting
		{"Are you free Tuesday?", ""},
		{"Tuesday or Thursday works for me.", ""},                      // not a question
		{"Could we set up a call? Does Tuesday or Thursday work?", ""}, // permission asked first
		{"I'd love to set up a call. Does Tuesday or Thursday work?", "Tuesday or Thursday"},
	} {
		a := analyzeText(t, tt.text)
		got := ""
		for i, s := range a.Sentences {
			if span, ok := m.assumptive(a, i); ok && s.Question {
				got = a.Doc.TextOf(span)
			}
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestCommandNeedsMainClause(t *testing.T) {
	m := pushyBase(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"You need to see this.", true},
		{"Honestly, you need to fix onboarding.", true},
		{"I think you really need to look at churn.", true},
		{"You must read the report.", true},
		{"Everything you need to know is here.", false},
		{"If you need to loop in legal, say so.", false},
		{"You must be busy.", false},
		{"You must get a lot of these.", false},
	} {
		a := analyzeText(t, tt.text)
		got := false
		for _, f := range m.scan(a.Doc, a, nil, 1) {
			got = got || f.kind == pushCommand
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestQuotedTokens(t *testing.T) {
	a := analyzeText(t, `You wrote "act now or never" and “we must hurry”, so here it is.`)
	q := quotedTokens(a)
	require.NotNil(t, q)
	var in []string
	for i, b := range q {
		if b && a.Tokens[i].IsWord() {
			in = append(in, a.Tokens[i].Text)
		}
	}
	assert.Equal(t, []string{"act", "now", "or", "never", "we", "must", "hurry"}, in)
	assert.Nil(t, quotedTokens(analyzeText(t, "No quotes here.")))
	// A quote that never closes quotes nothing.
	assert.Nil(t, quotedTokens(analyzeText(t, `A stray " mark.`)))
}

// analyzeText parses text as a plain-text body and analyses it.
func analyzeText(t *testing.T, text string) *lint.Analysis {
	t.Helper()
	doc, err := lint.Parse("t.txt", []byte(text), lint.ParseOptions{})
	require.NoError(t, err)
	return lint.Analyze(doc, nil)
}

func TestDeadlineNeedsPressure(t *testing.T) {
	m := pushyBase(t)
	for _, tt := range []struct {
		text string
		want []pushKind
	}{
		{"Pilot slots close on the 30th, in case timing matters.", nil},
		{"Pilot slots close on the 30th, so decide now.", []pushKind{pushDeadline}},
		{"Pilot slots close on the 30th! Book soon.", []pushKind{pushDeadline}},
		{"Pilot slots close on the 30th. Pricing goes up after that.", []pushKind{pushDeadline}},
		{"LAST CHANCE, pricing expires Friday, you need to decide now!!",
			[]pushKind{pushUrgency, pushCommand, pushBangs, pushDeadline}},
	} {
		a := analyzeText(t, tt.text)
		var got []pushKind
		for _, f := range m.scan(a.Doc, a, nil, 1) {
			got = append(got, f.kind)
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}
