package cli

import (
	"errors"
	"math"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/config"
	"github.com/givefirst/givefirst/rules"
)

// A tiny, deterministic rule set, so that golden files pin the CLI's
// output and not the built-in rules, which change as they are tuned.

var fakeLedger = &lint.Analyzer{
	Name: "ledger",
	Doc:  "a toy give/ask ledger keyed on a few words",
	Run: func(p *lint.Pass) (any, error) {
		l := &rules.Ledger{}
		for i, s := range p.Text.Sentences {
			e := rules.Entry{Sentence: i, Span: s.Span, Role: rules.RoleNeutral, Question: s.Question}
			for _, t := range p.Text.SentenceTokens(i) {
				if t.IsWord() {
					l.Words++
				}
				switch t.Norm {
				case "i", "me", "my":
					l.SelfI++
				case "we", "us", "our":
					l.SelfWe++
				case "you", "your":
					l.Reader++
				}
				if e.Role != rules.RoleNeutral {
					continue
				}
				switch t.Norm {
				case "checklist", "guide", "template":
					e.Role, e.Cue, e.CueSpan, e.Weight = rules.RoleGive, t.Text, t.Span, 1
				case "demo":
					e.Role, e.Cue, e.CueSpan, e.Size = rules.RoleAsk, t.Text, t.Span, rules.AskLarge
				case "call", "book":
					e.Role, e.Cue, e.CueSpan, e.Size = rules.RoleAsk, t.Text, t.Span, rules.AskSmall
				case "reply":
					e.Role, e.Cue, e.CueSpan, e.Size = rules.RoleAsk, t.Text, t.Span, rules.AskMicro
				case "platform":
					e.Role, e.Cue, e.CueSpan = rules.RolePitch, t.Text, t.Span
				}
			}
			if e.Role == rules.RoleNeutral && s.Question {
				e.Role = rules.RoleQuestion
			}
			l.Entries = append(l.Entries, e)
		}
		return l, nil
	},
}

var fakePressure = &lint.Rule{
	ID:       "fake-pressure",
	Summary:  "Urgency the reader did not ask for",
	Doc:      "Pressure turns a gift into a trade.\n\nBad: *Act now!*\n\nGood: *Whenever it suits you.*",
	URL:      "https://example.com/rules/fake-pressure",
	Severity: lint.Error,
	Run: func(p *lint.Pass) error {
		lower := strings.ToLower(p.Doc.Text)
		for _, phrase := range []string{"act now", "last chance", "asap"} {
			for from := 0; ; {
				i := strings.Index(lower[from:], phrase)
				if i < 0 {
					break
				}
				span := lint.Span{Start: from + i, End: from + i + len(phrase)}
				d := lint.Diagnostic{Span: span, Message: "\"" + p.Doc.TextOf(span) + "\" pushes instead of giving a reason"}
				if phrase == "asap" {
					d.Fixes = []lint.Fix{{Title: "Let the reader choose the time", Edits: []lint.TextEdit{{Span: span, NewText: "when it suits you"}}}}
				}
				p.Report(d)
				from = span.End
			}
		}
		return nil
	},
}

var fakeFiller = &lint.Rule{
	ID:       "fake-filler",
	Summary:  "Filler words",
	Doc:      "Filler spends the reader's attention.",
	Severity: lint.Hint,
	Run: func(p *lint.Pass) error {
		for _, t := range p.Text.Tokens {
			if t.Norm == "just" {
				end := t.Span.End
				if end < len(p.Doc.Text) && p.Doc.Text[end] == ' ' {
					end++
				}
				p.Report(lint.Diagnostic{Span: t.Span, Message: "\"just\" adds nothing",
					Fixes: []lint.Fix{{Title: "Remove \"just\"", Safe: true, Edits: []lint.TextEdit{{Span: lint.Span{Start: t.Span.Start, End: end}}}}}})
			}
		}
		return nil
	},
}

var fakeIOpener = &lint.Rule{
	ID:       "fake-i-opener",
	Summary:  "Sentences that open with I",
	Doc:      "Lead with the reader, not yourself.",
	URL:      "https://example.com/rules/fake-i-opener",
	Severity: lint.Warning,
	Kinds:    []lint.Kind{lint.KindEmail, lint.KindFollowup},
	Run: func(p *lint.Pass) error {
		var reader *lint.Span
		for _, t := range p.Text.Tokens {
			if t.Norm == "you" || t.Norm == "your" {
				reader = &t.Span
				break
			}
		}
		for i := range p.Text.Sentences {
			toks := p.Text.SentenceTokens(i)
			if len(toks) == 0 || toks[0].Norm != "i" {
				continue
			}
			d := lint.Diagnostic{Span: toks[0].Span, Message: "opens with \"I\"; open with the reader"}
			if reader != nil {
				d.Related = []lint.Related{{Span: *reader, Message: "the reader first appears here"}}
			}
			p.Report(d)
		}
		return nil
	},
}

