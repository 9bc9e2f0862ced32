package cli

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/givefirst/givefirst/lint"
)

// textReporter is the default, human format:
//
//	path:line:col: severity rule-id: message
//	  12 | the source line
//	     |     ^^^^^
//
// then a summary. Columns count characters (code points), as editors'
// "go to line:column" do.
type textReporter struct {
	color bool
	fix   bool // --fix ran: say what it changed
}

// ANSI styles, used only when colour is on.
const (
	styleReset = "\x1b[0m"
	styleBold  = "\x1b[1m"
	styleDim   = "\x1b[2m"
)

var severityStyle = [...]string{
	lint.Hint:    "\x1b[36m",
	lint.Info:    "\x1b[34m",
	lint.Warning: "\x1b[33m",
	lint.Error:   "\x1b[1;31m",
}

func (t *textReporter) style(style, s string) string {
	if !t.color || style == "" {
		return s
	}
	return style + s + styleReset
}

func (t *textReporter) sevStyle(s lint.Severity) string {
	if s >= lint.Hint && s <= lint.Error {
		return severityStyle[s]
	}
	return ""
}

func (t *textReporter) begin(io.Writer) error { return nil }
func (t *textReporter) sep() string           { return "" }

func (t *textReporter) file(buf *bytes.Buffer, f *fileReport) {
	if f.err != nil {
		return // errors go to stderr
	}
	doc := f.res.Doc
	for _, d := range f.res.Diagnostics {
		p := doc.Position(d.Span.Start)
		msg := d.Message
		if d.Approximate {
			msg += " (position approximate)"
		}
		fmt.Fprintf(buf, "%s:%d:%d: %s %s: %s\n", t.style(styleBold, f.path), p.Line+1, p.RuneColumn+1,
			t.style(t.sevStyle(d.Severity), d.Severity.String()), t.style(styleDim, d.Rule), msg)
		t.snippet(buf, doc, d.Span, t.sevStyle(d.Severity))
		for _, r := range d.Related {
			rp := doc.Position(r.Span.Start)
			fmt.Fprintf(buf, "  %s %s:%d:%d: %s\n", t.style(styleDim, "note:"), f.path, rp.Line+1, rp.RuneColumn+1, r.Message)
		}
	}
}

// Snippet layout.
const (
	tabWidth = 4
	// A line longer than this many bytes is cut to a window around the
	// span, so a one-line megabyte file prints in linear time.
	maxSnippetBytes = 240
	snippetBefore   = 80
)

// snippet prints the source line holding span.Start and underlines the
// span on it (to the end of the line if the span goes on). Tabs become
// spaces to the next stop and wide characters take two columns, so the
// carets land under the right characters.
func (t *textReporter) snippet(buf *bytes.Buffer, doc *lint.Document, span lint.Span, style string) {
	lines := doc.Lines()
	p := doc.Position(span.Start)
	ls := lines.LineSpan(p.Line)
	src := doc.Source
	start := max(ls.Start, min(span.Start, ls.End))
	end := max(start, min(span.End, ls.End))
	from, to := ls.Start, ls.End
	if to-from > maxSnippetBytes {
		from = runeStart(src, max(ls.Start, start-snippetBefore), ls.Start)
		to = runeStart(src, min(ls.End, from+maxSnippetBytes), ls.Start)
	}

	var line strings.Builder
	line.Grow(to - from + 2*len("…"))
	col, caretFrom, caretTo := 0, -1, -1
	if from > ls.Start {
		line.WriteString("…")
		col++
	}
	state := -1
	for off, rest := from, string(src[from:to]); rest != ""; {
		if caretFrom < 0 && off >= start {
			caretFrom = col
		}
		if caretTo < 0 && off >= end {
			caretTo = col
		}
		var cluster string
		var width int
		if c := rest[0]; c >= 0x20 && c < 0x7f && (len(rest) == 1 || rest[1] < utf8.RuneSelf) {
			// A printable ASCII character before another ASCII one is a
			// cluster of its own, one column wide: skip segmentation.
			cluster, rest, width, state = rest[:1], rest[1:], 1, -1
		} else {
			cluster, rest, width, state = uniseg.FirstGraphemeClusterInString(rest, state)
		}
		off += len(cluster)
		switch r, _ := utf8.DecodeRuneInString(cluster); {
		case r == '\t':
			width = tabWidth - col%tabWidth
			line.WriteString(strings.Repeat(" ", width))
		case r < 0x20 || r == 0x7f || r == utf8.RuneError && len(cluster) == 1:
			width = 1 // control characters and stray bytes would upset the terminal
			line.WriteByte(' ')
		default:
			line.WriteString(cluster)
		}
		col += width
	}
	if caretFrom < 0 {
		caretFrom = col
	}
	if caretTo < 0 {
		caretTo = col
	}
	if to < ls.End {
		line.WriteString("…")
	}
	num := strconv.Itoa(p.Line + 1)
	gutter := strings.Repeat(" ", len(num))
	fmt.Fprintf(buf, "  %s %s %s\n", t.style(styleDim, num), t.style(styleDim, "|"), strings.TrimRight(line.String(), " "))
	carets := strings.Repeat("^", max(1, caretTo-caretFrom))
	fmt.Fprintf(buf, "  %s %s %s%s\n", gutter, t.style(styleDim, "|"), strings.Repeat(" ", caretFrom), t.style(style, carets))
}

// runeStart moves off back to the start of the character it falls in,
// not before floor.
func runeStart(b []byte, off, floor int) int {
	for off > floor && off < len(b) && !utf8.RuneStart(b[off]) {
		off--
	}
	return off
}

func (t *textReporter) end(w io.Writer, s *summary) error {
	var b strings.Builder
	checked := plural(s.files, "file", "files")
	switch n := s.problems(); {
	case s.files == 0 && s.failed == 0:
		b.WriteString("No files to check.\n")
	case s.files == 0:
	case n == 0:
		fmt.Fprintf(&b, "No problems in %s.\n", checked)
	default:
		var parts []string
		for sev := lint.Error; sev >= lint.Hint; sev-- {
			if c := s.counts[sev]; c > 0 {
				name := sev.String()
				if c > 1 && sev != lint.Info {
					name += "s"
				}
				parts = append(parts, t.style(t.sevStyle(sev), fmt.Sprintf("%d %s", c, name)))
			}
		}
		fmt.Fprintf(&b, "\n%s (%s) in %s.\n", t.style(styleBold, plural(n, "problem", "problems")), strings.Join(parts, ", "), checked)
	}
	switch {
	case t.fix && s.fixed > 0:
		fmt.Fprintf(&b, "Fixed %s.\n", plural(s.fixed, "file", "files"))
	case !t.fix && s.fixable > 0:
		fmt.Fprintf(&b, "%s can be fixed with --fix.\n", plural(s.fixable, "problem", "problems"))
	}
	if s.scored > 0 {
		fmt.Fprintf(&b, "Mean score %.1f/100 over %s. Lowest:\n", s.meanScore(), plural(s.scored, "file", "files"))
		width := 0
		for _, f := range s.worst {
			width = max(width, utf8.RuneCountInString(f.band))
		}
		for _, f := range s.worst {
			fmt.Fprintf(&b, "  %3d  %-*s  %s\n", f.value, width, f.band, f.path)
		}
	}
	if s.failed > 0 {
		fmt.Fprintf(&b, "%s could not be checked (see the errors above).\n", plural(s.failed, "file", "files"))
	}
	if s.partial > 0 {
		fmt.Fprintf(&b, "%s checked with errors (see the errors above).\n", plural(s.partial, "file was", "files were"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
