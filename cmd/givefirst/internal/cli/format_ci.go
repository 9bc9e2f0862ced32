package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/givefirst/givefirst/lint"
)

// githubReporter writes GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
//
//	::warning file=a.txt,line=3,col=1,endLine=3,endColumn=9,title=rule-id::message
//
// Columns count characters, as the annotations show them.
type githubReporter struct{}

var (
	// Workflow command data escapes only what would end the command.
	githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	// Properties also escape their separators.
	githubProp = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

func (githubReporter) begin(io.Writer) error { return nil }
func (githubReporter) sep() string           { return "" }
func (githubReporter) end(io.Writer, *summary) error {
	return nil
}

func (githubReporter) file(buf *bytes.Buffer, f *fileReport) {
	if f.err != nil {
		fmt.Fprintf(buf, "::error file=%s,title=givefirst::%s\n", githubProp.Replace(f.path),
			githubData.Replace("could not be checked: "+errorMessage(f.path, f.err)))
		return
	}
	for _, d := range f.res.Diagnostics {
		l := locate(f.res.Doc, d.Span)
		fmt.Fprintf(buf, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubLevel(d.Severity), githubProp.Replace(f.path), l.startLine, l.startCol, l.endLine, l.endCol,
			githubProp.Replace(d.Rule), githubData.Replace(d.Message))
	}
}

// rdjsonReporter writes the Reviewdog Diagnostic Format as one JSON
// document (rdjson), for "reviewdog -f=rdjson". Its columns count UTF-8
// bytes, 1-based, with an exclusive end.
type rdjsonReporter struct {
	rules *ruleIndex
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Warning:
		return "WARNING"
	}
	return "INFO"
}

func rdRangeOf(doc *lint.Document, s lint.Span) rdRange {
	l := locate(doc, s)
	return rdRange{rdPosition{l.startLine, l.startByte}, rdPosition{l.endLine, l.endByte}}
}

func (r *rdjsonReporter) begin(w io.Writer) error {
	_, err := fmt.Fprintf(w, "{\"source\":{\"name\":\"givefirst\",\"url\":%q},\"diagnostics\":[\n", projectURI)
	return err
}

func (r *rdjsonReporter) sep() string { return ",\n" }

func (r *rdjsonReporter) file(buf *bytes.Buffer, f *fileReport) {
	if f.err != nil {
		return // rdjson has no place for it; it is on stderr
	}
	doc := f.res.Doc
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	for i, d := range f.res.Diagnostics {
		rd := rdDiagnostic{
			Message:  d.Message,
			Location: rdLocation{Path: f.path, Range: rdRangeOf(doc, d.Span)},
			Severity: rdSeverity(d.Severity),
			Code:     rdCode{Value: d.Rule, URL: r.rules.url(d.Rule)},
		}
		// Suggestions are applied together, so only one fix can be offered:
		// the first safe one, else the first.
		if fx, ok := preferredFix(d.Fixes); ok {
			for _, e := range fx.Edits {
				rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: rdRangeOf(doc, e.Span), Text: e.NewText})
			}
		}
		if i > 0 {
			buf.WriteString(",\n")
		}
		enc.Encode(rd) // plain strings and ints: cannot fail
		buf.Truncate(buf.Len() - 1)
	}
}

func (r *rdjsonReporter) end(w io.Writer, _ *summary) error {
	_, err := io.WriteString(w, "\n]}\n")
	return err
}

func preferredFix(fixes []lint.Fix) (lint.Fix, bool) {
	for _, f := range fixes {
		if f.Safe {
			return f, true
		}
	}
	if len(fixes) > 0 {
		return fixes[0], true
	}
	return lint.Fix{}, false
}

// checkstyleReporter writes Checkstyle XML, which many CI servers and
// review tools import. Every checked file gets a <file> element; a file
// that could not be checked gets one error from source "givefirst".
type checkstyleReporter struct{}

func (checkstyleReporter) begin(w io.Writer) error {
	_, err := io.WriteString(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
	return err
}

func (checkstyleReporter) sep() string { return "" }

func (checkstyleReporter) end(w io.Writer, _ *summary) error {
	_, err := io.WriteString(w, "</checkstyle>\n")
	return err
}

func checkstyleSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "info"
}

func (checkstyleReporter) file(buf *bytes.Buffer, f *fileReport) {
	name := xmlAttr(f.path)
	switch {
	case f.err != nil:
		fmt.Fprintf(buf, "  <file name=\"%s\">\n    <error line=\"1\" severity=\"error\" message=\"%s\" source=\"givefirst\"/>\n  </file>\n",
			name, xmlAttr("could not be checked: "+errorMessage(f.path, f.err)))
	case len(f.res.Diagnostics) == 0:
		fmt.Fprintf(buf, "  <file name=\"%s\"/>\n", name)
	default:
		fmt.Fprintf(buf, "  <file name=\"%s\">\n", name)
		for _, d := range f.res.Diagnostics {
			l := locate(f.res.Doc, d.Span)
			fmt.Fprintf(buf, "    <error line=\"%d\" column=\"%d\" severity=\"%s\" message=\"%s\" source=\"givefirst.%s\"/>\n",
				l.startLine, l.startCol, checkstyleSeverity(d.Severity), xmlAttr(d.Message), xmlAttr(d.Rule))
		}
		buf.WriteString("  </file>\n")
	}
}

// xmlAttr escapes s for a double-quoted attribute; characters XML cannot
// hold become U+FFFD.
func xmlAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder: cannot fail
	return b.String()
}

// diffReporter prints, for --diff, a unified diff of what --fix would
// write, in the form "git apply" and "patch -p1" take.
type diffReporter struct{}

func (diffReporter) begin(io.Writer) error         { return nil }
func (diffReporter) sep() string                   { return "" }
func (diffReporter) end(io.Writer, *summary) error { return nil }

func (diffReporter) file(buf *bytes.Buffer, f *fileReport) {
	if f.err != nil || f.original == nil {
		return
	}
	name := strings.TrimPrefix(f.path, "./")
	d := difflib.UnifiedDiff{
		A:        diffLines(f.original),
		B:        diffLines(f.res.Doc.Source),
		FromFile: "a/" + name,
		ToFile:   "b/" + name,
		Context:  3,
	}
	difflib.WriteUnifiedDiff(buf, d) // writes to a bytes.Buffer: cannot fail
}

// diffLines splits text into lines that keep their terminators. A last
// line without one carries git's marker, so the patch applies exactly;
// difflib's own splitter would invent a final newline instead.
func diffLines(text []byte) []string {
	lines := strings.SplitAfter(string(text), "\n")
	last := len(lines) - 1
	if lines[last] == "" {
		return lines[:last]
	}
	lines[last] += "\n\\ No newline at end of file\n"
	return lines
}
