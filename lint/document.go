package lint

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"
)

// Format is the markup a document is written in.
type Format string

// Supported formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatEmail    Format = "eml"
)

// Kind is the sort of outreach message; some rules apply to one kind only.
type Kind string

// Message kinds.
const (
	KindEmail     Kind = "email"
	KindFollowup  Kind = "followup"
	KindVoicemail Kind = "voicemail"
)

// Kinds lists every kind, in the order they are documented.
var Kinds = []Kind{KindEmail, KindFollowup, KindVoicemail}

// ParseKind validates a kind name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == strings.ToLower(strings.TrimSpace(s)) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q (want email, followup or voicemail)", s)
}

// Meta holds what a document says about itself: the subject and the
// cadence fields from YAML front matter, a leading "Subject:" line or the
// headers of an .eml file.
type Meta struct {
	Subject     string            `json:"subject,omitempty"`
	HasSubject  bool              `json:"has_subject"`
	SubjectSpan Span              `json:"subject_span"` // in source bytes; empty when the subject came from front matter
	Step        int               `json:"step,omitempty"`
	Sequence    string            `json:"sequence,omitempty"`
	Stage       string            `json:"stage,omitempty"`
	Mode        string            `json:"mode,omitempty"`
	InReplyTo   string            `json:"in_reply_to,omitempty"` // the .eml In-Reply-To header
	Fields      map[string]string `json:"fields,omitempty"`      // every scalar front-matter field, as written
}

// Mask is a region of the analysed text that is not prose the reader reads.
type Mask struct {
	Span   Span   `json:"span"`
	Reason string `json:"reason"`
}

// Mask reasons.
const (
	MaskFrontMatter = "front-matter"
	MaskSubject     = "subject"
	MaskGreeting    = "greeting"
	MaskSignature   = "signature"
	MaskQuote       = "quote"
	MaskFooter      = "footer"
	MaskMarkup      = "markup"
	MaskCode        = "code"
)

// Placeholder is a template merge field such as {{first_name}}.
type Placeholder struct {
	Span Span `json:"span"`
	// Control is true for template logic ({% if %}, {{#each}}) that the
	// reader never sees; other placeholders read as one neutral noun.
	Control bool `json:"control"`
}

// Document is one outreach message ready for analysis. Every span a rule
// sees indexes Text; Document maps it back to Source for reporting.
type Document struct {
	Path   string
	Source []byte
	Format Format
	Kind   Kind
	Meta   Meta

	// Text is the prose a reader reads: the body with everything else
	// (front matter, greeting, signature, quoted replies, footers, markup)
	// blanked to spaces, newlines kept. For text and Markdown it has the
	// same length as Source, so offsets agree; HTML and .eml bodies are
	// decoded and mapped back through an offset map.
	Text string
	// Blocks are the paragraphs and list items of Text, trimmed; a
	// sentence never crosses a block.
	Blocks       []Span
	Masks        []Mask
	Placeholders []Placeholder
	// Directives are the inline suppression comments, in source order.
	Directives []Directive

	maps    []*offsetMap // Text → … → Source, applied in order; empty means identity
	escape  func(string) string
	encoded bool // the body went through a transfer encoding: fixes cannot be written back
	// lower is Text with ASCII lower-cased: Parse makes it anyway to find
	// footers, and token Norms slice it.
	lower string

	linesOnce sync.Once
	lines     *LineIndex
}

// ParseOptions adjust how a document is read.
type ParseOptions struct {
	// Format forces a format instead of guessing it from the path and content.
	Format Format
	// Kind forces a kind, as a config file's kinds: globs do; it wins over
	// front matter and file names.
	Kind Kind
	// Placeholders are extra merge-field patterns (regular expressions).
	Placeholders []string
	// MaxBytes rejects larger inputs; 0 means DefaultMaxBytes.
	MaxBytes int
}

// DefaultMaxBytes is the largest document Parse accepts unless told otherwise.
const DefaultMaxBytes = 32 << 20

// Errors Parse wraps, so callers can tell bad input apart with errors.Is.
var (
	ErrBinary      = errors.New("binary file (contains NUL bytes)")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("file too large")
	// ErrTooComplex is Markdown nested so deeply that parsing it would
	// take seconds or minutes.
	ErrTooComplex = errors.New("too deeply nested to check as Markdown")
)

// ParseError is an input problem with the location it was found at.
type ParseError struct {
	Path string
	Line int // 1-based; 0 when the problem has no location
	Col  int // 1-based byte column
	Err  error
}

