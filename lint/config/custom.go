package config

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
)

// customCommon are the keys every custom rule accepts.
var customCommon = []string{"id", "type", "message", "severity", "link", "kinds"}

// customKeys are the keys each type adds.
var customKeys = map[string][]string{
	"existence":    {"phrases", "patterns"},
	"substitution": {"swap", "safe"},
	"occurrence":   {"phrases", "patterns", "scope", "min", "max"},
	"ratio":        {"numerator", "denominator", "min", "max"},
	"precedence":   {"before", "after"},
	"required":     {"phrases", "patterns"},
}

// messageVars are the placeholders each type's message may use; %s is
// another spelling of {{match}}.
var messageVars = map[string][]string{
	"existence":    {"match"},
	"substitution": {"match", "replacement"},
	"occurrence":   {"match", "count", "min", "max"},
	"ratio":        {"match", "ratio", "min", "max"},
	"precedence":   {"match"},
	"required":     nil,
}

var messageVar = regexp.MustCompile(`%s|\{\{\s*([A-Za-z_]+)\s*\}\}`)

// render fills a message template; a match that spans a line break is
// shown on one line.
func render(tmpl string, vars map[string]string) string {
	return messageVar.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := "match"
		if m != "%s" {
			name = strings.TrimSpace(m[2 : len(m)-2])
		}
		return strings.Join(strings.Fields(vars[name]), " ")
	})
}

// buildCustom checks one custom rule (at path "custom[i]") and turns it
// into a lint rule; it returns nil when the rule has problems.
func buildCustom(d *decoder, path string, cr *customRule) *lint.Rule {
	before := len(d.errs)
	node := d.at[path].value
	has := func(key string) bool { _, ok := d.at[path+"."+key]; return ok }
	keyAt := func(key string) keyValue { return d.at[path+"."+key] }
	typ := string(cr.Type)
	switch {
	case !has("id"):
		d.errorf(node, "custom rule needs an id")
	case !has("type"):
		d.errorf(node, "custom rule %s needs a type (existence, substitution, occurrence, ratio, precedence or required)", cr.ID)
	}
	if len(d.errs) > before || cr.ID == "" || typ == "" {
		return nil // the id or type was missing or bad
	}
	for _, k := range fieldNames(fieldType) {
		if has(k) && !slices.Contains(customCommon, k) && !slices.Contains(customKeys[typ], k) {
			d.errorf(keyAt(k).key, "key %q does not apply to %s rules", k, typ)
		}
	}
	need := func(ok bool, what string) {
		if !ok {
			d.errorf(node, "%s rule %s needs %s", typ, cr.ID, what)
		}
	}
	switch typ {
	case "existence", "required":
		need(len(cr.Phrases)+len(cr.Patterns) > 0, "phrases or patterns")
	case "substitution":
		need(len(cr.Swap) > 0, "swap")
	case "occurrence":
		need(len(cr.Phrases)+len(cr.Patterns) > 0, "phrases or patterns")
		need(has("min") || has("max"), "min or max")
		for k, v := range map[string]float64{"min": cr.Min, "max": cr.Max} {
			if has(k) && (v < 0 || v != math.Trunc(v)) {
				d.errorf(keyAt(k).value, "%s: want a whole number of matches, got %s", k, describe(keyAt(k).value))
			}
		}
	case "ratio":
		need(!cr.Numerator.empty(), "numerator")
		need(!cr.Denominator.empty(), "denominator")
		need(has("min") || has("max"), "min or max")
		for k, v := range map[string]float64{"min": cr.Min, "max": cr.Max} {
			if has(k) && v < 0 {
				d.errorf(keyAt(k).value, "%s: want a ratio of 0 or more, got %s", k, describe(keyAt(k).value))
			}
		}
	case "precedence":
		need(!cr.Before.empty(), "before")
		need(!cr.After.empty(), "after")
	}
	if has("min") && has("max") && cr.Min > cr.Max {
		d.errorf(keyAt("min").value, "min (%s) is greater than max (%s)", num(cr.Min), num(cr.Max))
	}
	if has("message") {
		allowed := messageVars[typ]
		for _, m := range messageVar.FindAllStringSubmatch(string(cr.Message), -1) {
			name := cmp.Or(m[1], "match")
			if !slices.Contains(allowed, name) {
				have := "none"
				if len(allowed) > 0 {
					have = "{{" + strings.Join(allowed, "}}, {{") + "}}"
				}
				d.errorf(keyAt("message").value, "unknown placeholder %s in message (%s rules have %s)", m[0], typ, have)
			}
		}
	}
	if len(d.errs) > before {
		return nil
	}
	sev, _ := cr.Severity.severity()
	r := &lint.Rule{
		ID:       string(cr.ID),
		Summary:  fmt.Sprintf("Custom %s rule from %s", typ, filepath.Base(d.file)),
		Doc:      fmt.Sprintf("Defined in `%s`: %s", d.file, cmp.Or(string(cr.Message), "(default message)")),
		URL:      cr.Link,
		Severity: cmp.Or(sev, lint.Warning),
		Run:      customRun(cr, bounds{has("min"), has("max")}),
	}
	for _, k := range cr.Kinds {
		if !slices.Contains(r.Kinds, lint.Kind(k)) {
			r.Kinds = append(r.Kinds, lint.Kind(k))
		}
	}
	return r
}

