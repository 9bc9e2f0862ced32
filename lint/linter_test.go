package lint

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func noop(*Pass) error                { return nil }
func noopAnalyzer(*Pass) (any, error) { return nil, nil }

// reporter is a rule that reports the first occurrence of each phrase.
func reporter(id string, phrases ...string) *Rule {
	return &Rule{ID: id, Summary: "reports " + strings.Join(phrases, ", "), Run: func(p *Pass) error {
		for _, ph := range phrases {
			if i := strings.Index(p.Doc.Text, ph); i >= 0 {
				p.Reportf(Span{i, i + len(ph)}, "found %q", ph)
			}
		}
		return nil
	}}
}

func lintText(t *testing.T, l *Linter, path, src string) (*Result, error) {
	t.Helper()
	return l.Lint(context.Background(), mustParse(t, path, src))
}

func TestValidate(t *testing.T) {
	a := &Analyzer{Name: "ledger", Run: noopAnalyzer}
	cycA := &Analyzer{Name: "a", Run: noopAnalyzer}
	cycB := &Analyzer{Name: "b", Run: noopAnalyzer, Requires: []*Analyzer{cycA}}
	cycA.Requires = []*Analyzer{cycB}
	tests := []struct {
		name  string
		rules []*Rule
		want  []string // substrings of the error; none means valid
	}{
		{"valid", []*Rule{{ID: "x", Run: noop, Requires: []*Analyzer{a}}, {ID: "y", Run: noop, Requires: []*Analyzer{a}}}, nil},
		{"empty", nil, nil},
		{"nil rule", []*Rule{nil}, []string{"nil rule"}},
		{"no ID", []*Rule{{Run: noop}}, []string{"a rule has no ID"}},
		{"duplicate IDs", []*Rule{{ID: "x", Run: noop}, {ID: "x", Run: noop}}, []string{`duplicate rule ID "x"`}},
		{"nil Run", []*Rule{{ID: "x"}}, []string{"rule x has no Run"}},
		{"unsupported option type", []*Rule{{ID: "x", Run: noop, Options: []Option{{Name: "n", Default: int64(3)}}}}, []string{"rule x: option n has unsupported type int64"}},
		{"cycle in Requires", []*Rule{{ID: "x", Run: noop, Requires: []*Analyzer{cycA}}}, []string{"cycle in Requires: x → a → b → a"}},
		{"analyzer named like a rule", []*Rule{{ID: "ledger", Run: noop, Requires: []*Analyzer{a}}}, []string{`analyzer "ledger" has the same name as a rule`}},
		{"two analyzers with one name", []*Rule{{ID: "x", Run: noop, Requires: []*Analyzer{a, {Name: "ledger", Run: noopAnalyzer}}}}, []string{`two analyzers named "ledger"`}},
		{"analyzer without Run", []*Rule{{ID: "x", Run: noop, Requires: []*Analyzer{{Name: "bare"}}}}, []string{"analyzer bare has no Run"}},
		{"every problem at once", []*Rule{nil, {ID: "x"}, {ID: "x", Run: noop}}, []string{"nil rule", "rule x has no Run", `duplicate rule ID "x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.rules)
			if len(tt.want) == 0 {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			_, err = New(tt.rules, Settings{})
			assert.Error(t, err, "New validates too")
		})
	}
}

func optionRule(run func(*Pass) error) *Rule {
	return &Rule{ID: "no-value-first", Severity: Info, Run: run, Options: []Option{
		{Name: "max", Default: 3},
		{Name: "ratio", Default: 0.5},
		{Name: "strict", Default: false},
		{Name: "tone", Default: "warm"},
		{Name: "words", Default: []string{"free"}},
	}}
}

func TestNewSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings map[string]RuleSettings
		err      []string
	}{
		{"unknown rule with a suggestion", map[string]RuleSettings{"no-vaue-first": {}}, []string{`unknown rule "no-vaue-first" (did you mean "no-value-first"?)`}},
		{"unknown rule far from any", map[string]RuleSettings{"pushy": {}}, []string{`unknown rule "pushy"`}},
		{"unknown option", map[string]RuleSettings{"no-value-first": {Options: map[string]any{"maxx": 2}}}, []string{`no-value-first: unknown option "maxx" (did you mean "max"?)`}},
		{"wrong type", map[string]RuleSettings{"no-value-first": {Options: map[string]any{"max": "ten"}}}, []string{`no-value-first: option max: want integer, got "ten"`}},
		{"fraction for an integer", map[string]RuleSettings{"no-value-first": {Options: map[string]any{"max": 2.5}}}, []string{"want integer, got 2.5"}},
		{"number for a boolean", map[string]RuleSettings{"no-value-first": {Options: map[string]any{"strict": 1}}}, []string{"option strict: want boolean, got 1"}},
		{"list with a number", map[string]RuleSettings{"no-value-first": {Options: map[string]any{"words": []any{"a", 2}}}}, []string{`option words: want list of strings, got ["a",2]`}},
		{"string for a number", map[string]RuleSettings{"no-value-first": {Options: map[string]any{"ratio": "half"}}}, []string{"option ratio: want number"}},
		{"a disabled rule's options are still checked", map[string]RuleSettings{"no-value-first": {Disabled: true, Options: map[string]any{"tone": 3}}}, []string{"option tone: want string, got 3"}},
		{"errors are joined", map[string]RuleSettings{"nope": {}, "no-value-first": {Options: map[string]any{"max": "x", "zzz": 1}}}, []string{`unknown rule "nope"`, "option max", `unknown option "zzz"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := New([]*Rule{optionRule(noop)}, Settings{Rules: tt.settings})
			assert.Nil(t, l)
			require.Error(t, err)
			for _, w := range tt.err {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestOptionsReachTheRule(t *testing.T) {
	type seen struct {
		max    int
		ratio  float64
		strict bool
		tone   string
		words  []string
	}
	tests := []struct {
		name    string
		options map[string]any
		want    seen
	}{
		{"defaults", nil, seen{3, 0.5, false, "warm", []string{"free"}}},
		{"typed", map[string]any{"max": 5, "ratio": 0.25, "strict": true, "tone": "dry", "words": []string{"gift"}}, seen{5, 0.25, true, "dry", []string{"gift"}}},
		{"loose numbers from a config file", map[string]any{"max": 4.0, "ratio": 2}, seen{4, 2.0, false, "warm", []string{"free"}}},
		{"64-bit numbers", map[string]any{"max": int64(7), "ratio": uint64(3)}, seen{7, 3.0, false, "warm", []string{"free"}}},
		{"lists from YAML", map[string]any{"words": []any{"gift", "guide"}}, seen{3, 0.5, false, "warm", []string{"gift", "guide"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got seen
			r := optionRule(func(p *Pass) error {
				got = seen{p.Int("max"), p.Float("ratio"), p.Bool("strict"), p.String("tone"), p.Strings("words")}
				return nil
			})
			l, err := New([]*Rule{r}, Settings{Rules: map[string]RuleSettings{r.ID: {Options: tt.options}}})
			require.NoError(t, err)
			_, err = lintText(t, l, "a.txt", "Body.")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestUndeclaredOptionIsARuleError(t *testing.T) {
	r := &Rule{ID: "sloppy", Run: func(p *Pass) error { p.Int("nope"); return nil }}
	l, err := New([]*Rule{r}, Settings{})
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Body.")
	require.NotNil(t, res)
	var re *RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "sloppy", re.Rule)
	assert.Contains(t, err.Error(), `sloppy reads undeclared option "nope"`)
}

func TestSeverityAndDisabled(t *testing.T) {
	rules := []*Rule{
		reporter("quiet", "guide"),
		{ID: "loud", Severity: Error, Run: reporter("", "guide").Run},
		reporter("off", "guide"),
	}
	l, err := New(rules, Settings{Rules: map[string]RuleSettings{
		"quiet": {Severity: Hint},
		"off":   {Disabled: true},
	}})
	require.NoError(t, err)
	var enabled []string
	for _, r := range l.Rules() {
		enabled = append(enabled, fmt.Sprintf("%s=%s", r.Rule.ID, r.Severity))
	}
	assert.Equal(t, []string{"quiet=hint", "loud=error"}, enabled)

	res, err := lintText(t, l, "a.txt", "Here is the guide.")
	require.NoError(t, err)
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, fmt.Sprintf("%s=%s", d.Rule, d.Severity))
	}
	assert.Equal(t, []string{"loud=error", "quiet=hint"}, got, "the disabled rule never runs")

	l, err = New([]*Rule{reporter("plain", "guide")}, Settings{})
	require.NoError(t, err)
	assert.Equal(t, Warning, l.Rules()[0].Severity, "a rule without a severity warns")
}

func TestReportKeepsExplicitRuleAndSeverity(t *testing.T) {
	r := &Rule{ID: "r", Severity: Info, Run: func(p *Pass) error {
		p.Report(Diagnostic{Span: Span{0, 4}, Message: "mine", Severity: Error, Rule: "r/sub"})
		p.Report(Diagnostic{Span: Span{0, 4}, Message: "defaults"})
		return nil
	}}
	l, err := New([]*Rule{r}, Settings{})
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Body.")
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 2)
	assert.Equal(t, Diagnostic{Rule: "r", Severity: Info, Message: "defaults", Span: Span{0, 4}}, res.Diagnostics[0])
	assert.Equal(t, Diagnostic{Rule: "r/sub", Severity: Error, Message: "mine", Span: Span{0, 4}}, res.Diagnostics[1])
}

func TestKindsFiltering(t *testing.T) {
	var runs []string
	var mu sync.Mutex
	rule := func(id string, kinds ...Kind) *Rule {
		return &Rule{ID: id, Kinds: kinds, Run: func(p *Pass) error {
			mu.Lock()
			defer mu.Unlock()
			runs = append(runs, id+"@"+string(p.Doc.Kind))
			return nil
		}}
	}
	l, err := New([]*Rule{rule("all"), rule("vm", KindVoicemail), rule("mail", KindEmail, KindFollowup)}, Settings{})
	require.NoError(t, err)
	for _, path := range []string{"a.txt", "a.vm.txt"} {
		_, err := lintText(t, l, path, "Body.")
		require.NoError(t, err)
	}
	_, err = l.Lint(context.Background(), mustParse(t, "b.txt", "---\nstep: 2\n---\nBody."))
	require.NoError(t, err)
	assert.Equal(t, []string{"all@email", "mail@email", "all@voicemail", "vm@voicemail", "all@followup", "mail@followup"}, runs)
	assert.True(t, (&Rule{}).AppliesTo(KindVoicemail), "no kinds means every kind")
}

func TestAnalyzersRunOnceAndOnlyWhenNeeded(t *testing.T) {
	var base, derived, vmOnly, unused atomic.Int32
	baseA := &Analyzer{Name: "base", Run: func(p *Pass) (any, error) { base.Add(1); return len(p.Text.Tokens), nil }}
	derivedA := &Analyzer{Name: "derived", Requires: []*Analyzer{baseA}, Run: func(p *Pass) (any, error) {
		derived.Add(1)
		return p.ResultOf(baseA).(int) * 10, nil
	}}
	vmA := &Analyzer{Name: "vm-only", Run: func(p *Pass) (any, error) { vmOnly.Add(1); return "vm", nil }}
	unusedA := &Analyzer{Name: "unused", Run: func(p *Pass) (any, error) { unused.Add(1); return nil, nil }}
	var sawDerived any
	rules := []*Rule{
		{ID: "one", Requires: []*Analyzer{baseA}, Run: noop},
		{ID: "two", Requires: []*Analyzer{derivedA, baseA}, Run: func(p *Pass) error { sawDerived = p.ResultOf(derivedA); return nil }},
		{ID: "three", Requires: []*Analyzer{vmA}, Kinds: []Kind{KindVoicemail}, Run: noop},
		{ID: "four", Requires: []*Analyzer{unusedA}, Run: noop},
	}
	l, err := New(rules, Settings{Rules: map[string]RuleSettings{"four": {Disabled: true}}})
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Three words here.")
	require.NoError(t, err)
	assert.Equal(t, int32(1), base.Load(), "shared by two rules and an analyzer, run once")
	assert.Equal(t, int32(1), derived.Load())
	assert.Equal(t, int32(0), vmOnly.Load(), "only voicemail rules need it")
	assert.Equal(t, int32(0), unused.Load(), "only a disabled rule needs it")
	assert.Equal(t, 40, sawDerived)
	assert.Equal(t, map[string]any{"base": 4, "derived": 40}, res.Facts)

	_, err = lintText(t, l, "a.vm.txt", "Call me.")
	require.NoError(t, err)
	assert.Equal(t, int32(2), base.Load(), "once per document")
	assert.Equal(t, int32(1), vmOnly.Load())
}

func TestPanickingRule(t *testing.T) {
	rules := []*Rule{
		reporter("before", "guide"),
		{ID: "boom", Run: func(p *Pass) error {
			p.Reportf(Span{0, 1}, "reported before the panic")
			var m map[string]int
			m["x"]++ // nil map write
			return nil
		}},
		{ID: "fails", Run: func(*Pass) error { return errors.New("no luck") }},
		reporter("after", "free"),
	}
	l, err := New(rules, Settings{})
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Here is a free guide.")
	require.Error(t, err)
	require.NotNil(t, res, "other rules' findings survive")

	var ids []string
	for _, d := range res.Diagnostics {
		ids = append(ids, d.Rule)
	}
	assert.Equal(t, []string{"boom", "after", "before"}, ids, "a panicking rule keeps what it reported before the panic")

	var re *RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "boom", re.Rule)
	assert.Contains(t, re.Error(), "rule boom: panic: assignment to entry in nil map")
	assert.Contains(t, re.Stack, "linter_test.go", "the stack points at the rule")
	assert.Contains(t, err.Error(), "rule fails: no luck")
	assert.Equal(t, "no luck", errors.Unwrap(findRuleError(err, "fails")).Error())
}

// findRuleError finds the *RuleError for id in a joined error.
func findRuleError(err error, id string) *RuleError {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		for _, e := range joined.Unwrap() {
			var re *RuleError
			if errors.As(e, &re) && re.Rule == id {
				return re
			}
		}
	}
	var re *RuleError
	if errors.As(err, &re) && re.Rule == id {
		return re
	}
	return nil
}

func TestFailingAnalyzerSkipsDependants(t *testing.T) {
	var ran []string
	bad := &Analyzer{Name: "bad", Run: func(*Pass) (any, error) { return nil, errors.New("cannot read cues") }}
	panicky := &Analyzer{Name: "panicky", Run: func(*Pass) (any, error) { panic("oops") }}
	above := &Analyzer{Name: "above", Requires: []*Analyzer{bad}, Run: func(*Pass) (any, error) {
		ran = append(ran, "above")
		return nil, nil
	}}
	good := &Analyzer{Name: "good", Run: func(*Pass) (any, error) { return 1, nil }}
	mark := func(id string) func(*Pass) error {
		return func(*Pass) error { ran = append(ran, id); return nil }
	}
	rules := []*Rule{
		{ID: "direct", Requires: []*Analyzer{bad}, Run: mark("direct")},
		{ID: "transitive", Requires: []*Analyzer{above}, Run: mark("transitive")},
		{ID: "on-panic", Requires: []*Analyzer{panicky}, Run: mark("on-panic")},
		{ID: "fine", Requires: []*Analyzer{good}, Run: mark("fine")},
		{ID: "free", Run: mark("free")},
	}
	l, err := New(rules, Settings{})
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Body.")
	require.NotNil(t, res)
	assert.Equal(t, []string{"fine", "free"}, ran)
	for _, id := range []string{"bad", "panicky"} {
		assert.NotNil(t, findRuleError(err, id), "the analyzer's own failure is reported: %v", err)
	}
	for _, id := range []string{"direct", "transitive", "on-panic"} {
		re := findRuleError(err, id)
		require.NotNil(t, re, "%s is reported as skipped: %v", id, err)
		assert.Contains(t, re.Error(), "skipped: a required analyzer failed")
	}
	assert.Nil(t, findRuleError(err, "above"), "an analyzer skipped because of another is not a second failure")
	assert.Equal(t, map[string]any{"good": 1}, res.Facts)
}

func TestLintContextCancellation(t *testing.T) {
	l, err := New([]*Rule{reporter("r", "Body")}, Settings{})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := l.Lint(ctx, mustParse(t, "a.txt", "Body."))
	assert.Nil(t, res)
	assert.ErrorIs(t, err, context.Canceled)

	// Cancelled while rules run: the next rule does not start.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	var second bool
	l, err = New([]*Rule{
		{ID: "first", Run: func(*Pass) error { cancel(); return nil }},
		{ID: "second", Run: func(*Pass) error { second = true; return nil }},
	}, Settings{})
	require.NoError(t, err)
	res, err = l.Lint(ctx, mustParse(t, "a.txt", "Body."))
	assert.Nil(t, res)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, second)
}

func TestLintConcurrently(t *testing.T) {
	counter := &Analyzer{Name: "words", Run: func(p *Pass) (any, error) { return p.Text.WordCount(), nil }}
	rules := []*Rule{
		reporter("filler", "just checking in", "touch base"),
		{ID: "verbs", Requires: []*Analyzer{counter}, Run: func(p *Pass) error {
			for i := range p.Text.Sentences {
				tags := p.Text.Tags(i)
				for j, tok := range p.Text.SentenceTokens(i) {
					if tags[j] == "MD" {
						p.Reportf(tok.Span, "modal %q in a %d-word message", tok.Text, p.ResultOf(counter))
					}
				}
			}
			return nil
		}},
	}
	l, err := New(rules, Settings{}, WithTagger(NewTagger(64)))
	require.NoError(t, err)
	docs := []string{
		"Hi Sam,\n\nJust checking in. Can we touch base on Monday?\n\nBest,\nLee",
		"Hello,\nWe could send the guide. It would help.\n",
		"Sam,\nI will call at 10am. You can reply STOP.\n",
	}
	want := make([][]Diagnostic, len(docs))
	for i, src := range docs {
		res, err := lintText(t, l, "a.txt", src)
		require.NoError(t, err)
		want[i] = res.Diagnostics
		require.NotEmpty(t, want[i])
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for k := range 10 {
				i := (g + k) % len(docs)
				doc, err := Parse(fmt.Sprintf("d%d.txt", g), []byte(docs[i]), ParseOptions{})
				if !assert.NoError(t, err) {
					return
				}
				res, err := l.Lint(context.Background(), doc)
				if assert.NoError(t, err) {
					assert.Equal(t, want[i], res.Diagnostics)
				}
			}
		})
	}
	wg.Wait()
}

// mappedDoc is "Hi &amp; you. " + a base64 part, decoded: Text is
// "Hi & you. Hello there." where "Hello there." cannot be located in the
// source byte for byte.
func mappedDoc(t *testing.T) *Document {
	src := "Hi &amp; you. SGVsbG8gdGhlcmUu"
	var b mapBuilder
	b.copy("Hi ", 0)
	b.unit("&", 3, 5)
	b.copy(" you. ", 8)
	b.add("Hello there.", 14, len(src)-14, true)
	text, m := b.finish(len(src))
	doc := &Document{Path: "a.html", Source: []byte(src), Format: FormatHTML, Kind: KindEmail, Text: text, maps: []*offsetMap{m}}
	doc.Blocks = splitBlocks(text, lineSpans(text), nil)
	doc.escape = func(s string) string { return strings.ReplaceAll(s, "&", "&amp;") }
	return doc
}

func TestDiagnosticsMappedAndSorted(t *testing.T) {
	r := &Rule{ID: "z-rule", Run: func(p *Pass) error {
		p.Reportf(Span{13, 18}, "in the encoded part") // "Hello"
		p.Reportf(Span{5, 8}, "after the entity")      // "you"
		p.Report(Diagnostic{Span: Span{0, 4}, Message: "across the entity", Related: []Related{{Span: Span{5, 8}, Message: "see"}}})
		return nil
	}}
	a := &Rule{ID: "a-rule", Run: func(p *Pass) error { p.Reportf(Span{5, 8}, "same span, earlier rule"); return nil }}
	l, err := New([]*Rule{r, a}, Settings{})
	require.NoError(t, err)
	doc := mappedDoc(t)
	res, err := l.Lint(context.Background(), doc)
	require.NoError(t, err)
	type row struct {
		rule, msg string
		span      Span
		approx    bool
	}
	var got []row
	for _, d := range res.Diagnostics {
		got = append(got, row{d.Rule, d.Message, d.Span, d.Approximate})
	}
	assert.Equal(t, []row{
		{"z-rule", "across the entity", Span{0, 8}, false},
		{"a-rule", "same span, earlier rule", Span{9, 12}, false},
		{"z-rule", "after the entity", Span{9, 12}, false},
		{"z-rule", "in the encoded part", Span{14, 14}, true},
	}, got)
	assert.Equal(t, "Hi &amp;", string(doc.Source[0:8]))
	assert.Equal(t, Span{9, 12}, res.Diagnostics[0].Related[0].Span, "related spans are mapped too")
}

func TestFixesKeptAndDropped(t *testing.T) {
	edit := func(s Span, text string) TextEdit { return TextEdit{Span: s, NewText: text} }
	r := &Rule{ID: "fixer", Run: func(p *Pass) error {
		p.Report(Diagnostic{Span: Span{0, 4}, Message: "two fixes", Fixes: []Fix{
			{Title: "kept", Safe: true, Edits: []TextEdit{edit(Span{0, 2}, "Hey"), edit(Span{3, 4}, "& co")}},
			{Title: "dropped", Edits: []TextEdit{edit(Span{0, 2}, "Yo"), edit(Span{13, 18}, "Hi")}},
		}})
		p.Report(Diagnostic{Span: Span{13, 18}, Message: "only unmappable", Fixes: []Fix{{Title: "gone", Edits: []TextEdit{edit(Span{13, 18}, "Hi")}}}})
		return nil
	}}
	l, err := New([]*Rule{r}, Settings{})
	require.NoError(t, err)

	res, err := l.Lint(context.Background(), mappedDoc(t))
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 2)
	assert.Equal(t, []Fix{{Title: "kept", Safe: true, Edits: []TextEdit{
		{Span: Span{0, 2}, NewText: "Hey"},
		{Span: Span{3, 8}, NewText: "&amp; co"}, // mapped over the whole entity, escaped for the source
	}}}, res.Diagnostics[0].Fixes, "a fix with one edit that cannot be written back is dropped whole")
	assert.Nil(t, res.Diagnostics[1].Fixes)

	// A transfer-encoded body takes no fixes at all.
	doc := mappedDoc(t)
	doc.encoded = true
	res, err = l.Lint(context.Background(), doc)
	require.NoError(t, err)
	for _, d := range res.Diagnostics {
		assert.Nil(t, d.Fixes)
	}

	// Plain text keeps fixes as they are.
	res, err = lintText(t, l, "a.txt", "Hi & you. Hello there.")
	require.NoError(t, err)
	require.NotEmpty(t, res.Diagnostics)
	assert.Len(t, res.Diagnostics[0].Fixes, 2)
}