func (e *ParseError) Error() string {
	loc := e.Path
	if loc == "" {
		loc = "<input>"
	}
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", loc, e.Line, e.Col)
	}
	return loc + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Parse reads one document. path chooses the format (by extension) and may
// choose the kind (*.vm.txt, *.voicemail.*); it need not exist on disk.
// src is never modified. Bad input (NUL bytes, invalid UTF-8, a broken
// front matter block, too many bytes) returns a *ParseError.
func Parse(path string, src []byte, opts ParseOptions) (*Document, error) {
	perr := func(offset int, err error) error {
		pe := &ParseError{Path: path, Err: err}
		if offset >= 0 {
			p := NewLineIndex(src).Position(offset)
			pe.Line, pe.Col = p.Line+1, p.Column+1
		}
		return pe
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(src) > limit {
		return nil, perr(-1, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(src), limit))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, perr(-1, ErrBinary)
	}
	format := opts.Format
	if format == "" {
		format = DetectFormat(path, src)
	}
	if format != FormatEmail { // .eml bodies may use other charsets; they are checked once decoded
		if i := invalidUTF8(src); i >= 0 {
			return nil, perr(i, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, i))
		}
	}
	extra, err := compilePlaceholders(opts.Placeholders)
	if err != nil {
		return nil, perr(-1, err)
	}

	doc := &Document{Path: path, Source: src, Format: format, Kind: KindEmail}
	var ad *adapted
	switch format {
	case FormatEmail:
		ad, err = adaptEmail(src, extra)
	default:
		ad, err = adaptWithFrontMatter(src, format, extra)
	}
	if err != nil {
		var at *offsetError
		if errors.As(err, &at) {
			return nil, perr(at.offset, at.err)
		}
		return nil, perr(-1, err)
	}
	doc.Meta = ad.meta
	doc.maps = ad.maps
	doc.escape = ad.escape
	doc.encoded = ad.encoded

	if err := doc.resolveKind(ad.kind, opts.Kind); err != nil {
		return nil, perr(ad.kindOffset, err)
	}
	doc.finish(ad, extra)
	doc.Directives = doc.findDirectives()
	return doc, nil
}

// invalidUTF8 returns the offset of the first invalid byte, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// DetectFormat guesses a format from the file extension, then the content.
func DetectFormat(path string, src []byte) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".eml":
		return FormatEmail
	case ".txt", ".text":
		return FormatText
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(src, bom), " \t\r\n")
	lower := bytes.ToLower(head[:min(len(head), 64)])
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return FormatHTML
	case looksLikeHeaders(head):
		return FormatEmail
	}
	return FormatText
}

var bom = []byte("\xef\xbb\xbf")

// resolveKind applies, strongest first: the caller's choice, front matter,
// the file name, then the cadence step.
func (d *Document) resolveKind(fromMatter string, forced Kind) error {
	switch {
	case forced != "":
		d.Kind = forced
	case fromMatter != "":
		k, err := ParseKind(fromMatter)
		if err != nil {
			return fmt.Errorf("front matter: kind: %w", err)
		}
		d.Kind = k
	case KindFromPath(d.Path) != "":
		d.Kind = KindFromPath(d.Path)
	case d.Meta.Step > 1 || d.Meta.InReplyTo != "":
		d.Kind = KindFollowup
	}
	return nil
}

// KindFromPath returns the kind a file name implies, or "".
func KindFromPath(path string) Kind {
	base := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(base, ".vm.txt") || strings.Contains(base, ".voicemail.") || strings.HasSuffix(base, ".voicemail") {
		return KindVoicemail
	}
	return ""
}

// adapted is what a format adapter hands to the shared prose pass.
type adapted struct {
	text       []byte       // derived text; the prose pass blanks masks in place
	maps       []*offsetMap // derived text → source; nil means identity
	masks      []Mask       // regions already known not to be prose
	breaks     []int        // offsets where a new block must start
	lines      []Span       // the lines of text, when the adapter split it already
	meta       Meta
	kind       string // kind: from front matter
	kindOffset int
	escape     func(string) string
	encoded    bool
}

// offsetError carries a source offset with an adapter error.
type offsetError struct {
	offset int
	err    error
}

func (e *offsetError) Error() string { return e.err.Error() }
func (e *offsetError) Unwrap() error { return e.err }

