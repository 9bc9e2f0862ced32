package lint

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// header is one header field of a message or a MIME part.
type header struct {
	name  []byte
	value Span // the raw value in the source: folds included, leading white space not
}

// mimeLeaf is a MIME part that is not itself multipart.
type mimeLeaf struct {
	headers   []header
	body      Span
	mediaType string
	params    map[string]string
}

// maxMultipartDepth bounds nesting, so a hostile message cannot exhaust the stack.
const maxMultipartDepth = 16

// adaptEmail reads an RFC 5322 message: the Subject and In-Reply-To
// headers fill Meta, and the text/plain part (else text/markdown, else
// text/html) is decoded from its transfer encoding and charset and handed
// to the matching adapter. The part's offset map goes last, so spans map
// from the rendered text through the decoded part back to the message.
func adaptEmail(src []byte, extra []placeholderPattern) (*adapted, error) {
	start := messageStart(src)
	headers, bodyStart, err := parseHeaders(src, start, len(src))
	if err != nil {
		return nil, err
	}
	if len(headers) == 0 {
		return nil, &offsetError{start, errors.New("no header fields: not an email message")}
	}
	var meta Meta
	if h, ok := findHeader(headers, "Subject"); ok {
		meta.Subject, meta.HasSubject, meta.SubjectSpan = decodeSubject(src, h.value), true, h.value
	}
	if h, ok := findHeader(headers, "In-Reply-To"); ok {
		meta.InReplyTo = strings.TrimSpace(string(unfold(src[h.value.Start:h.value.End])))
	}

	var leaves []mimeLeaf
	if err := collectLeaves(src, headers, Span{bodyStart, len(src)}, 0, &leaves); err != nil {
		return nil, err
	}
	leaf, ok := pickLeaf(leaves)
	if !ok {
		return nil, errors.New("no text/plain or text/html part to lint")
	}
	ad, err := adaptLeaf(src, leaf, extra)
	if err != nil {
		return nil, err
	}
	ad.meta = meta
	return ad, nil
}

// messageStart skips a byte order mark, leading blank lines and an mbox
// "From " line.
func messageStart(src []byte) int {
	i := 0
	if bytes.HasPrefix(src, bom) {
		i = len(bom)
	}
	for i < len(src) && isSpaceByte(src[i]) {
		i++
	}
	if bytes.HasPrefix(src[i:], []byte("From ")) {
		if nl := bytes.IndexByte(src[i:], '\n'); nl >= 0 {
			i += nl + 1
		} else {
			i = len(src)
		}
	}
	return i
}

// parseHeaders reads header fields from src[start:end] up to the blank
// line that ends them, and returns where the body starts.
func parseHeaders(src []byte, start, end int) ([]header, int, error) {
	var hs []header
	for ls := start; ls < end; {
		le, next := lineEnd(src, ls, end)
		line := src[ls:le]
		switch {
		case len(line) == 0:
			return hs, next, nil
		case line[0] == ' ' || line[0] == '\t':
			if len(hs) == 0 {
				return nil, 0, &offsetError{ls, errors.New("header section starts with a continued line")}
			}
			h := &hs[len(hs)-1]
			if h.value.Start == h.value.End { // the value starts on a continuation line
				h.value.Start = ls + len(line) - len(bytes.TrimLeft(line, " \t"))
			}
			h.value.End = max(h.value.Start, ls+len(bytes.TrimRight(line, " \t")))
		default:
			name, ok := headerName(line)
			if !ok {
				return nil, 0, &offsetError{ls, fmt.Errorf("malformed header line %q: want Name: value", clip(line, 40))}
			}
			v := ls + bytes.IndexByte(line, ':') + 1
			for v < le && (src[v] == ' ' || src[v] == '\t') {
				v++
			}
			hs = append(hs, header{name: name, value: Span{v, max(v, ls+len(bytes.TrimRight(line, " \t")))}})
		}
		ls = next
	}
	return hs, end, nil
}

// lineEnd returns where the line starting at ls ends (before "\r\n" or
// "\n") and where the next one starts, within end.
func lineEnd(src []byte, ls, end int) (le, next int) {
	nl := bytes.IndexByte(src[ls:end], '\n')
	if nl < 0 {
		return end, end
	}
	le, next = ls+nl, ls+nl+1
	if le > ls && src[le-1] == '\r' {
		le--
	}
	return le, next
}

