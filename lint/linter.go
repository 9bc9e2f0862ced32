package lint

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
)

// RuleSettings adjust one rule (or analyzer, by name) for a linter.
type RuleSettings struct {
	Disabled bool
	Severity Severity       // 0 keeps the rule's default
	Options  map[string]any // by option name; checked against the declared types
}

// Settings adjust a rule set: what the config file says.
type Settings struct {
	Rules map[string]RuleSettings
}

// Scorer turns a finished result into a score. It runs after the rules, so
// it can see their diagnostics, and may require analyzers of its own.
type Scorer struct {
	Requires []*Analyzer
	Score    func(*Result) *Score
}

// Score is a 0–100 rating of a document with the parts it is made of.
type Score struct {
	Value      int              `json:"value"`
	Band       string           `json:"band"`
	Components []ScoreComponent `json:"components"`
	Summary    string           `json:"summary,omitempty"` // one line explaining the number
}

// ScoreComponent is one part of a score.
type ScoreComponent struct {
	Name   string  `json:"name"`
	Points float64 `json:"points"`
	Max    float64 `json:"max"`
	Note   string  `json:"note,omitempty"`
}

// Result is everything one lint run found.
type Result struct {
	Doc  *Document
	Text *Analysis
	// Diagnostics are sorted by position, with spans in Source bytes.
	Diagnostics []Diagnostic
	// Facts holds each analyzer's result by analyzer name.
	Facts map[string]any
	Score *Score
}

// RuleError is a rule or analyzer that failed or panicked. Other rules'
// diagnostics are still returned.
type RuleError struct {
	Rule  string
	Err   error
	Stack string // set when the rule panicked
}

func (e *RuleError) Error() string { return fmt.Sprintf("rule %s: %v", e.Rule, e.Err) }
func (e *RuleError) Unwrap() error { return e.Err }

// Linter runs a validated rule set with fixed settings. It is safe for
// concurrent use; build one per distinct configuration and reuse it.
type Linter struct {
	rules     []*boundRule
	analyzers []*boundAnalyzer // in dependency order
	tagger    *Tagger
	scorer    *Scorer
	extra     []*Rule         // added by WithRules
	known     map[string]bool // every rule ID, enabled or not: what suppressions may name
	unused    Severity        // of unused-suppression reports; 0 turns them off
}

type boundRule struct {
	rule     *Rule
	severity Severity
	options  map[string]any
}

type boundAnalyzer struct {
	a       *Analyzer
	options map[string]any
}

// LinterOption configures New.
type LinterOption func(*Linter)

// WithTagger makes the linter tag with t (for instance one with a memo).
func WithTagger(t *Tagger) LinterOption { return func(l *Linter) { l.tagger = t } }

// WithScorer attaches a scorer whose score lands in every Result.
func WithScorer(s *Scorer) LinterOption { return func(l *Linter) { l.scorer = s } }

// WithRules adds rules to the set New was given, such as a config file's
// custom rules, so a constructor with a fixed rule set can take more.
func WithRules(rules ...*Rule) LinterOption {
	return func(l *Linter) { l.extra = append(l.extra, rules...) }
}