// finish runs the steps shared by every format: prose masks,
// placeholders, blanking and block splitting.
func (d *Document) finish(ad *adapted, extra []placeholderPattern) {
	text := ad.text
	ad.masks = append(ad.masks, directiveMasks(text, ad.masks)...)
	for _, m := range ad.masks {
		blank(text, m.Span)
	}
	hadSubject := d.Meta.HasSubject
	lower := asciiLowerBytes(text)
	lines := ad.lines // masking keeps every line break, so these serve to the end
	if lines == nil {
		lines = lineSpans(text)
	}
	masks := proseMasks(text, lower, lines, &d.Meta, d.Kind == KindVoicemail)
	if d.Meta.HasSubject && !hadSubject {
		d.Meta.SubjectSpan, _ = d.SourceSpan(d.Meta.SubjectSpan)
	}
	phs := findPlaceholders(text, extra)
	kept := phs[:0]
	for _, p := range phs {
		// A placeholder in a masked region (a signature's {{sender}}) is not prose.
		if !overlapsProse(p.Span, masks) {
			kept = append(kept, p)
		}
	}
	d.Placeholders = kept
	for _, m := range masks {
		blank(text, m.Span)
		blank(lower, m.Span)
	}
	d.Masks = append(ad.masks, masks...)
	d.Text, d.lower = string(text), string(lower)
	d.Blocks = splitBlocks(d.Text, lines, ad.breaks)
	d.Placeholders = insideBlocks(d.Placeholders, d.Blocks)
}

// insideBlocks keeps the placeholders that lie inside one block. One that
// spans a blank line or a list break ("{{a\n- b}}") is no merge field, and
// as a token it would cross into the next block.
func insideBlocks(phs []Placeholder, blocks []Span) []Placeholder {
	kept := phs[:0]
	b := 0
	for _, p := range phs {
		for b < len(blocks) && blocks[b].End <= p.Span.Start {
			b++
		}
		if b < len(blocks) && blocks[b].Start <= p.Span.Start && p.Span.End <= blocks[b].End {
			kept = append(kept, p)
		}
	}
	return kept
}

// overlapsProse reports whether s overlaps one of the prose masks.
func overlapsProse(s Span, masks []Mask) bool {
	for _, m := range masks {
		if m.Span.Overlaps(s) {
			return true
		}
	}
	return false
}

// blank replaces the bytes of s with spaces, keeping line breaks so line
// numbers and paragraph structure survive.
func blank(text []byte, s Span) {
	s.Start, s.End = max(0, s.Start), min(len(text), s.End)
	for i := s.Start; i < s.End; i++ {
		if text[i] != '\n' && text[i] != '\r' {
			text[i] = ' '
		}
	}
}

// Lines returns the line index of the source, built on first use.
func (d *Document) Lines() *LineIndex {
	d.linesOnce.Do(func() { d.lines = NewLineIndex(d.Source) })
	return d.lines
}

// SourceSpan maps a span of Text to a span of Source. exact is false when
// the span lies in a part that cannot be mapped byte for byte (inside an
// HTML entity or an encoded .eml part); the span then covers the nearest
// enclosing source bytes, or sits at the start of an opaque part.
func (d *Document) SourceSpan(s Span) (span Span, exact bool) {
	exact = true
	for _, m := range d.maps {
		var ok bool
		s, ok = m.mapSpan(s)
		exact = exact && ok
	}
	return s, exact
}

// Position converts a source byte offset into a position.
func (d *Document) Position(offset int) Position { return d.Lines().Position(offset) }

// Range converts both ends of a span of Source into positions.
func (d *Document) Range(s Span) (start, end Position) { return d.Lines().Range(s) }

// TextOf returns the analysed text under s.
func (d *Document) TextOf(s Span) string {
	s.Start, s.End = max(0, s.Start), min(len(d.Text), s.End)
	if s.End < s.Start {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// Masked reports whether offset of Text lies in a masked region.
func (d *Document) Masked(offset int) (Mask, bool) {
	for _, m := range d.Masks {
		if m.Span.Contains(offset) {
			return m, true
		}
	}
	return Mask{}, false
}

// sourceEdit turns a text-space edit into a source edit, or reports that
// it cannot be written back safely.
func (d *Document) sourceEdit(e TextEdit) (TextEdit, bool) {
	if d.encoded {
		return e, false
	}
	span, exact := d.SourceSpan(e.Span)
	if !exact && span.Len() == 0 {
		return e, false
	}
	text := e.NewText
	if d.escape != nil {
		text = d.escape(text)
	}
	return TextEdit{Span: span, NewText: text}, true
}