var fieldType = reflect.TypeFor[customRule]()

// bounds says which of min and max a rule sets: 0 is a meaningful limit.
type bounds struct{ min, max bool }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// customRun returns the Run function of a checked custom rule.
func customRun(cr *customRule, set bounds) func(*lint.Pass) error {
	msg := func(def string) string { return cmp.Or(string(cr.Message), def) }
	switch cr.Type {
	case "existence":
		m := newMatcher(cr.Phrases, cr.Patterns)
		tmpl := msg(`Avoid "{{match}}".`)
		return func(p *lint.Pass) error {
			for _, x := range m.find(p.Doc) {
				p.Report(lint.Diagnostic{Span: x.span, Message: render(tmpl, map[string]string{"match": p.Doc.TextOf(x.span)})})
			}
			return nil
		}
	case "substitution":
		var phrases []phrase
		for _, s := range cr.Swap {
			phrases = append(phrases, s.from)
		}
		m := newMatcher(phrases, nil)
		tmpl := msg(`Use "{{replacement}}" instead of "{{match}}".`)
		return func(p *lint.Pass) error {
			for _, x := range m.find(p.Doc) {
				text := p.Doc.TextOf(x.span)
				repl := matchCase(cr.Swap[x.alt].to, text)
				edit := lint.TextEdit{Span: x.span, NewText: repl}
				title := fmt.Sprintf("Replace with %q", repl)
				if repl == "" {
					title = fmt.Sprintf("Remove %q", text)
					if x.span.End < len(p.Doc.Text) && p.Doc.Text[x.span.End] == ' ' {
						edit.Span.End++ // do not leave a double space
					}
				}
				p.Report(lint.Diagnostic{
					Span:    x.span,
					Message: render(tmpl, map[string]string{"match": text, "replacement": repl}),
					Fixes:   []lint.Fix{{Title: title, Safe: cr.Safe, Edits: []lint.TextEdit{edit}}},
				})
			}
			return nil
		}
	case "occurrence":
		m := newMatcher(cr.Phrases, cr.Patterns)
		tooMany := msg(`"{{match}}" appears {{count}} times; keep it to {{max}}.`)
		tooFew := msg(fmt.Sprintf("Use %s at least {{min}} times (found {{count}}).", m.desc))
		check := func(p *lint.Pass, found []found, at lint.Span) {
			vars := map[string]string{"count": strconv.Itoa(len(found)), "min": num(cr.Min), "max": num(cr.Max)}
			if set.max && len(found) > int(cr.Max) {
				x := found[int(cr.Max)]
				vars["match"] = p.Doc.TextOf(x.span)
				p.Report(lint.Diagnostic{Span: x.span, Message: render(tooMany, vars)})
			}
			if set.min && len(found) < int(cr.Min) {
				p.Report(lint.Diagnostic{Span: at, Message: render(tooFew, vars)})
			}
		}
		return func(p *lint.Pass) error {
			all := m.find(p.Doc)
			if cr.Scope != "sentence" {
				check(p, all, bodyStart(p.Doc))
				return nil
			}
			for _, s := range p.Text.Sentences {
				var in []found
				for _, x := range all {
					if x.span.Start >= s.Span.Start && x.span.Start < s.Span.End {
						in = append(in, x)
					}
				}
				check(p, in, s.Span)
			}
			return nil
		}
	case "ratio":
		num0, den := newMatcher(cr.Numerator.Phrases, cr.Numerator.Patterns), newMatcher(cr.Denominator.Phrases, cr.Denominator.Patterns)
		low := msg(fmt.Sprintf("The ratio of %s to %s is {{ratio}}; keep it at {{min}} or more.", num0.desc, den.desc))
		high := msg(fmt.Sprintf("The ratio of %s to %s is {{ratio}}; keep it at {{max}} or less.", num0.desc, den.desc))
		return func(p *lint.Pass) error {
			a, b := num0.find(p.Doc), den.find(p.Doc)
			if len(a) == 0 && len(b) == 0 {
				return nil
			}
			ratio, shown := math.Inf(1), "∞"
			if len(b) > 0 {
				ratio = float64(len(a)) / float64(len(b))
				shown = strconv.FormatFloat(ratio, 'f', 2, 64)
			}
			vars := map[string]string{"ratio": shown, "min": num(cr.Min), "max": num(cr.Max)}
			report := func(tmpl string, at []found) {
				span := bodyStart(p.Doc)
				if len(at) > 0 {
					span = at[0].span
					vars["match"] = p.Doc.TextOf(span)
				}
				p.Report(lint.Diagnostic{Span: span, Message: render(tmpl, vars)})
			}
			switch {
			case set.min && ratio < cr.Min: // too little of the numerator: point at what outweighs it
				report(low, b)
			case set.max && ratio > cr.Max:
				report(high, a)
			}
			return nil
		}
	case "precedence":
		first, then := newMatcher(cr.Before.Phrases, cr.Before.Patterns), newMatcher(cr.After.Phrases, cr.After.Patterns)
		tmpl := msg(fmt.Sprintf(`"{{match}}" comes before any %s.`, first.desc))
		return func(p *lint.Pass) error {
			b := then.find(p.Doc)
			if len(b) == 0 {
				return nil
			}
			a := first.find(p.Doc)
			if len(a) > 0 && a[0].span.Start < b[0].span.Start {
				return nil
			}
			d := lint.Diagnostic{Span: b[0].span, Message: render(tmpl, map[string]string{"match": p.Doc.TextOf(b[0].span)})}
			if len(a) > 0 {
				d.Related = []lint.Related{{Span: a[0].span, Message: fmt.Sprintf("the first %q comes only here", p.Doc.TextOf(a[0].span))}}
			}
			p.Report(d)
			return nil
		}
	}
	// required
	m := newMatcher(cr.Phrases, cr.Patterns)
	tmpl := msg(fmt.Sprintf("Include %s.", m.oneOf()))
	return func(p *lint.Pass) error {
		if len(m.find(p.Doc)) == 0 {
			p.Report(lint.Diagnostic{Span: bodyStart(p.Doc), Message: render(tmpl, nil)})
		}
		return nil
	}
}

