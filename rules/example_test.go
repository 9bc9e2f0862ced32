package rules_test

import (
	"context"
	"fmt"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

// Lint a cold email with the built-in rules and print what they found and
// the reciprocity score.
func ExampleNew() {
	l, err := rules.New(lint.Settings{})
	if err != nil {
		panic(err)
	}
	email := "Hi {{first_name}},\n\nMy name is Jake and we build sales software.\nGot 30 minutes on Thursday?\n\nBest,\nJake\n"
	doc, err := lint.Parse("cold.txt", []byte(email), lint.ParseOptions{})
	if err != nil {
		panic(err)
	}
	res, err := l.Lint(context.Background(), doc)
	if err != nil {
		panic(err)
	}
	for _, d := range res.Diagnostics {
		p := doc.Position(d.Span.Start)
		fmt.Printf("%d:%d %s %s\n", p.Line+1, p.Column+1, d.Severity, d.Rule)
	}
	fmt.Println(res.Score.Value, res.Score.Band)
	// Output:
	// 3:1 warning self-centred-opener
	// 3:1 hint long-email
	// 4:1 error ask-without-offer
	// 4:5 info big-first-ask
	// 35 one-way
}

// Turn a rule off and tune another through settings, as a config file does.
func ExampleNew_settings() {
	l, err := rules.New(lint.Settings{Rules: map[string]lint.RuleSettings{
		"big-first-ask": {Disabled: true},
		"long-email":    {Options: map[string]any{"first_touch_warning": 100}},
	}})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(l.Rules()) == len(rules.All())-1)
	// Output: true
}
