package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"unicode"
)

// placeholderPattern is a user-supplied merge-field pattern.
type placeholderPattern struct{ re *regexp.Regexp }

func compilePlaceholders(exprs []string) ([]placeholderPattern, error) {
	out := make([]placeholderPattern, 0, len(exprs))
	for _, e := range exprs {
		re, err := regexp.Compile(e)
		if err != nil {
			return nil, fmt.Errorf("placeholder pattern %q: %w", e, err)
		}
		out = append(out, placeholderPattern{re})
	}
	return out, nil
}

// findPlaceholders finds merge fields of the common template languages:
// Liquid/Handlebars ({{x}}, {% tag %}), single braces ({first_name}),
// brackets ([First Name]), %FIRSTNAME%, Mailchimp (*|FNAME|*), ${name} and
// Salesforce ({!Contact.FirstName}), plus extra patterns. It scans by
// hand: regular expressions over every email would cost more than the
// rest of the analysis together.
func findPlaceholders(text []byte, extra []placeholderPattern) []Placeholder {
	var out []Placeholder
	for i := 0; i < len(text); i++ {
		if !opensPlaceholder[text[i]] { // most bytes: skip the switch
			continue
		}
		var end int
		control := false
		switch text[i] {
		case '{':
			end, control = braceEnd(text, i)
		case '$':
			if i+1 < len(text) && text[i+1] == '{' {
				end = closeWithin(text, i+2, "}", 80)
			}
		case '[':
			end = bracketEnd(text, i)
		case '%':
			end = percentEnd(text, i)
		case '*':
			if i+1 < len(text) && text[i+1] == '|' {
				end = mergeTagEnd(text, i)
			}
		}
		if end > i {
			out = append(out, Placeholder{Span: Span{i, end}, Control: control})
			i = end - 1
		}
	}
	if len(extra) == 0 {
		return out
	}
	for _, p := range extra {
		for _, loc := range p.re.FindAllIndex(text, -1) {
			// A pattern may match white space around the field; the
			// tokenizer skips white space, so a placeholder must not hold any.
			m := text[loc[0]:loc[1]]
			start := loc[0] + len(m) - len(bytes.TrimLeftFunc(m, isSpaceRune))
			end := start + len(bytes.TrimRightFunc(text[start:loc[1]], isSpaceRune))
			if end > start {
				out = append(out, Placeholder{Span: Span{start, end}})
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Span.Start < out[b].Span.Start })
	merged := out[:0]
	for _, p := range out {
		if n := len(merged); n > 0 && p.Span.Start < merged[n-1].Span.End {
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// opensPlaceholder marks the bytes a built-in placeholder syntax starts with.
var opensPlaceholder = [256]bool{'{': true, '$': true, '[': true, '%': true, '*': true}

// closeWithin returns the offset just past the first closer found at or
// after from within limit bytes, on the same paragraph, or -1.
func closeWithin(text []byte, from int, closer string, limit int) int {
	window := text[from:min(len(text), from+limit)]
	j := bytes.Index(window, []byte(closer))
	if j < 0 || bytes.Contains(window[:j], []byte("\n\n")) {
		return -1
	}
	return from + j + len(closer)
}

// braceEnd handles {{x}}, {{{x}}}, {% tag %}, {!x} and {x}.
func braceEnd(text []byte, i int) (end int, control bool) {
	rest := text[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("{{{")):
		return closeWithin(text, i+3, "}}}", 200), false
	case bytes.HasPrefix(rest, []byte("{{")):
		end = closeWithin(text, i+2, "}}", 200)
		if end < 0 {
			return -1, false
		}
		inner := bytes.TrimSpace(text[i+2 : end-2])
		inner = bytes.TrimSpace(bytes.TrimPrefix(inner, []byte("~"))) // "{{~ else }}"
		control = len(inner) > 0 && (inner[0] == '#' || inner[0] == '/' || inner[0] == '^' || inner[0] == '!') ||
			bytes.Equal(inner, []byte("else")) || bytes.HasPrefix(inner, []byte("else "))
		return end, control
	case bytes.HasPrefix(rest, []byte("{%")):
		return closeWithin(text, i+2, "%}", 200), true
	case bytes.HasPrefix(rest, []byte("{!")):
		return closeWithin(text, i+2, "}", 80), false
	}
	end = closeWithin(text, i+1, "}", 48)
	if end < 0 || !fieldName(text[i+1:end-1], false) {
		return -1, false
	}
	return end, false
}

// bracketEnd accepts [First Name] and [your company] but not Markdown link
// text, footnotes ([1]) or checkboxes ([x]).
func bracketEnd(text []byte, i int) int {
	end := closeWithin(text, i+1, "]", 48)
	if end < 0 {
		return -1
	}
	if end < len(text) && (text[end] == '(' || text[end] == '[' || text[end] == ':') {
		return -1
	}
	if i > 0 && (text[i-1] == '!' || text[i-1] == ']') {
		return -1
	}
	inner := text[i+1 : end-1]
	if len(bytes.TrimSpace(inner)) < 2 || !fieldName(inner, true) {
		return -1
	}
	return end
}

// fieldName reports whether b looks like a merge-field name: it starts with
// a letter and holds letters, digits and _ . - (and spaces if allowed, up
// to five words).
func fieldName(b []byte, spaces bool) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || !isASCIILetter(b[0]) {
		return false
	}
	words := 1
	for i, c := range b {
		switch {
		case isASCIILetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-':
		case c == ' ' && spaces:
			if i > 0 && b[i-1] != ' ' {
				words++
			}
		default:
			return false
		}
	}
	return words <= 5
}

// percentEnd accepts %FIRSTNAME% and %first_name%, not "40% ... 50%".
func percentEnd(text []byte, i int) int {
	j := i + 1
	if j >= len(text) || !isASCIILetter(text[j]) {
		return -1
	}
	for j < len(text) && j-i < 48 && (isASCIILetter(text[j]) || isDigit(text[j]) || text[j] == '_' || text[j] == '.') {
		j++
	}
	if j >= len(text) || text[j] != '%' || j-i < 3 {
		return -1
	}
	return j + 1
}

// mergeTagEnd accepts Mailchimp's *|FNAME|* and *|MC:SUBJECT|*.
func mergeTagEnd(text []byte, i int) int {
	j := i + 2
	for j < len(text) && j-i < 48 && (isASCIILetter(text[j]) || isDigit(text[j]) || text[j] == '_' || text[j] == ':') {
		j++
	}
	if j == i+2 || j+1 >= len(text) || text[j] != '|' || text[j+1] != '*' {
		return -1
	}
	return j + 2
}

// isSpaceRune is the white space the tokenizer skips.
func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
