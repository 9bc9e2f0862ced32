package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Inline suppressions are HTML comments in every format:
//
//	<!-- givefirst-disable pushy-pressure -->   … <!-- givefirst-enable -->
//	<!-- givefirst-disable-next-line pushy-pressure, i-heavy -->
//	Act now! <!-- givefirst-disable-line -->
//
// One syntax everywhere, because "<!--" never occurs in email prose, so a
// plain-text directive cannot be mistaken for (or hide) a sentence; Markdown
// and HTML already hide it from readers; and an editor quick fix can insert
// the same text whatever the file's format. In plain text and .eml parts the
// comment is masked, so rules never read it.

// SuppressAction is what a suppression directive does.
type SuppressAction string

// Suppression actions, as written after "givefirst-".
const (
	SuppressDisable  SuppressAction = "disable"           // from here until a matching enable
	SuppressEnable   SuppressAction = "enable"            // closes disables
	SuppressLine     SuppressAction = "disable-line"      // the line the comment is on
	SuppressNextLine SuppressAction = "disable-next-line" // the line after the comment
)

var suppressActions = []SuppressAction{SuppressDisable, SuppressEnable, SuppressLine, SuppressNextLine}

// UnusedSuppression is the rule ID of the hints about directives that
// suppress nothing, name an unknown rule or are misspelt.
const UnusedSuppression = "unused-suppression"

// Directive is one suppression comment in a document's source.
type Directive struct {
	Span Span `json:"span"` // the whole comment, in Source bytes
	// Action is "" when the word after "givefirst-" is not an action;
	// Keyword then holds it for the hint.
	Action  SuppressAction `json:"action"`
	Keyword string         `json:"keyword"` // "givefirst-disable-line", as written
	Rules   []RuleRef      `json:"rules,omitempty"`
}

// RuleRef is a rule ID named by a directive; no IDs means every rule.
type RuleRef struct {
	ID   string `json:"id"`
	Span Span   `json:"span"` // in Source bytes
}

const directivePrefix = "givefirst-"

// scanDirectives returns the spans of every "<!-- givefirst-… -->" comment in b.
func scanDirectives(b []byte) []Span {
	var out []Span
	for i := 0; i < len(b); {
		open := bytes.Index(b[i:], []byte("<!--"))
		if open < 0 {
			break
		}
		open += i
		end := bytes.Index(b[open+4:], []byte("-->"))
		if end < 0 {
			break
		}
		end += open + 4 + 3
		body := bytes.TrimLeft(b[open+4:end-3], " \t\r\n")
		if len(body) >= len(directivePrefix) && bytes.EqualFold(body[:len(directivePrefix)], []byte(directivePrefix)) {
			out = append(out, Span{open, end})
		}
		i = end
	}
	return out
}

// directiveMasks masks the directives in derived text that the format
// adapter has not already masked, so rules never read them as prose.
func directiveMasks(text []byte, have []Mask) []Mask {
	var out []Mask
	for _, s := range scanDirectives(text) {
		if !slices.ContainsFunc(have, func(m Mask) bool { return m.Span.Overlaps(s) }) {
			out = append(out, Mask{s, MaskMarkup})
		}
	}
	return out
}

// findDirectives parses the suppression comments of the source. Comments
// inside code (a Markdown code span showing the syntax) are not directives;
// that is knowable only when Text and Source share offsets.
func (d *Document) findDirectives() []Directive {
	var out []Directive
	for _, s := range scanDirectives(d.Source) {
		if len(d.maps) == 0 && slices.ContainsFunc(d.Masks, func(m Mask) bool { return m.Reason == MaskCode && m.Span.Contains(s.Start) }) {
			continue
		}
		out = append(out, parseDirective(d.Source, s))
	}
	return out
}

// parseDirective reads "givefirst-<action> id, id id" from the comment at s.
func parseDirective(src []byte, s Span) Directive {
	d := Directive{Span: s}
	i, end := s.Start+4, s.End-3
	for i < end && isSpaceByte(src[i]) {
		i++
	}
	k := i
	for k < end && !isSpaceByte(src[k]) && src[k] != ',' {
		k++
	}
	d.Keyword = string(src[i:k])
	action := SuppressAction(strings.ToLower(d.Keyword[len(directivePrefix):]))
	if slices.Contains(suppressActions, action) {
		d.Action = action
	}
	for k < end {
		for k < end && (isSpaceByte(src[k]) || src[k] == ',') {
			k++
		}
		j := k
		for j < end && !isSpaceByte(src[j]) && src[j] != ',' {
			j++
		}
		if j > k {
			d.Rules = append(d.Rules, RuleRef{ID: string(src[k:j]), Span: Span{k, j}})
		}
		k = j
	}
	return d
}