// headerName returns the name of a "Name: value" line: printable ASCII
// without a colon, white space allowed only before the colon.
func headerName(line []byte) ([]byte, bool) {
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 {
		return nil, false
	}
	name := bytes.TrimRight(line[:colon], " \t")
	if len(name) == 0 {
		return nil, false
	}
	for _, c := range name {
		if c <= ' ' || c > '~' {
			return nil, false
		}
	}
	return name, true
}

func clip(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

func findHeader(hs []header, name string) (header, bool) {
	for _, h := range hs {
		if strings.EqualFold(string(h.name), name) {
			return h, true
		}
	}
	return header{}, false
}

// headerValue returns the unfolded value of the named header, or "".
func headerValue(src []byte, hs []header, name string) string {
	if h, ok := findHeader(hs, name); ok {
		return string(unfold(src[h.value.Start:h.value.End]))
	}
	return ""
}

// unfold removes the line breaks of folded header lines (RFC 5322 §2.2.3).
func unfold(v []byte) []byte {
	if bytes.IndexByte(v, '\n') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return v
	}
	out := make([]byte, 0, len(v))
	for _, c := range v {
		if c != '\r' && c != '\n' {
			out = append(out, c)
		}
	}
	return out
}

// wordDecoder decodes RFC 2047 encoded words; the standard library knows
// UTF-8, ISO-8859-1 and US-ASCII, charsetReader adds Windows-1252.
var wordDecoder = &mime.WordDecoder{CharsetReader: func(charset string, r io.Reader) (io.Reader, error) {
	if cm := latin1Charmap(charset); cm != nil {
		return cm.NewDecoder().Reader(r), nil
	}
	return nil, fmt.Errorf("unsupported charset %q", charset)
}}

// decodeSubject decodes RFC 2047 words in the subject; a subject that does
// not decode is kept as written. Raw 8-bit bytes that are not UTF-8 are
// read as Windows-1252, the usual culprit.
func decodeSubject(src []byte, v Span) string {
	b := unfold(src[v.Start:v.End])
	if !utf8.Valid(b) {
		b, _ = charmap.Windows1252.NewDecoder().Bytes(b)
	}
	raw := string(b)
	s, err := wordDecoder.DecodeHeader(raw)
	if err != nil {
		s = raw
	}
	return strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD")
}

// contentType parses a part's Content-Type; a part without one is US-ASCII
// text/plain (RFC 2045 §5.2).
func contentType(src []byte, hs []header) (string, map[string]string, error) {
	h, ok := findHeader(hs, "Content-Type")
	if !ok {
		return "text/plain", nil, nil
	}
	mt, params, err := mime.ParseMediaType(string(unfold(src[h.value.Start:h.value.End])))
	if mt == "" {
		return "", nil, &offsetError{h.value.Start, fmt.Errorf("Content-Type: %v", err)}
	}
	return mt, params, nil // a bad parameter still leaves a usable type
}

// collectLeaves walks a part, descending into multipart bodies by their
// boundary lines in the raw bytes, and appends the parts that are not
// attachments, in order.
func collectLeaves(src []byte, hs []header, body Span, depth int, out *[]mimeLeaf) error {
	mt, params, err := contentType(src, hs)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(mt, "multipart/") {
		if disp, _, _ := mime.ParseMediaType(headerValue(src, hs, "Content-Disposition")); disp != "attachment" {
			*out = append(*out, mimeLeaf{headers: hs, body: body, mediaType: mt, params: params})
		}
		return nil
	}
	if depth >= maxMultipartDepth {
		return &offsetError{body.Start, fmt.Errorf("multipart parts nested more than %d deep", maxMultipartDepth)}
	}
	boundary := params["boundary"]
	if boundary == "" {
		h, _ := findHeader(hs, "Content-Type")
		return &offsetError{h.value.Start, fmt.Errorf("%s without a boundary parameter", mt)}
	}
	parts := splitMultipart(src, body, boundary)
	if len(parts) == 0 {
		return &offsetError{body.Start, fmt.Errorf("%s body has no --%s boundary line", mt, boundary)}
	}
	for _, p := range parts {
		phs, bodyStart, err := parseHeaders(src, p.Start, p.End)
		if err != nil {
			return err
		}
		if err := collectLeaves(src, phs, Span{bodyStart, p.End}, depth+1, out); err != nil {
			return err
		}
	}
	return nil
}

