package lint_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// checkingIn is the smallest useful rule: it flags a phrase that gives the
// reader nothing.
var checkingIn = &lint.Rule{
	ID:       "checking-in",
	Summary:  `"Just checking in" asks for attention and gives nothing`,
	Severity: lint.Warning,
	Run: func(p *lint.Pass) error {
		for i := range p.Text.Sentences {
			toks := p.Text.SentenceTokens(i)
			for j := 0; j+2 < len(toks); j++ {
				if toks[j].Norm == "just" && toks[j+1].Norm == "checking" && toks[j+2].Norm == "in" {
					p.Reportf(lint.Span{Start: toks[j].Span.Start, End: toks[j+2].Span.End},
						"%q gives the reader nothing; lead with something useful", p.Doc.TextOf(p.Text.Sentences[i].Span))
				}
			}
		}
		return nil
	},
}

func Example() {
	src := "Subject: Following up\n\nHi {{first_name}},\n\nJust checking in on my last email.\r\nAny thoughts?\n\nBest,\nSam\n"
	doc, err := lint.Parse("followup.txt", []byte(src), lint.ParseOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	l, err := lint.New([]*lint.Rule{checkingIn}, lint.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := l.Lint(context.Background(), doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range res.Diagnostics {
		p := doc.Position(d.Span.Start)
		fmt.Printf("%s:%d:%d: %s [%s] %s\n", doc.Path, p.Line+1, p.Column+1, d.Severity, d.Rule, d.Message)
	}
	// Output:
	// followup.txt:5:1: warning [checking-in] "Just checking in on my last email." gives the reader nothing; lead with something useful
}

// ExampleParse shows what Parse finds in a message: the parts that are not
// prose, the merge fields, and the sentences rules read.
func ExampleParse() {
	src := "---\nkind: followup\nstep: 2\n---\nHi {{first_name}},\n\nI wrote a 2-page guide for {{company}}'s team. Want a copy?\n\nBest,\nSam\n\nOn Mon, Lee wrote:\n> Earlier message\n"
	doc, err := lint.Parse("step2.txt", []byte(src), lint.ParseOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("kind:", doc.Kind, "step:", doc.Meta.Step)
	for _, m := range doc.Masks {
		s, _ := doc.SourceSpan(m.Span)
		fmt.Printf("mask %-12s %q\n", m.Reason, strings.TrimSpace(string(doc.Source[s.Start:s.End])))
	}
	for _, ph := range doc.Placeholders {
		fmt.Printf("placeholder %q\n", doc.TextOf(ph.Span))
	}
	a := lint.Analyze(doc, nil)
	for _, s := range a.Sentences {
		fmt.Printf("sentence %q question=%v\n", doc.TextOf(s.Span), s.Question)
	}
	fmt.Println("words:", a.WordCount())
	// Output:
	// kind: followup step: 2
	// mask front-matter "---\nkind: followup\nstep: 2\n---"
	// mask greeting     "Hi {{first_name}},"
	// mask quote        "On Mon, Lee wrote:\n> Earlier message"
	// mask signature    "Best,\nSam"
	// placeholder "{{company}}"
	// sentence "I wrote a 2-page guide for {{company}}'s team." question=false
	// sentence "Want a copy?" question=true
	// words: 11
}

// ExampleLineIndex converts between byte offsets and the line/column pairs
// editors use.
func ExampleLineIndex() {
	x := lint.NewLineIndex([]byte("Hi Sam,\r\nGreat 👍 news.\n"))
	p := x.Position(20) // the "n" of "news"
	fmt.Printf("line %d, byte column %d, rune column %d, UTF-16 column %d\n", p.Line, p.Column, p.RuneColumn, p.UTF16Column)
	fmt.Println(x.Offset(1, 9, lint.UTF16))
	// Output:
	// line 1, byte column 11, rune column 8, UTF-16 column 9
	// 20
}
