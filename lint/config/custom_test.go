package config

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// customOnly loads a config holding one custom rule, with the test rules
// switched off so only it reports.
func customOnly(t *testing.T, rule string) *Effective {
	t.Helper()
	src := "rules:\n"
	for _, r := range testRules() {
		src += "  " + r.ID + ": off\n"
	}
	eff, err := parseConfig(t, src+"custom:\n"+rule)
	require.NoError(t, err)
	return eff
}

// findings lints src and lists "text: message" for each diagnostic, the
// text being the source under its span.
func findings(t *testing.T, eff *Effective, path, src string) []string {
	t.Helper()
	doc, err := lint.Parse(path, []byte(src), eff.Parse)
	require.NoError(t, err)
	res, err := eff.Linter.Lint(context.Background(), doc)
	require.NoError(t, err)
	out := []string{}
	for _, d := range res.Diagnostics {
		s := fmt.Sprintf("%q: %s", src[d.Span.Start:d.Span.End], d.Message)
		for _, r := range d.Related {
			s += fmt.Sprintf(" [%q: %s]", src[r.Span.Start:r.Span.End], r.Message)
		}
		out = append(out, s)
	}
	return out
}

func TestCustomExistence(t *testing.T) {
	eff := customOnly(t, `
  - id: no-jargon
    type: existence
    message: 'Say what you mean instead of "%s".'
    phrases: [synergy, "circle back", "let's", "$$$"]
    patterns: ['leverag(e|ed|ing)']
`)
	tests := []struct {
		name, src string
		want      []string
	}{
		{"phrases and patterns, any case", "Hi Sam,\n\nLet’s find Synergy and circle\nback, leveraging it for $$$.\n", []string{
			`"Let’s": Say what you mean instead of "Let’s".`,
			`"Synergy": Say what you mean instead of "Synergy".`,
			`"circle\nback": Say what you mean instead of "circle back".`,
			`"leveraging": Say what you mean instead of "leveraging".`,
			`"$$$": Say what you mean instead of "$$$".`,
		}},
		{"whole words only", "Hi Sam,\n\nSynergyX and leverages and resynergy.\n", []string{}},
		{"not across paragraphs", "Hi Sam,\n\nWe should circle\n\nback soon.\n", []string{}},
		{"not in masked text", "Hi Sam,\n\nThanks for reading.\n\nBest,\nSam\nSynergy Inc.\n", []string{}},
		{"not in placeholders", "Hi Sam,\n\nAbout {{synergy}} and {% if synergy %}x{% endif %}.\n", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, findings(t, eff, "m.txt", tt.src))
		})
	}
}

func TestCustomExistenceKindsAndSeverity(t *testing.T) {
	eff := customOnly(t, `
  - id: no-hold-music
    type: existence
    phrases: [hold]
    severity: error
    link: https://example.com/hold
    kinds: [voicemail]
`)
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nPlease hold.\n"))
	assert.Equal(t, []string{`"hold": Avoid "hold".`}, findings(t, eff, "m.vm.txt", "Hi Sam,\n\nPlease hold.\n"))
	r := eff.Linter.Rules()
	require.Len(t, r, 1)
	assert.Equal(t, lint.Error, r[0].Severity)
	assert.Equal(t, "https://example.com/hold", r[0].Rule.URL)
	assert.Equal(t, []lint.Kind{lint.KindVoicemail}, r[0].Rule.Kinds)
}

func TestCustomSubstitution(t *testing.T) {
	eff := customOnly(t, `
  - id: plain-words
    type: substitution
    message: 'Write "{{replacement}}", not "{{match}}".'
    safe: true
    swap:
      utilize: use
      touch base: talk
      basically: ""
`)
	src := "Hi Sam,\n\nUtilize this; let's TOUCH BASE, basically now.\n"
	doc, err := lint.Parse("m.txt", []byte(src), eff.Parse)
	require.NoError(t, err)
	res, err := eff.Linter.Lint(context.Background(), doc)
	require.NoError(t, err)
	var got []string
	for _, d := range res.Diagnostics {
		f := d.Fixes[0]
		got = append(got, fmt.Sprintf("%s | %s | %v | %q→%q", d.Message, f.Title, f.Safe, src[f.Edits[0].Span.Start:f.Edits[0].Span.End], f.Edits[0].NewText))
	}
	assert.Equal(t, []string{
		`Write "Use", not "Utilize". | Replace with "Use" | true | "Utilize"→"Use"`,
		`Write "TALK", not "TOUCH BASE". | Replace with "TALK" | true | "TOUCH BASE"→"TALK"`,
		`Write "", not "basically". | Remove "basically" | true | "basically "→""`,
	}, got)
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nUse this; let's talk.\n"))
}

