package lint

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"
)

// mdParser is shared: goldmark parsers keep no per-document state.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// adaptMarkdown reads CommonMark with GFM tables and strikethrough. The
// text keeps the source's length: prose is what Text nodes (and link
// text) cover; everything else is masked, code as code, block quotes as
// quoted replies and the rest as markup. Merge fields the parser took
// apart (*|FNAME|* reads as emphasis) keep their bytes.
func adaptMarkdown(text []byte, extra []placeholderPattern) (*adapted, error) {
	lines := lineSpans(text)
	if err := checkNesting(text, lines); err != nil {
		return nil, err
	}
	w := mdWalker{text: text}
	root := mdParser.Parse(gmtext.NewReader(text))
	_ = ast.Walk(root, w.visit)
	// The walk meets nodes in source order; sorting only guards the odd
	// extension that does not.
	if !sort.SliceIsSorted(w.spans, w.less) {
		sort.SliceStable(w.spans, w.less)
	}

	keep := proseOverlapping(findPlaceholders(text, extra), w.spans)
	var masks []Mask
	pos := 0
	for _, c := range w.spans {
		if c.Span.Start > pos {
			masks = w.markupGaps(masks, Span{pos, c.Span.Start}, &keep)
		}
		if c.Reason != "" {
			masks = append(masks, c)
		}
		pos = max(pos, c.Span.End)
	}
	masks = w.markupGaps(masks, Span{pos, len(text)}, &keep)
	return &adapted{text: text, masks: masks, breaks: w.breaks, lines: lines}, nil
}

// Nesting limits for Markdown. The parser's time grows with the square of
// the nesting (a line of 200,000 ">" took 17 s, 100,000 unclosed links
// 30 s), so a file past them is refused with a reason rather than left to
// stall a run or an editor. Real templates stay far below.
const (
	maxMarkdownDepth    = 32   // block quotes or list markers opening one line
	maxMarkdownIndent   = 256  // columns of indentation (a list nested ~100 deep)
	maxMarkdownBrackets = 1000 // "[" in one paragraph
)

// checkNesting refuses Markdown nested past the limits, naming the line.
func checkNesting(text []byte, lines []Span) error {
	brackets, paraStart := 0, -1
	for _, l := range lines {
		line := text[l.Start:l.End]
		if isBlank(line) {
			brackets, paraStart = 0, -1
			continue
		}
		if paraStart < 0 {
			paraStart = l.Start
		}
		depth, indent, i := 0, 0, 0
	prefix:
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ':
				indent++
			case c == '\t':
				indent += 4 - indent%4
			case c == '>':
				depth++
			case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
				depth++
			default:
				break prefix
			}
			i++
		}
		switch {
		case depth > maxMarkdownDepth:
			return &offsetError{l.Start, fmt.Errorf("%w: %d block quotes or list items open on one line (the limit is %d)", ErrTooComplex, depth, maxMarkdownDepth)}
		case indent > maxMarkdownIndent:
			return &offsetError{l.Start, fmt.Errorf("%w: indented %d columns (the limit is %d)", ErrTooComplex, indent, maxMarkdownIndent)}
		}
		if brackets += bytes.Count(line, []byte("[")); brackets > maxMarkdownBrackets {
			return &offsetError{paraStart, fmt.Errorf("%w: more than %d \"[\" in one paragraph", ErrTooComplex, maxMarkdownBrackets)}
		}
	}
	return nil
}

// mdWalker collects what the Markdown tree says about each byte.
type mdWalker struct {
	text []byte
	// spans are the bytes the tree accounts for, in order: prose (no
	// reason), code and quoted replies. What lies between is markup.
	spans  []Mask
	breaks []int
}

func (w *mdWalker) less(i, j int) bool { return w.spans[i].Span.Start < w.spans[j].Span.Start }