// WithUnusedSuppressions sets the severity of unused-suppression reports;
// 0 turns them off. They are hints unless told otherwise.
func WithUnusedSuppressions(s Severity) LinterOption { return func(l *Linter) { l.unused = s } }

// scope is what one rule reference of one directive silences.
type scope struct {
	dir    *Directive
	ref    *RuleRef // nil: every rule
	block  bool     // [from, to) in source bytes; otherwise lines [line0, line1]
	from   int
	to     int
	line0  int
	line1  int
	used   bool
	closed bool
}

func (s *scope) covers(d *Diagnostic, line int) bool {
	if s.ref != nil && s.ref.ID != d.Rule {
		return false
	}
	if s.block {
		return d.Span.Start >= s.from && d.Span.Start < s.to
	}
	return line >= s.line0 && line <= s.line1
}

// suppress drops the diagnostics (already in source bytes) that doc's
// directives silence, and reports the directives that silence nothing,
// name unknown rules, close nothing or are misspelt.
func (l *Linter) suppress(doc *Document, diags []Diagnostic) []Diagnostic {
	if len(doc.Directives) == 0 {
		return diags
	}
	lines := doc.Lines()
	var hints []Diagnostic
	hint := func(s Span, format string, args ...any) {
		hints = append(hints, Diagnostic{Rule: UnusedSuppression, Severity: l.unused, Span: s, Message: fmt.Sprintf(format, args...)})
	}
	var scopes []*scope
	var open []*scope
	for i := range doc.Directives {
		dir := &doc.Directives[i]
		if dir.Action == "" {
			names := map[string]bool{}
			for _, a := range suppressActions {
				names[directivePrefix+string(a)] = true
			}
			hint(dir.Span, "unknown directive %q%s", dir.Keyword, DidYouMean(dir.Keyword, keys(names)))
			continue
		}
		refs := make([]*RuleRef, 0, len(dir.Rules))
		for j := range dir.Rules {
			r := &dir.Rules[j]
			if l.known[r.ID] {
				refs = append(refs, r)
			} else {
				hint(r.Span, "unknown rule %q in %s%s", r.ID, dir.Keyword, DidYouMean(r.ID, keys(l.known)))
			}
		}
		if len(dir.Rules) == 0 {
			refs = append(refs, nil)
		} else if len(refs) == 0 {
			continue // every ID was unknown: already reported
		}
		first := lines.Position(dir.Span.Start).Line
		last := lines.Position(dir.Span.End).Line
		switch dir.Action {
		case SuppressEnable:
			for _, r := range refs {
				closed := false
				for _, s := range open {
					if !s.closed && (r == nil || (s.ref != nil && s.ref.ID == r.ID)) {
						s.to, s.closed, closed = dir.Span.Start, true, true
					}
				}
				switch {
				case closed:
				case r == nil:
					hint(dir.Span, "%s closes nothing: no givefirst-disable is open", dir.Keyword)
				default:
					hint(r.Span, "%s closes nothing: no givefirst-disable of %s is open", dir.Keyword, r.ID)
				}
			}
		default:
			for _, r := range refs {
				s := &scope{dir: dir, ref: r, line0: first, line1: last}
				switch dir.Action {
				case SuppressDisable:
					s.block, s.from, s.to = true, dir.Span.End, len(doc.Source)
					open = append(open, s)
				case SuppressNextLine:
					s.line0, s.line1 = last+1, last+1
				}
				scopes = append(scopes, s)
			}
		}
	}

	kept := diags[:0]
	for _, d := range diags {
		line := lines.Position(d.Span.Start).Line
		silenced := false
		for _, s := range scopes {
			if s.covers(&d, line) {
				s.used, silenced = true, true
			}
		}
		if !silenced {
			kept = append(kept, d)
		}
	}

	ran := map[string]bool{}
	for _, r := range l.rules {
		ran[r.rule.ID] = r.rule.AppliesTo(doc.Kind)
	}
	// A rule that is off or does not apply to this kind may fire under
	// another configuration, so a suppression of it is not called unused.
	for _, s := range scopes {
		switch {
		case s.used:
		case s.ref == nil:
			hint(s.dir.Span, "unused %s: nothing is reported here to suppress", s.dir.Keyword)
		case ran[s.ref.ID]:
			hint(s.ref.Span, "unused %s: no %s diagnostic here to suppress", s.dir.Keyword, s.ref.ID)
		}
	}
	if l.unused == 0 || len(hints) == 0 {
		return kept
	}
	kept = append(kept, hints...)
	sortDiagnostics(kept)
	return kept
}