// bodyStart is an empty span where the body begins, for findings about
// the whole message.
func bodyStart(doc *lint.Document) lint.Span {
	if len(doc.Blocks) == 0 {
		return lint.Span{}
	}
	return lint.Span{Start: doc.Blocks[0].Start, End: doc.Blocks[0].Start}
}

// matchCase makes a replacement follow the case of the text it replaces.
func matchCase(repl, matched string) string {
	if repl == "" {
		return repl
	}
	if utf8.RuneCountInString(matched) > 1 && strings.ToUpper(matched) == matched && strings.ToLower(matched) != matched {
		return strings.ToUpper(repl)
	}
	if r, _ := utf8.DecodeRuneInString(matched); unicode.IsUpper(r) {
		f, size := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(f)) + repl[size:]
	}
	return repl
}

// matcher finds phrases and patterns in a document's Text: case-insensitive,
// as whole words, inside one block, outside placeholders. Masked text is
// spaces in Text, so a match never reaches into a signature or a quote.
type matcher struct {
	res   []*regexp.Regexp
	names []string
	desc  string // how default messages name it: "synergy", "circle back"
}

// found is a match and which phrase or pattern (in declaration order) made it.
type found struct {
	span lint.Span
	alt  int
}

// wordEnd keeps a match that ends in a letter or digit from stopping
// inside a word ("ask" in "asked"); it is checked inside the expression so
// a shorter alternative still gets its chance.
const wordEnd = `(?:[^\p{L}\p{N}_]|$)`