func (w *mdWalker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.Type() == ast.TypeBlock && n.Kind() != ast.KindDocument {
		if p := n.Pos(); p >= 0 && p <= len(w.text) {
			w.breaks = append(w.breaks, p)
		}
	}
	switch n := n.(type) {
	case *ast.Text:
		w.addProse(n.Segment.Start, n.Segment.Stop)
	case *ast.AutoLink:
		// The URL is what the reader sees; only the angle brackets are markup.
		label := n.Label(w.text)
		if p := n.Pos(); p >= 0 && p+1+len(label) <= len(w.text) && bytes.Equal(w.text[p+1:p+1+len(label)], label) {
			w.spans = append(w.spans, Mask{Span: Span{p + 1, p + 1 + len(label)}})
		}
		return ast.WalkSkipChildren, nil
	case *ast.CodeSpan:
		if s, ok := w.extent(n); ok {
			w.spans = append(w.spans, Mask{s, MaskCode})
		}
		return ast.WalkSkipChildren, nil
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if s, ok := w.extent(n); ok {
			w.spans = append(w.spans, Mask{s, MaskCode})
		}
		return ast.WalkSkipChildren, nil
	case *ast.Blockquote:
		if s, ok := w.extent(n); ok {
			if p := n.Pos(); p >= 0 {
				s.Start = min(s.Start, p)
			}
			s.Start = bytes.LastIndexByte(w.text[:s.Start], '\n') + 1
			for s.End < len(w.text) && w.text[s.End] != '\n' && w.text[s.End] != '\r' {
				s.End++
			}
			w.spans = append(w.spans, Mask{s, MaskQuote})
		}
		return ast.WalkSkipChildren, nil
	case *ast.Image, *ast.HTMLBlock, *ast.RawHTML:
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// addProse records a Text segment, leaving out the backslash of each
// escape ("\*"), which the reader never sees.
func (w *mdWalker) addProse(start, stop int) {
	start, stop = max(0, start), min(len(w.text), stop)
	for from := start; from < stop; {
		j := bytes.IndexByte(w.text[from:stop], '\\')
		if j < 0 {
			break
		}
		i := from + j
		from = i + 1
		if i+1 < stop && isASCIIPunct(w.text[i+1]) {
			if i > start {
				w.spans = append(w.spans, Mask{Span: Span{start, i}})
			}
			start, from = i+1, i+2 // an escaped backslash shows itself
		}
	}
	if stop > start {
		w.spans = append(w.spans, Mask{Span: Span{start, stop}})
	}
}

// extent returns the bytes from the first to the last line or text segment
// under n.
func (w *mdWalker) extent(n ast.Node) (Span, bool) {
	s := Span{len(w.text), 0}
	grow := func(start, stop int) {
		s.Start, s.End = min(s.Start, start), max(s.End, stop)
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			grow(t.Segment.Start, t.Segment.Stop)
		} else if c.Type() == ast.TypeBlock {
			if l := c.Lines(); l.Len() > 0 {
				grow(l.At(0).Start, l.At(l.Len()-1).Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	s.Start, s.End = max(0, s.Start), min(len(w.text), s.End)
	for s.End > s.Start && (w.text[s.End-1] == '\n' || w.text[s.End-1] == '\r') {
		s.End--
	}
	return s, s.Start < s.End
}

// markupGaps masks the non-blank runs of gap line by line, so newlines and
// indentation stay unmasked, except bytes of the placeholders in keep.
func (w *mdWalker) markupGaps(masks []Mask, gap Span, keep *[]Span) []Mask {
	for start := gap.Start; start < gap.End; {
		end := start
		for end < gap.End && w.text[end] != '\n' && w.text[end] != '\r' {
			end++
		}
		s, e := start, end
		for s < e && isSpaceByte(w.text[s]) {
			s++
		}
		for e > s && isSpaceByte(w.text[e-1]) {
			e--
		}
		if s < e {
			masks = subtractSpans(masks, Span{s, e}, keep)
		}
		start = end + 1
	}
	return masks
}

// subtractSpans appends m minus the spans of keep, which are sorted; keep
// is advanced past spans that end before m, as m only moves forward.
func subtractSpans(masks []Mask, m Span, keep *[]Span) []Mask {
	k := *keep
	for len(k) > 0 && k[0].End <= m.Start {
		k = k[1:]
	}
	*keep = k
	for _, p := range k {
		if p.Start >= m.End {
			break
		}
		if p.Start > m.Start {
			masks = append(masks, Mask{Span{m.Start, p.Start}, MaskMarkup})
		}
		m.Start = max(m.Start, p.End)
	}
	if m.Start < m.End {
		masks = append(masks, Mask{m, MaskMarkup})
	}
	return masks
}

// proseOverlapping returns the spans of the placeholders that share a byte
// with prose (both in order): a merge field in a link target stays masked.
func proseOverlapping(phs []Placeholder, spans []Mask) []Span {
	var out []Span
	j := 0
	for _, p := range phs {
		for j < len(spans) && spans[j].Span.End <= p.Span.Start {
			j++
		}
		for k := j; k < len(spans) && spans[k].Span.Start < p.Span.End; k++ {
			if spans[k].Reason == "" && spans[k].Span.Overlaps(p.Span) {
				out = append(out, p.Span)
				break
			}
		}
	}
	return out
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