// New validates rules, applies settings and returns a linter. Settings that
// name an unknown rule, a bad option or a wrong option type are errors.
func New(rules []*Rule, settings Settings, opts ...LinterOption) (*Linter, error) {
	l := &Linter{tagger: defaultTagger, unused: Hint}
	for _, o := range opts {
		o(l)
	}
	rules = append(slices.Clip(rules), l.extra...)
	if err := Validate(rules); err != nil {
		return nil, err
	}
	l.known = make(map[string]bool, len(rules))
	for _, r := range rules {
		l.known[r.ID] = true
	}
	known := map[string]bool{}
	var errs []error
	analyzers := analyzerOrder(rules, l.scorer)
	for _, a := range analyzers {
		known[a.Name] = true
		opts, err := bindOptions(a.Name, a.Options, settings.Rules[a.Name])
		errs = append(errs, err)
		l.analyzers = append(l.analyzers, &boundAnalyzer{a: a, options: opts})
	}
	for _, r := range rules {
		known[r.ID] = true
		s := settings.Rules[r.ID]
		opts, err := bindOptions(r.ID, r.Options, s)
		errs = append(errs, err)
		if s.Disabled {
			continue
		}
		sev := cmp.Or(s.Severity, r.Severity, Warning)
		l.rules = append(l.rules, &boundRule{rule: r, severity: sev, options: opts})
	}
	for id := range settings.Rules {
		if !known[id] {
			errs = append(errs, fmt.Errorf("unknown rule %q%s", id, DidYouMean(id, keys(known))))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return l, nil
}

// Rules returns the enabled rules with their effective severities.
func (l *Linter) Rules() []EnabledRule {
	out := make([]EnabledRule, len(l.rules))
	for i, r := range l.rules {
		out[i] = EnabledRule{Rule: r.rule, Severity: r.severity}
	}
	return out
}

// EnabledRule is a rule as a linter runs it.
type EnabledRule struct {
	Rule     *Rule
	Severity Severity
}

func bindOptions(owner string, decl []Option, s RuleSettings) (map[string]any, error) {
	opts := make(map[string]any, len(decl))
	for _, o := range decl {
		opts[o.Name] = o.Default
	}
	var errs []error
	for name, v := range s.Options {
		i := slices.IndexFunc(decl, func(o Option) bool { return o.Name == name })
		if i < 0 {
			names := map[string]bool{}
			for _, o := range decl {
				names[o.Name] = true
			}
			errs = append(errs, fmt.Errorf("%s: unknown option %q%s", owner, name, DidYouMean(name, keys(names))))
			continue
		}
		cv, err := decl[i].coerce(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", owner, err))
			continue
		}
		opts[name] = cv
	}
	return opts, errors.Join(errs...)
}

// Validate checks a rule set: every rule has an ID and Run, IDs and
// analyzer names are unique, and Requires has no cycles.
func Validate(rules []*Rule) error {
	var errs []error
	ids := map[string]bool{}
	for _, r := range rules {
		switch {
		case r == nil:
			errs = append(errs, errors.New("nil rule"))
			continue
		case r.ID == "":
			errs = append(errs, errors.New("a rule has no ID"))
		case ids[r.ID]:
			errs = append(errs, fmt.Errorf("duplicate rule ID %q", r.ID))
		case r.Run == nil:
			errs = append(errs, fmt.Errorf("rule %s has no Run", r.ID))
		}
		ids[r.ID] = true
		for _, o := range r.Options {
			switch o.Default.(type) {
			case bool, int, float64, string, []string:
			default:
				errs = append(errs, fmt.Errorf("rule %s: option %s has unsupported type %T", r.ID, o.Name, o.Default))
			}
		}
	}
	names := map[string]*Analyzer{}
	state := map[*Analyzer]int{} // 1 visiting, 2 done
	var visit func(a *Analyzer, path []string)
	visit = func(a *Analyzer, path []string) {
		switch state[a] {
		case 1:
			errs = append(errs, fmt.Errorf("cycle in Requires: %s", strings.Join(append(path, a.Name), " → ")))
			return
		case 2:
			return
		}
		if other, ok := names[a.Name]; ok && other != a {
			errs = append(errs, fmt.Errorf("two analyzers named %q", a.Name))
		}
		if ids[a.Name] {
			errs = append(errs, fmt.Errorf("analyzer %q has the same name as a rule", a.Name))
		}
		names[a.Name] = a
		if a.Run == nil {
			errs = append(errs, fmt.Errorf("analyzer %s has no Run", a.Name))
		}
		state[a] = 1
		for _, r := range a.Requires {
			visit(r, append(path, a.Name))
		}
		state[a] = 2
	}
	for _, r := range rules {
		if r == nil {
			continue
		}
		for _, a := range r.Requires {
			visit(a, []string{r.ID})
		}
	}
	return errors.Join(errs...)
}

// analyzerOrder lists every analyzer the rules and scorer need, each after
// the analyzers it requires.
func analyzerOrder(rules []*Rule, s *Scorer) []*Analyzer {
	var out []*Analyzer
	seen := map[*Analyzer]bool{}
	var visit func(a *Analyzer)
	visit = func(a *Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, r := range rules {
		for _, a := range r.Requires {
			visit(a)
		}
	}
	if s != nil {
		for _, a := range s.Requires {
			visit(a)
		}
	}
	return out
}

// Lint runs the enabled rules that apply to doc's kind. It returns the
// result even when some rules failed; the error then joins one *RuleError
// per failure. A cancelled context stops between rules and returns its error.
func (l *Linter) Lint(ctx context.Context, doc *Document) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Doc: doc, Text: Analyze(doc, l.tagger), Facts: map[string]any{}}
	var errs []error

	needed := map[*Analyzer]bool{}
	var need func(a *Analyzer)
	need = func(a *Analyzer) {
		if !needed[a] {
			needed[a] = true
			for _, r := range a.Requires {
				need(r)
			}
		}
	}
	for _, r := range l.rules {
		if r.rule.AppliesTo(doc.Kind) {
			for _, a := range r.rule.Requires {
				need(a)
			}
		}
	}
	if l.scorer != nil {
		for _, a := range l.scorer.Requires {
			need(a)
		}
	}

	results := map[*Analyzer]any{}
	failed := map[*Analyzer]bool{}
	for _, ba := range l.analyzers {
		if !needed[ba.a] {
			continue
		}
		if slices.ContainsFunc(ba.a.Requires, func(r *Analyzer) bool { return failed[r] }) {
			failed[ba.a] = true
			continue
		}
		pass := &Pass{Analyzer: ba.a, Doc: doc, Text: res.Text, options: ba.options, resultOf: results}
		var out any
		err := protect(ba.a.Name, func() error {
			var err error
			out, err = ba.a.Run(pass)
			return err
		})
		if err != nil {
			failed[ba.a] = true
			errs = append(errs, err)
			continue
		}
		results[ba.a] = out
		res.Facts[ba.a.Name] = out
	}

	// One pass serves every rule in turn: a pass per rule cost three
	// allocations a rule on every document.
	var diags []Diagnostic
	pass := &Pass{Doc: doc, Text: res.Text, resultOf: results, report: func(d Diagnostic) { diags = append(diags, d) }}
	for _, br := range l.rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := br.rule
		if !r.AppliesTo(doc.Kind) {
			continue
		}
		if slices.ContainsFunc(r.Requires, func(a *Analyzer) bool { return failed[a] }) {
			errs = append(errs, &RuleError{Rule: r.ID, Err: errors.New("skipped: a required analyzer failed")})
			continue
		}
		pass.Rule, pass.Severity, pass.options = r, br.severity, br.options
		if err := protect(r.ID, func() error { return r.Run(pass) }); err != nil {
			errs = append(errs, err)
		}
	}
	res.Diagnostics = l.suppress(doc, toSource(doc, diags))
	if l.scorer != nil && !slices.ContainsFunc(l.scorer.Requires, func(a *Analyzer) bool { return failed[a] }) {
		if err := protect("score", func() error { res.Score = l.scorer.Score(res); return nil }); err != nil {
			errs = append(errs, err)
		}
	}
	return res, errors.Join(errs...)
}