// splitMultipart returns the parts between the "--boundary" lines of body.
// The line break before a boundary line belongs to the boundary; an
// unclosed last part runs to the end.
func splitMultipart(src []byte, body Span, boundary string) []Span {
	delim := []byte("--" + boundary)
	var parts []Span
	partStart := -1
	for from := body.Start; from < body.End; {
		k := bytes.Index(src[from:body.End], delim)
		if k < 0 {
			break
		}
		at := from + k
		from = at + len(delim)
		if at > body.Start && src[at-1] != '\n' {
			continue
		}
		le, next := lineEnd(src, at, body.End)
		rest := bytes.TrimRight(src[min(from, le):le], " \t")
		closing := string(rest) == "--"
		if len(rest) > 0 && !closing {
			continue // a longer boundary that starts with this one
		}
		if partStart >= 0 {
			end := at
			if end > partStart && src[end-1] == '\n' {
				end--
			}
			if end > partStart && src[end-1] == '\r' {
				end--
			}
			parts = append(parts, Span{partStart, end})
		}
		if closing {
			return parts
		}
		partStart, from = next, next
	}
	if partStart >= 0 {
		parts = append(parts, Span{partStart, body.End})
	}
	return parts
}

// pickLeaf chooses the part a reader reads: plain text first, then
// Markdown, then HTML.
func pickLeaf(leaves []mimeLeaf) (mimeLeaf, bool) {
	for _, want := range []string{"text/plain", "text/markdown", "text/x-markdown", "text/html"} {
		for _, l := range leaves {
			if l.mediaType == want {
				return l, true
			}
		}
	}
	return mimeLeaf{}, false
}

// adaptLeaf undoes the part's transfer encoding and charset, then runs the
// adapter for its media type. Maps are stacked innermost first.
func adaptLeaf(src []byte, leaf mimeLeaf, extra []placeholderPattern) (*adapted, error) {
	var b mapBuilder
	encoded := false
	body := src[leaf.body.Start:leaf.body.End]
	switch cte := strings.ToLower(strings.TrimSpace(headerValue(src, leaf.headers, "Content-Transfer-Encoding"))); cte {
	case "", "7bit", "8bit", "binary":
		b.copyBytes(body, leaf.body.Start)
	case "quoted-printable":
		decodeQP(&b, src, leaf.body)
		encoded = true
	case "base64":
		dec, err := decodeBase64(body)
		if err != nil {
			return nil, &offsetError{leaf.body.Start, fmt.Errorf("base64 body: %w", err)}
		}
		// Base64 cannot be located byte by byte: all of it maps to the part's start.
		b.add(string(dec), leaf.body.Start, len(body), true)
		encoded = true
	default:
		h, _ := findHeader(leaf.headers, "Content-Transfer-Encoding")
		return nil, &offsetError{h.value.Start, fmt.Errorf("unsupported Content-Transfer-Encoding %q", cte)}
	}
	decoded, partMap := b.finish(leaf.body.End)
	maps := []*offsetMap{partMap}

	switch cs := strings.ToLower(strings.Trim(leaf.params["charset"], "\" ")); {
	case cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii":
	case latin1Charmap(cs) != nil:
		var cb mapBuilder
		decodeCharmap(&cb, latin1Charmap(cs), decoded)
		var m *offsetMap
		decoded, m = cb.finish(len(decoded))
		maps = append([]*offsetMap{m}, maps...)
		encoded = true // a fix written as UTF-8 would corrupt a Latin-1 body
	default:
		h, _ := findHeader(leaf.headers, "Content-Type")
		return nil, &offsetError{h.value.Start, fmt.Errorf("unsupported charset %q", cs)}
	}

	toSource := func(i int) int {
		s := Span{i, i + 1}
		for _, m := range maps {
			s, _ = m.mapSpan(s)
		}
		return s.Start
	}
	text := []byte(decoded)
	if i := invalidUTF8(text); i >= 0 {
		return nil, &offsetError{toSource(i), fmt.Errorf("%w in the %s part (byte %d once decoded)", ErrInvalidUTF8, leaf.mediaType, i)}
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return nil, &offsetError{toSource(i), fmt.Errorf("%w: the %s part decodes to NUL bytes", ErrBinary, leaf.mediaType)}
	}

	var ad *adapted
	switch leaf.mediaType {
	case "text/html":
		ad = adaptHTML(text)
	case "text/markdown", "text/x-markdown":
		var err error
		if ad, err = adaptMarkdown(text, extra); err != nil {
			var at *offsetError
			if errors.As(err, &at) {
				err = &offsetError{toSource(at.offset), at.err}
			}
			return nil, err
		}
	default:
		ad = adaptText(text)
	}
	ad.maps = append(ad.maps, maps...)
	ad.encoded = encoded
	return ad, nil
}