func TestSharedRelatedAndFixesMappedOnce(t *testing.T) {
	// A rule may hand several diagnostics the same Related and Fixes
	// slices; each must be mapped to the source once, not once per report.
	related := []Related{{Span: Span{5, 8}, Message: "the ask"}}
	fixes := []Fix{{Title: "reword", Edits: []TextEdit{{Span: Span{5, 8}, NewText: "all"}}}}
	r := &Rule{ID: "shared", Run: func(p *Pass) error {
		p.Report(Diagnostic{Span: Span{0, 2}, Message: "one", Related: related, Fixes: fixes})
		p.Report(Diagnostic{Span: Span{3, 4}, Message: "two", Related: related, Fixes: fixes})
		return nil
	}}
	l, err := New([]*Rule{r}, Settings{})
	require.NoError(t, err)
	res, err := l.Lint(context.Background(), mappedDoc(t))
	require.NoError(t, err)
	require.Len(t, res.Diagnostics, 2)
	for _, d := range res.Diagnostics {
		assert.Equal(t, Span{9, 12}, d.Related[0].Span, d.Message)
		require.Len(t, d.Fixes, 1, d.Message)
		assert.Equal(t, Span{9, 12}, d.Fixes[0].Edits[0].Span, d.Message)
	}
	assert.Equal(t, Span{5, 8}, related[0].Span, "the rule's own slices are left alone")
	assert.Equal(t, Span{5, 8}, fixes[0].Edits[0].Span)
}

