package rules

import (
	"fmt"

	"github.com/givefirst/givefirst/lint"
)

// Interrogation flags a string of questions with little shared in return.
var Interrogation = &lint.Rule{
	ID:       "interrogation",
	Summary:  "Question after question, with little shared in return",
	URL:      ruleURL("interrogation"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer},
	Options: []lint.Option{
		{Name: "max_questions", Doc: "questions allowed in one message", Default: 3},
		{Name: "max_in_a_row", Doc: "question sentences allowed in a row", Default: 2},
	},
	Doc: `A few questions start a conversation; a list of them is a questionnaire. When the reader is
asked about team size, tools, budget and timing with nothing shared back, it feels like being
qualified, not helped. Share something for every question you ask. The rule fires on four or
more questions, or three in a row, and it is an error when the message gives nothing at all.

A rhetorical question followed straight away by a give counts as half. Files marked
` + "`stage: reply`" + ` (answering a questionnaire the reader asked for) are exempt.

**Instead of**

> What's your team size? Who owns outbound? Which tools do you use? What's your budget?

**Try**

> Teams your size usually lose a fifth of replies to slow follow-up. Is that true for you?`,
	Run: func(p *lint.Pass) error {
		if p.Doc.Meta.Stage == "reply" {
			return nil
		}
		led := ledgerOf(p)
		var qs []int
		total, run, worstRun, runEnd := 0.0, 0, 0, -1
		for i, e := range led.Entries {
			if !e.Question {
				run = 0
				continue
			}
			qs = append(qs, i)
			run++
			if run > worstRun {
				worstRun, runEnd = run, i
			}
			if e.Rhetorical && i+1 < len(led.Entries) && led.Entries[i+1].Gives() {
				total += 0.5
			} else {
				total++
			}
		}
		tooMany := total > float64(p.Int("max_questions"))
		inARow := worstRun > p.Int("max_in_a_row")
		if !tooMany && !inARow {
			return nil
		}
		at := qs[min(len(qs)-1, p.Int("max_questions"))]
		msg := fmt.Sprintf("%d questions and little shared back: give something for each question you ask", len(qs))
		if inARow && !tooMany {
			at = runEnd
			msg = fmt.Sprintf("%d questions in a row: share something between them", worstRun)
		}
		d := lint.Diagnostic{Span: led.Entries[at].Span, Message: msg}
		for _, q := range qs {
			if q != at {
				d.Related = append(d.Related, lint.Related{Span: led.Entries[q].Span, Message: "another question"})
			}
		}
		if led.FirstGive() < 0 {
			d.Severity = lint.Error
		}
		p.Report(d)
		return nil
	},
}