// decodeQP decodes a quoted-printable body (RFC 2045 §6.7): literal runs
// map exactly, "=XX" is a one-byte unit and soft line breaks vanish, so a
// span of decoded text maps back to the exact encoded bytes. A stray "="
// stays as written.
func decodeQP(b *mapBuilder, src []byte, body Span) {
	lit := body.Start
	for i := body.Start; i < body.End; i++ {
		if src[i] != '=' {
			continue
		}
		j := i + 1
		for j < body.End && (src[j] == ' ' || src[j] == '\t') { // transport padding
			j++
		}
		switch {
		case j == body.End || src[j] == '\n' || src[j] == '\r':
			b.copyBytes(src[lit:i], lit)
			if j < body.End && src[j] == '\r' && j+1 < body.End && src[j+1] == '\n' {
				j++
			}
			lit = min(j+1, body.End)
			i = lit - 1
		case i+2 < body.End && isHex(src[i+1]) && isHex(src[i+2]):
			b.copyBytes(src[lit:i], lit)
			b.unit(string([]byte{unhex(src[i+1])<<4 | unhex(src[i+2])}), i, 3)
			lit = i + 3
			i += 2
		}
	}
	b.copyBytes(src[lit:body.End], lit)
}

func isHex(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }

func unhex(c byte) byte {
	if isDigit(c) {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// decodeBase64 decodes a base64 body, ignoring line breaks and tolerating
// missing padding.
func decodeBase64(body []byte) ([]byte, error) {
	clean := make([]byte, 0, len(body))
	for _, c := range body {
		if !isSpaceByte(c) {
			clean = append(clean, c)
		}
	}
	enc := base64.StdEncoding
	if len(clean)%4 != 0 {
		clean = bytes.TrimRight(clean, "=")
		enc = base64.RawStdEncoding
	}
	out := make([]byte, enc.DecodedLen(len(clean)))
	n, err := enc.Decode(out, clean)
	return out[:n], err
}

// latin1Charmap returns the decoder for the Latin-1 family. ISO-8859-1
// labels decode as Windows-1252, as browsers and mail clients do: mail
// marked Latin-1 often holds Windows curly quotes.
func latin1Charmap(label string) *charmap.Charmap {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
		"windows-1252", "cp1252", "x-cp1252":
		return charmap.Windows1252
	}
	return nil
}

// decodeCharmap converts single-byte text to UTF-8: ASCII runs map
// exactly, every other byte is a unit.
func decodeCharmap(b *mapBuilder, cm *charmap.Charmap, s string) {
	lit := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			continue
		}
		b.copy(s[lit:i], lit)
		b.unit(string(cm.DecodeByte(s[i])), i, 1)
		lit = i + 1
	}
	b.copy(s[lit:], lit)
}

// knownHeaders are fields that mark a file without an extension as an
// email message.
var knownHeaders = []string{
	"from", "to", "cc", "subject", "date", "mime-version", "received", "message-id",
	"return-path", "reply-to", "in-reply-to", "references", "content-type", "delivered-to",
}

// looksLikeHeaders reports whether b opens with an RFC 5322 header
// section: at least two fields, one of them a well-known one, ended by a
// blank line. A lone "Subject:" line is a plain-text draft, not a message.
func looksLikeHeaders(b []byte) bool {
	fields, known := 0, false
	for ls := messageStart(b); ls < len(b); {
		le, next := lineEnd(b, ls, len(b))
		line := b[ls:le]
		switch {
		case len(line) == 0:
			return fields >= 2 && known
		case line[0] == ' ' || line[0] == '\t':
			if fields == 0 {
				return false
			}
		default:
			name, ok := headerName(line)
			if !ok {
				return false
			}
			fields++
			known = known || slices.Contains(knownHeaders, strings.ToLower(string(name)))
		}
		if next == le { // no line break: the header section never ends
			return false
		}
		ls = next
	}
	return false
}