func TestCustomOccurrence(t *testing.T) {
	doc := customOnly(t, `
  - id: one-link
    type: occurrence
    phrases: [click here]
    max: 1
  - id: say-you
    type: occurrence
    phrases: [you]
    min: 2
`)
	assert.Equal(t, []string{
		`"": Use "you" at least 2 times (found 1).`,
		`"click here": "click here" appears 2 times; keep it to 1.`,
	}, findings(t, doc, "m.txt", "Hi Sam,\n\nYou can click here. Or click here.\n"))
	assert.Equal(t, []string{}, findings(t, doc, "m.txt", "Hi Sam,\n\nYou can click here, you know.\n"))

	sentence := customOnly(t, `
  - id: one-ask-per-sentence
    type: occurrence
    scope: sentence
    patterns: ['call|meet(ing)?']
    max: 1
    message: '{{count}} asks in one sentence (at most {{max}}); "{{match}}" is one too many.'
  - id: never
    type: occurrence
    phrases: [guarantee]
    max: 0
`)
	assert.Equal(t, []string{
		`"meeting": 2 asks in one sentence (at most 1); "meeting" is one too many.`,
		`"guarantee": "guarantee" appears 1 times; keep it to 0.`,
	}, findings(t, sentence, "m.txt", "Hi Sam,\n\nA call. A call or a meeting? I guarantee it.\n"))
}

func TestCustomRatio(t *testing.T) {
	eff := customOnly(t, `
  - id: reader-first
    type: ratio
    numerator: {phrases: ["you", "your"]}
    denominator: {phrases: ["I", "me", "my"]}
    min: 1
  - id: not-too-many-questions
    type: ratio
    numerator: {patterns: ['\?']}
    denominator: {patterns: ['\w+']}
    max: 0.5
`)
	assert.Equal(t, []string{
		`"I": The ratio of "you", "your" to "I", "me", "my" is 0.50; keep it at 1 or more.`,
	}, findings(t, eff, "m.txt", "Hi Sam,\n\nI wrote my note for you.\n"))
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nI wrote this for you and your team.\n"))
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nA note.\n"), "neither side: nothing to compare")
}

func TestCustomPrecedence(t *testing.T) {
	eff := customOnly(t, `
  - id: give-first
    type: precedence
    before: {phrases: [guide, checklist]}
    after: {phrases: [call, demo]}
`)
	assert.Equal(t, []string{
		`"call": "call" comes before any "guide", "checklist". ["guide": the first "guide" comes only here]`,
	}, findings(t, eff, "m.txt", "Hi Sam,\n\nCan we call? Here is a guide. A demo?\n"))
	assert.Equal(t, []string{`"demo": "demo" comes before any "guide", "checklist".`}, findings(t, eff, "m.txt", "Hi Sam,\n\nA demo?\n"))
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nHere is a checklist. A call?\n"))
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nHere is a checklist.\n"))
}

func TestCustomRequired(t *testing.T) {
	eff := customOnly(t, `
  - id: opt-out
    type: required
    phrases: ["not interested", "no worries"]
    message: Give the reader an easy way out.
`)
	assert.Equal(t, []string{`"": Give the reader an easy way out.`}, findings(t, eff, "m.txt", "Hi Sam,\n\nCan we talk?\n"))
	assert.Equal(t, []string{}, findings(t, eff, "m.txt", "Hi Sam,\n\nCan we talk? No worries if not.\n"))
}

func TestCustomRuleOffAndBackOn(t *testing.T) {
	eff := customOnly(t, "  - {id: quiet, type: existence, phrases: [x], severity: off}\n")
	assert.Empty(t, eff.Linter.Rules())
	eff2, err := parseConfig(t, "custom:\n  - {id: quiet, type: existence, phrases: [x], severity: off}\nrules:\n  quiet: info\n")
	require.NoError(t, err)
	assert.Contains(t, lintWith(t, eff2, "m.txt", "Hi Sam,\n\nSay x.\n"), "3:5 quiet info")
}

func TestMatchCase(t *testing.T) {
	for _, tt := range [][3]string{{"use", "Utilize", "Use"}, {"use", "UTILIZE", "USE"}, {"use", "utilize", "use"}, {"élan", "Flair", "Élan"}, {"x", "I", "X"}} {
		assert.Equal(t, tt[2], matchCase(tt[0], tt[1]))
	}
}