// protect runs f and turns a panic into a *RuleError naming the rule.
func protect(name string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &RuleError{Rule: name, Err: fmt.Errorf("panic: %v", p), Stack: string(debug.Stack())}
		}
	}()
	if err := f(); err != nil {
		return &RuleError{Rule: name, Err: err}
	}
	return nil
}

// toSource maps diagnostics from Text to Source offsets, drops fixes that
// cannot be written back, and sorts by position.
func toSource(doc *Document, diags []Diagnostic) []Diagnostic {
	for i := range diags {
		d := &diags[i]
		var exact bool
		d.Span, exact = doc.SourceSpan(d.Span)
		d.Approximate = d.Approximate || !exact
		// Fresh slices: a rule may share Related and Fixes between reports,
		// and mapping them in place would map them once per report.
		if d.Related != nil {
			related := make([]Related, len(d.Related))
			for j, r := range d.Related {
				r.Span, _ = doc.SourceSpan(r.Span)
				related[j] = r
			}
			d.Related = related
		}
		fixes := make([]Fix, 0, len(d.Fixes))
	fix:
		for _, f := range d.Fixes {
			edits := make([]TextEdit, 0, len(f.Edits))
			for _, e := range f.Edits {
				se, ok := doc.sourceEdit(e)
				if !ok {
					continue fix
				}
				edits = append(edits, se)
			}
			f.Edits = edits
			fixes = append(fixes, f)
		}
		d.Fixes = fixes
		if len(d.Fixes) == 0 {
			d.Fixes = nil
		}
	}
	sortDiagnostics(diags)
	return diags
}

// sortDiagnostics orders diagnostics by position, then rule.
func sortDiagnostics(diags []Diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Rule < b.Rule
	})
}

// keys lists a set's members.
func keys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	return out
}
