package lint

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity ranks a diagnostic. The zero value means "not set".
type Severity int

// Severities, weakest first, named as LSP names them.
const (
	Hint Severity = iota + 1
	Info
	Warning
	Error
)

var severityNames = [...]string{"", "hint", "info", "warning", "error"}

func (s Severity) String() string {
	if s < Hint || s > Error {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "hint", "info", "warning" or "error" (and
// "suggestion" and "warn" as aliases other linters use).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "hint", "suggestion":
		return Hint, nil
	case "info", "information":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want hint, info, warning or error)", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Rule is one check. It is a plain value: build it once, share it freely.
// Run reads the analysed document and reports; it never parses, prints or
// knows who shows its diagnostics.
type Rule struct {
	ID       string      // kebab-case, stable: users name it in configs
	Summary  string      // one line, shown in rule lists
	Doc      string      // Markdown: why it matters, a bad and a good example
	URL      string      // where the full doc lives
	Severity Severity    // default severity
	Kinds    []Kind      // the kinds it applies to; nil means all
	Options  []Option    // typed options with defaults
	Requires []*Analyzer // shared pre-passes whose results Run reads
	Run      func(*Pass) error
}

// AppliesTo reports whether the rule checks documents of kind k.
func (r *Rule) AppliesTo(k Kind) bool {
	if len(r.Kinds) == 0 {
		return true
	}
	for _, x := range r.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Analyzer is a shared pre-pass, such as the give/ask ledger: it computes
// a result that rules (and other analyzers) read through Pass.ResultOf. It
// reports nothing itself.
type Analyzer struct {
	Name     string
	Doc      string
	Options  []Option
	Requires []*Analyzer
	Run      func(*Pass) (any, error)
}

// Option declares one typed setting. Default fixes the type: bool, int,
// float64, string or []string.
type Option struct {
	Name    string
	Doc     string
	Default any
}

// TypeName names the option's type as a config file spells it.
func (o Option) TypeName() string {
	switch o.Default.(type) {
	case bool:
		return "boolean"
	case int:
		return "integer"
	case float64:
		return "number"
	case string:
		return "string"
	case []string:
		return "list of strings"
	}
	return fmt.Sprintf("%T", o.Default)
}

// coerce converts a configured value to the option's type. Config files
// decode numbers loosely, so whole floats become ints and ints become floats.
func (o Option) coerce(v any) (any, error) {
	bad := func() (any, error) {
		got, _ := json.Marshal(v)
		return nil, fmt.Errorf("option %s: want %s, got %s", o.Name, o.TypeName(), got)
	}
	switch o.Default.(type) {
	case bool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case int:
		switch n := v.(type) {
		case int:
			return n, nil
		case int64:
			return int(n), nil
		case uint64:
			return int(n), nil
		case float64:
			if n == float64(int(n)) {
				return int(n), nil
			}
		}
	case float64:
		switch n := v.(type) {
		case float64:
			return n, nil
		case int:
			return float64(n), nil
		case int64:
			return float64(n), nil
		case uint64:
			return float64(n), nil
		}
	case string:
		if s, ok := v.(string); ok {
			return s, nil
		}
	case []string:
		switch l := v.(type) {
		case []string:
			return l, nil
		case []any:
			out := make([]string, 0, len(l))
			for _, x := range l {
				s, ok := x.(string)
				if !ok {
					return bad()
				}
				out = append(out, s)
			}
			return out, nil
		}
	}
	return bad()
}

// TextEdit replaces the bytes of Span with NewText.
type TextEdit struct {
	Span    Span   `json:"span"`
	NewText string `json:"new_text"`
}

// Fix is a suggested change. Safe fixes only remove or reword filler and
// can be applied without review (givefirst lint --fix); the rest are
// offered in editors.
type Fix struct {
	Title string     `json:"title"`
	Safe  bool       `json:"safe"`
	Edits []TextEdit `json:"edits"`
}

// Related points at a second span that explains a diagnostic.
type Related struct {
	Span    Span   `json:"span"`
	Message string `json:"message"`
}

// Diagnostic is one finding. Rules report spans of Document.Text; the
// Result holds them mapped onto Document.Source.
type Diagnostic struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
	Span     Span      `json:"span"`
	Related  []Related `json:"related,omitempty"`
	Fixes    []Fix     `json:"fixes,omitempty"`
	// Approximate is set when the span could not be mapped byte for byte
	// to the source, such as text inside a base64-encoded .eml part.
	Approximate bool `json:"approximate,omitempty"`
}

// Pass is what a rule or analyzer sees while it runs on one document. It
// is valid only during that Run call: the linter reuses it for the next
// rule, so a rule must not keep it.
type Pass struct {
	Rule     *Rule     // nil when an analyzer runs
	Analyzer *Analyzer // nil when a rule runs
	Doc      *Document
	Text     *Analysis
	// Severity is the rule's effective severity after settings.
	Severity Severity

	options  map[string]any
	resultOf map[*Analyzer]any
	report   func(Diagnostic)
}

// ResultOf returns the result of a required analyzer.
func (p *Pass) ResultOf(a *Analyzer) any { return p.resultOf[a] }

// Report records a diagnostic. Rule and Severity are filled in when left
// empty.
func (p *Pass) Report(d Diagnostic) {
	if p.report == nil {
		return
	}
	if d.Rule == "" && p.Rule != nil {
		d.Rule = p.Rule.ID
	}
	if d.Severity == 0 {
		d.Severity = p.Severity
	}
	p.report(d)
}

// Reportf reports a diagnostic at span with a formatted message.
func (p *Pass) Reportf(span Span, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

func (p *Pass) option(name string) any {
	if v, ok := p.options[name]; ok {
		return v
	}
	panic(fmt.Sprintf("lint: %s reads undeclared option %q", p.name(), name))
}

func (p *Pass) name() string {
	if p.Rule != nil {
		return p.Rule.ID
	}
	if p.Analyzer != nil {
		return p.Analyzer.Name
	}
	return "?"
}

// Bool returns a declared boolean option.
func (p *Pass) Bool(name string) bool { return p.option(name).(bool) }

// Int returns a declared integer option.
func (p *Pass) Int(name string) int { return p.option(name).(int) }

// Float returns a declared number option.
func (p *Pass) Float(name string) float64 { return p.option(name).(float64) }

// String returns a declared string option.
func (p *Pass) String(name string) string { return p.option(name).(string) }

// Strings returns a declared list option.
func (p *Pass) Strings(name string) []string { return p.option(name).([]string) }