var fakeAskFirst = &lint.Rule{
	ID:       "fake-ask-first",
	Summary:  "An ask before any give",
	Doc:      "Give something before you ask for anything.",
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{fakeLedger},
	Run: func(p *lint.Pass) error {
		l := p.ResultOf(fakeLedger).(*rules.Ledger)
		for _, e := range l.Entries {
			switch e.Role {
			case rules.RoleGive:
				return nil
			case rules.RoleAsk:
				p.Reportf(e.CueSpan, "asks (%s) before giving anything", e.Size)
				return nil
			}
		}
		return nil
	},
}

var fakeLongVoicemail = &lint.Rule{
	ID:       "fake-long-voicemail",
	Summary:  "Voicemails over 40 words",
	Severity: lint.Info,
	Kinds:    []lint.Kind{lint.KindVoicemail},
	Run: func(p *lint.Pass) error {
		if n := p.Text.WordCount(); n > 40 && len(p.Text.Sentences) > 0 {
			p.Reportf(p.Text.Sentences[0].Span, "%d words; a voicemail over 40 words loses the listener", n)
		}
		return nil
	},
}

// fakeBroken fails on documents that mention "explode", to test how rule
// errors are reported.
var fakeBroken = &lint.Rule{
	ID:      "fake-broken",
	Summary: "Fails on purpose",
	Run: func(p *lint.Pass) error {
		if strings.Contains(p.Doc.Text, "explode") {
			return errors.New("boom")
		}
		return nil
	},
}

func fakeRules() []*lint.Rule {
	return []*lint.Rule{fakePressure, fakeFiller, fakeIOpener, fakeAskFirst, fakeLongVoicemail, fakeBroken}
}

// fakeScorer rewards a give before the first ask, small asks and reader
// focus, and takes points off for errors and warnings.
var fakeScorer = &lint.Scorer{
	Requires: []*lint.Analyzer{fakeLedger},
	Score: func(res *lint.Result) *lint.Score {
		l := res.Facts["ledger"].(*rules.Ledger)
		giveFirst, smallAsks := 0.0, 30.0
		seenAsk := false
		for _, e := range l.Entries {
			if e.Role == rules.RoleGive && !seenAsk {
				giveFirst = 40
			}
			if e.Role == rules.RoleAsk {
				seenAsk = true
				if e.Size == rules.AskLarge {
					smallAsks = 0
				}
			}
		}
		focus := 0.0
		if all := l.Reader + l.SelfI + l.SelfWe; all > 0 {
			focus = math.Round(30 * float64(l.Reader) / float64(all))
		}
		penalty := 0
		for _, d := range res.Diagnostics {
			switch d.Severity {
			case lint.Error:
				penalty += 20
			case lint.Warning:
				penalty += 5
			}
		}
		value := max(0, int(giveFirst+smallAsks+focus)-penalty)
		band := "poor"
		switch {
		case value >= 80:
			band = "strong"
		case value >= 60:
			band = "fair"
		case value >= 40:
			band = "weak"
		}
		return &lint.Score{Value: value, Band: band, Summary: "toy score for tests",
			Components: []lint.ScoreComponent{
				{Name: "give first", Points: giveFirst, Max: 40},
				{Name: "small asks", Points: smallAsks, Max: 30},
				{Name: "reader focus", Points: focus, Max: 30, Note: "you vs I and we"},
			}}
	},
}

// fakeResolver stands in for config discovery: every file gets the fake
// linter; ignore globs and extensions play a config file's part.
type fakeResolver struct {
	linter     *lint.Linter
	ignore     []string // doublestar globs, relative to the working folder
	extensions []string
	maxBytes   int
	brokenDir  string // files below it get a config error
}

func (f *fakeResolver) For(path string) (*config.Effective, error) {
	slash := filepath.ToSlash(path)
	if f.brokenDir != "" && strings.HasPrefix(slash, f.brokenDir+"/") {
		return nil, errors.New(f.brokenDir + "/.givefirst.yaml:3:1: unknown key \"rulez\"")
	}
	eff := &config.Effective{Linter: f.linter, Extensions: f.extensions, Parse: lint.ParseOptions{MaxBytes: f.maxBytes}}
	for _, g := range f.ignore {
		if ok, _ := doublestar.Match(g, slash); ok {
			eff.Ignored = true
		}
	}
	return eff, nil
}

func newFakeLinter() *lint.Linter {
	l, err := lint.New(fakeRules(), lint.Settings{}, lint.WithScorer(fakeScorer))
	if err != nil {
		panic(err)
	}
	return l
}