func newMatcher(phrases []phrase, patterns []pattern) *matcher {
	m := &matcher{}
	for _, p := range phrases {
		words := strings.Fields(string(p))
		for i, w := range words {
			words[i] = strings.NewReplacer("'", "['’]", "’", "['’]").Replace(regexp.QuoteMeta(w))
		}
		expr := `(?i)(` + strings.Join(words, `\s+`) + `)`
		if r, _ := utf8.DecodeLastRuneInString(string(p)); isWordRune(r) {
			expr += wordEnd
		}
		m.res = append(m.res, regexp.MustCompile(expr))
		m.names = append(m.names, strconv.Quote(string(p)))
	}
	for _, p := range patterns {
		// Checked when decoded: a valid expression stays valid in a group.
		m.res = append(m.res, regexp.MustCompile(`(?i)(`+string(p)+`)`+wordEnd))
		m.names = append(m.names, "/"+string(p)+"/")
	}
	m.desc = strings.Join(m.names[:min(3, len(m.names))], ", ")
	if len(m.names) > 3 {
		m.desc += ", …"
	}
	return m
}

// oneOf names the alternatives for a "must contain" message.
func (m *matcher) oneOf() string {
	if len(m.names) == 1 {
		return m.names[0]
	}
	return "one of " + m.desc
}

// find returns the matches in Text order, longest first where two start
// together, without overlaps.
func (m *matcher) find(doc *lint.Document) []found {
	var out []found
	for i, re := range m.res {
		for _, loc := range re.FindAllStringSubmatchIndex(doc.Text, -1) {
			s := lint.Span{Start: loc[2], End: loc[3]}
			if s.End > s.Start && wordStart(doc.Text, s.Start) && inOneBlock(doc, s) && !inPlaceholder(doc, s) {
				out = append(out, found{s, i})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].span.Start != out[j].span.Start {
			return out[i].span.Start < out[j].span.Start
		}
		return out[i].span.End > out[j].span.End
	})
	kept := out[:0]
	for _, f := range out {
		if n := len(kept); n == 0 || f.span.Start >= kept[n-1].span.End {
			kept = append(kept, f)
		}
	}
	return kept
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// wordStart reports whether a match at s does not begin inside a word.
func wordStart(text string, s int) bool {
	first, _ := utf8.DecodeRuneInString(text[s:])
	prev, _ := utf8.DecodeLastRuneInString(text[:s])
	return s == 0 || !isWordRune(first) || !isWordRune(prev)
}

func inOneBlock(doc *lint.Document, s lint.Span) bool {
	i := sort.Search(len(doc.Blocks), func(i int) bool { return doc.Blocks[i].End > s.Start })
	return i < len(doc.Blocks) && doc.Blocks[i].Start <= s.Start && s.End <= doc.Blocks[i].End
}

func inPlaceholder(doc *lint.Document, s lint.Span) bool {
	for _, p := range doc.Placeholders {
		if p.Span.Overlaps(s) {
			return true
		}
	}
	return false
}