func TestScorer(t *testing.T) {
	words := &Analyzer{Name: "words", Run: func(p *Pass) (any, error) { return p.Text.WordCount(), nil }}
	var seen []string
	scorer := &Scorer{Requires: []*Analyzer{words}, Score: func(r *Result) *Score {
		for _, d := range r.Diagnostics {
			seen = append(seen, d.Rule)
		}
		n := r.Facts["words"].(int)
		return &Score{Value: 100 - 10*len(r.Diagnostics), Band: "good", Summary: fmt.Sprintf("%d words", n)}
	}}
	l, err := New([]*Rule{reporter("filler", "just checking in")}, Settings{}, WithScorer(scorer))
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Hello.\nJust a note: just checking in on the guide.")
	require.NoError(t, err)
	assert.Equal(t, []string{"filler"}, seen, "the scorer runs after the rules")
	require.NotNil(t, res.Score)
	assert.Equal(t, 90, res.Score.Value)
	assert.Equal(t, "9 words", res.Score.Summary)
	assert.Equal(t, 9, res.Facts["words"], "a scorer's analyzer runs though no rule needs it")

	// A scorer whose analyzer failed gives no score; a panicking one is a RuleError.
	failing := &Scorer{Requires: []*Analyzer{{Name: "broken", Run: func(*Pass) (any, error) { return nil, errors.New("x") }}}, Score: func(*Result) *Score { return &Score{} }}
	l, err = New(nil, Settings{}, WithScorer(failing))
	require.NoError(t, err)
	res, err = lintText(t, l, "a.txt", "Body.")
	require.Error(t, err)
	assert.Nil(t, res.Score)

	l, err = New(nil, Settings{}, WithScorer(&Scorer{Score: func(*Result) *Score { panic("bad score") }}))
	require.NoError(t, err)
	res, err = lintText(t, l, "a.txt", "Body.")
	assert.NotNil(t, findRuleError(err, "score"), "%v", err)
	assert.Nil(t, res.Score)
}

func TestAnalyzerSettings(t *testing.T) {
	a := &Analyzer{Name: "ledger", Options: []Option{{Name: "window", Default: 2}}, Run: func(p *Pass) (any, error) {
		return p.Int("window"), nil
	}}
	rules := []*Rule{{ID: "uses", Requires: []*Analyzer{a}, Run: noop}}
	l, err := New(rules, Settings{Rules: map[string]RuleSettings{"ledger": {Options: map[string]any{"window": 5}}}})
	require.NoError(t, err)
	res, err := lintText(t, l, "a.txt", "Body.")
	require.NoError(t, err)
	assert.Equal(t, 5, res.Facts["ledger"])

	_, err = New(rules, Settings{Rules: map[string]RuleSettings{"ledger": {Options: map[string]any{"windw": 5}}}})
	assert.ErrorContains(t, err, `ledger: unknown option "windw" (did you mean "window"?)`)
}
