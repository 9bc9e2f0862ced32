package config

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// configErrors loads src as .givefirst.yaml (plus any other files) and
// returns its problems with the folder written as "."
func configErrors(t *testing.T, src string, others map[string]string) []string {
	t.Helper()
	files := map[string]string{".givefirst.yaml": src}
	for k, v := range others {
		files[k] = v
	}
	root := repo(t, files)
	_, err := newTest(t, Options{}).For(filepath.Join(root, "m.txt"))
	if err == nil {
		return nil
	}
	return strings.Split(strings.ReplaceAll(err.Error(), root+string(filepath.Separator), ""), "\n")
}

func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		others map[string]string
		want   []string
	}{
		{"yaml syntax", "rules:\n  a: [b\n", nil, []string{".givefirst.yaml:2:1: did not find expected ',' or ']'"}},
		{"not a mapping", "- a\n- b\n", nil, []string{".givefirst.yaml:1:1: want a mapping of settings, got a list"}},
		{"unknown key", "rulez:\n  i-heavy: off\n", nil, []string{`.givefirst.yaml:1:1: unknown key "rulez" (did you mean "rules"?)`}},
		{"unknown key, no suggestion", "colour: blue\n", nil, []string{`.givefirst.yaml:1:1: unknown key "colour"`}},
		{"unknown nested key", "cues:\n  give: [x]\n", nil, []string{`.givefirst.yaml:2:3: unknown key "give" in cues (did you mean "gives"?)`}},
		{"duplicate key", "ignore: [a]\nignore: [b]\n", nil, []string{`.givefirst.yaml:2:1: duplicate key "ignore" (first at line 1)`}},
		{"unknown rule", "rules:\n  pushy-presure: error\n", nil, []string{`.givefirst.yaml:2:3: unknown rule "pushy-presure" (did you mean "pushy-pressure"?)`}},
		{"bad severity", "rules:\n  i-heavy: critical\n", nil, []string{`.givefirst.yaml:2:12: bad severity "critical" (want off, hint, info, warning or error)`}},
		{"bad severity in a mapping", "rules:\n  i-heavy: {severity: warn}\n", nil, []string{`.givefirst.yaml:2:23: bad severity "warn" (want off, hint, info, warning or error)`}},
		{"rule value of the wrong shape", "rules:\n  i-heavy: [error]\n", nil, []string{`.givefirst.yaml:2:12: rules.i-heavy: want a severity or a mapping of options, got a list`}},
		{"unknown option", "rules:\n  i-heavy:\n    min_ration: 2\n", nil, []string{`.givefirst.yaml:3:5: unknown option "min_ration" for rule i-heavy (did you mean "min_ratio"?)`}},
		{"wrong option type: int", "rules:\n  i-heavy:\n    min_self: lots\n", nil, []string{`.givefirst.yaml:3:15: option min_self of rule i-heavy: want a whole number, got "lots"`}},
		{"wrong option type: whole number", "rules:\n  i-heavy:\n    min_self: 2.5\n", nil, []string{`.givefirst.yaml:3:15: option min_self of rule i-heavy: want a whole number, got 2.5`}},
		{"wrong option type: number", "rules:\n  i-heavy:\n    min_ratio: [1]\n", nil, []string{`.givefirst.yaml:3:16: option min_ratio of rule i-heavy: want a number, got a list`}},
		{"wrong option type: bool", "rules:\n  i-heavy:\n    count_we: yes\n", nil, []string{`.givefirst.yaml:3:15: option count_we of rule i-heavy: want true or false, got "yes"`}},
		{"wrong option type: string", "rules:\n  i-heavy:\n    greeting: {a: b}\n", nil, []string{`.givefirst.yaml:3:15: option greeting of rule i-heavy: want a string, got a mapping`}},
		{"wrong option type: list", "rules:\n  pushy-pressure:\n    extra_cues: act now\n", nil, []string{`.givefirst.yaml:3:17: option extra_cues of rule pushy-pressure: want a list of strings, got "act now"`}},
		{"wrong option type: list item", "rules:\n  pushy-pressure:\n    extra_cues: [a, [b]]\n", nil, []string{`.givefirst.yaml:3:21: option extra_cues of rule pushy-pressure: want a list of strings, got a list in the list`}},
		{"analyzer severity", "rules:\n  ledger: error\n", nil, []string{`.givefirst.yaml:2:11: ledger is an analyzer: it takes options, not a severity`}},
		{"analyzer unknown option", "rules:\n  ledger: {severity: error}\n", nil, []string{`.givefirst.yaml:2:12: unknown option "severity" for analyzer ledger`}},
		{"bad regex", "placeholders: ['<<[a-z+>>']\n", nil, []string{`.givefirst.yaml:1:16: bad regular expression "<<[a-z+>>": missing closing ]`}},
		{"empty-matching regex", "placeholders: ['x*']\n", nil, []string{`.givefirst.yaml:1:16: regular expression "x*" matches empty text`}},
		{"bad glob", "ignore: ['drafts/[a-']\n", nil, []string{`.givefirst.yaml:1:10: bad glob "drafts/[a-"`}},
		{"bad glob as a kinds key", "kinds:\n  '{a': email\n", nil, []string{`.givefirst.yaml:2:3: bad glob "{a"`}},
		{"unknown kind", "kinds:\n  'vm/**': voice-mail\n", nil, []string{`.givefirst.yaml:2:12: unknown kind "voice-mail" (did you mean "voicemail"?)`}},
		{"list wanted", "ignore: drafts\n", nil, []string{`.givefirst.yaml:1:9: ignore: want a list, got "drafts"`}},
		{"bad extension", "extensions: [a/b]\n", nil, []string{`.givefirst.yaml:1:14: bad extension "a/b" (want a file extension such as .tpl)`}},
		{"empty phrase", "cues:\n  gives: ['  ']\n", nil, []string{`.givefirst.yaml:2:11: empty phrase`}},
		{"unknown preset", "extends: stric\n", nil, []string{`.givefirst.yaml:1:10: unknown preset "stric" (did you mean "strict"?) (a file to extend must end in .yaml or .yml)`}},
		{"missing extended file", "extends: [recommended, ./nope.yaml]\n", nil, []string{`.givefirst.yaml:1:24: extends "./nope.yaml": no such file or directory`}},
		{"extends cycle", "extends: ./a.yaml\n", map[string]string{"a.yaml": "extends: ./.givefirst.yaml\n"}, []string{`a.yaml:1:10: extends cycle: .givefirst.yaml → a.yaml → .givefirst.yaml`}},
		{"error in an extended file", "extends: ./a.yaml\n", map[string]string{"a.yaml": "rules: {i-heavy: loud}\n"}, []string{`a.yaml:1:18: bad severity "loud" (want off, hint, info, warning or error)`}},
		{"duplicate custom id", "custom:\n  - {id: a, type: existence, phrases: [x]}\n  - {id: a, type: existence, phrases: [y]}\n", nil,
			[]string{`.givefirst.yaml:3:10: duplicate custom rule id "a" (first defined at line 2)`}},
		{"custom id clashes with a built-in", "custom:\n  - {id: i-heavy, type: existence, phrases: [x]}\n", nil,
			[]string{`.givefirst.yaml:2:10: custom rule id "i-heavy" clashes with a built-in rule`}},
		{"custom id clashes with unused-suppression", "custom:\n  - {id: unused-suppression, type: existence, phrases: [x]}\n", nil,
			[]string{`.givefirst.yaml:2:10: custom rule id "unused-suppression" clashes with a built-in rule`}},
		{"custom id defined by an extended file", "extends: ./a.yaml\ncustom:\n  - {id: a, type: existence, phrases: [x]}\n",
			map[string]string{"a.yaml": "custom:\n  - {id: a, type: existence, phrases: [x]}\n"},
			[]string{`.givefirst.yaml:3:10: duplicate custom rule id "a" (first defined at a.yaml:2:10)`}},
		{"custom id not kebab-case", "custom:\n  - {id: No Synergy, type: existence, phrases: [x]}\n", nil,
			[]string{`.givefirst.yaml:2:10: custom rule id "No Synergy" must be kebab-case, like "no-synergy"`}},
		{"custom rule without id", "custom:\n  - {type: existence, phrases: [x]}\n", nil, []string{`.givefirst.yaml:2:5: custom rule needs an id`}},
		{"custom rule without type", "custom:\n  - {id: a, phrases: [x]}\n", nil,
			[]string{`.givefirst.yaml:2:5: custom rule a needs a type (existence, substitution, occurrence, ratio, precedence or required)`}},
		{"unknown custom type", "custom:\n  - {id: a, type: existance, phrases: [x]}\n", nil,
			[]string{`.givefirst.yaml:2:19: unknown custom rule type "existance" (did you mean "existence"?)`}},
		{"key for another type", "custom:\n  - {id: a, type: existence, phrases: [x], swap: {a: b}}\n", nil,
			[]string{`.givefirst.yaml:2:44: key "swap" does not apply to existence rules`}},
		{"unknown custom key", "custom:\n  - {id: a, type: existence, phrase: [x]}\n", nil,
			[]string{`.givefirst.yaml:2:5: existence rule a needs phrases or patterns`, `.givefirst.yaml:2:30: unknown key "phrase" in custom[0] (did you mean "phrases"?)`}},
		{"custom rule missing its matcher", "custom:\n  - {id: a, type: substitution}\n", nil, []string{`.givefirst.yaml:2:5: substitution rule a needs swap`}},
		{"occurrence without bounds", "custom:\n  - {id: a, type: occurrence, phrases: [x]}\n", nil, []string{`.givefirst.yaml:2:5: occurrence rule a needs min or max`}},
		{"occurrence fraction", "custom:\n  - {id: a, type: occurrence, phrases: [x], max: 1.5}\n", nil,
			[]string{`.givefirst.yaml:2:50: max: want a whole number of matches, got 1.5`}},
		{"min above max", "custom:\n  - {id: a, type: ratio, numerator: {phrases: [x]}, denominator: {phrases: [y]}, min: 2, max: 1}\n", nil,
			[]string{`.givefirst.yaml:2:87: min (2) is greater than max (1)`}},
		{"precedence missing a side", "custom:\n  - {id: a, type: precedence, before: {phrases: [x]}}\n", nil, []string{`.givefirst.yaml:2:5: precedence rule a needs after`}},
		{"bad custom severity", "custom:\n  - {id: a, type: required, phrases: [x], severity: fatal}\n", nil,
			[]string{`.givefirst.yaml:2:53: bad severity "fatal" (want off, hint, info, warning or error)`}},
		{"unknown custom kind", "custom:\n  - {id: a, type: required, phrases: [x], kinds: [e-mail]}\n", nil,
			[]string{`.givefirst.yaml:2:51: unknown kind "e-mail" (did you mean "email"?)`}},
		{"bad custom pattern", "custom:\n  - {id: a, type: existence, patterns: ['(a']}\n", nil,
			[]string{`.givefirst.yaml:2:41: bad regular expression "(a": missing closing )`}},
		{"unknown message placeholder", "custom:\n  - {id: a, type: existence, phrases: [x], message: 'found {{count}}'}\n", nil,
			[]string{`.givefirst.yaml:2:53: unknown placeholder {{count}} in message (existence rules have {{match}})`}},
		{"%s in a required rule", "custom:\n  - {id: a, type: required, phrases: [x], message: 'no %s'}\n", nil,
			[]string{`.givefirst.yaml:2:52: unknown placeholder %s in message (required rules have none)`}},
		{"cue without its rule", "cues:\n  gives: [x]\n", map[string]string{}, nil},
		{"several problems, in file order", "rules:\n  i-heavy: loud\nignore: drafts\nrulez: {}\n", nil, []string{
			`.givefirst.yaml:2:12: bad severity "loud" (want off, hint, info, warning or error)`,
			`.givefirst.yaml:3:9: ignore: want a list, got "drafts"`,
			`.givefirst.yaml:4:1: unknown key "rulez" (did you mean "rules"?)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, configErrors(t, tt.src, tt.others))
		})
	}
}

func TestAliasBomb(t *testing.T) {
	src := "x0: &x0 {gives: [a]}\n"
	for i := 1; i <= 6; i++ {
		src += fmt.Sprintf("x%d: &x%d {<<: [%s]}\n", i, i, strings.Repeat(fmt.Sprintf("*x%d, ", i-1), 9)+fmt.Sprintf("*x%d", i-1))
	}
	src += "cues: *x6\n"
	got := configErrors(t, src, nil)
	require.NotEmpty(t, got)
	assert.Equal(t, ".givefirst.yaml:1:10: too many values: aliases expand to more than 100000", got[1])
}

func TestCueNeedsItsRule(t *testing.T) {
	t.Setenv(EnvVar, "")
	root := repo(t, map[string]string{".givefirst.yaml": "cues:\n  pushy: [x]\n  gives: [y]\n"})
	plain := &lint.Rule{ID: "plain", Run: func(*lint.Pass) error { return nil }}
	_, err := NewResolver(Options{Rules: []*lint.Rule{plain}}).For(filepath.Join(root, "m.txt"))
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		root + "/.givefirst.yaml:2:3: cues.pushy needs rule pushy-pressure with option extra_cues, which this build does not have",
		root + "/.givefirst.yaml:3:3: cues.gives needs rule ledger with option extra_gives, which this build does not have",
	}, "\n"), err.Error())
}
