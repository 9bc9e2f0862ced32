package lint

import (
	"bytes"
	"html"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// adaptHTML renders an HTML body to the text a mail client shows: tags
// vanish, block elements start new paragraphs or lines, entities are
// decoded, and white space inside a text run reads as spaces. Scripts,
// styles and the head are dropped; pre and code are masked as code,
// quoted replies and Gmail signatures as what they are. Every byte maps
// back to the source through the returned offset map.
func adaptHTML(text []byte) *adapted {
	h := htmlRenderer{src: text}
	z := xhtml.NewTokenizer(bytes.NewReader(text))
	off := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break // io.EOF, or input the tokenizer gave up on: render what came before
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case xhtml.TextToken:
			if h.skip == 0 {
				h.text(raw, start)
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			h.open(z, raw, start, tt == xhtml.SelfClosingTagToken)
		case xhtml.EndTagToken:
			h.close(raw, start)
		}
	}
	h.endRegion()
	out, m := h.b.finish(len(text))
	return &adapted{text: []byte(out), maps: []*offsetMap{m}, masks: h.masks, escape: html.EscapeString}
}

// htmlRenderer is the state of one adaptHTML run.
type htmlRenderer struct {
	src   []byte
	b     mapBuilder
	masks []Mask

	skip     int // depth inside an element whose content is never shown
	skipAtom atom.Atom
	code     int // depth inside pre and code

	// region is the outermost quoted reply or signature being rendered;
	// regionDepth counts open elements named like the one that opened it.
	region      string
	regionName  []byte
	regionDepth int
	regionStart int
}

// tagName returns the lower-cased name of the tag in raw ("<Div …>",
// "</p>") without allocating; names longer than buf come back empty,
// which matches no element we act on.
func tagName(raw []byte, buf *[16]byte) []byte {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(buf) {
			return nil
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

func (h *htmlRenderer) open(z *xhtml.Tokenizer, raw []byte, start int, selfClosing bool) {
	var buf [16]byte
	name := tagName(raw, &buf)
	a := atom.Lookup(name)
	if h.skip > 0 {
		switch {
		case h.skipAtom == atom.Head && a == atom.Body: // a head nobody closed
			h.skip = 0
		case a == h.skipAtom && !selfClosing:
			h.skip++
			return
		default:
			return
		}
	}
	switch a {
	case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template, atom.Noscript:
		if !selfClosing {
			h.skip, h.skipAtom = 1, a
		}
		return
	case atom.P, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Tr, atom.Table, atom.Ul, atom.Ol, atom.Blockquote, atom.Hr:
		h.lineBreaks(2, start, len(raw))
	case atom.Div:
		h.lineBreaks(1, start, len(raw))
	case atom.Br:
		h.b.unit("\n", start, len(raw))
	case atom.Td, atom.Th:
		h.b.unit(" ", start, len(raw)) // cells render apart
	case atom.Pre, atom.Code:
		if !selfClosing {
			h.code++
		}
	}
	if selfClosing || voidElement(a) {
		return
	}
	if h.region != "" {
		if bytes.Equal(name, h.regionName) {
			h.regionDepth++
		}
		return
	}
	reason := ""
	if a == atom.Blockquote {
		reason = MaskQuote
	}
	if r := classRegion(z, raw); r != "" {
		reason = r
	}
	if reason != "" && len(name) > 0 {
		h.region, h.regionName, h.regionDepth, h.regionStart = reason, append([]byte(nil), name...), 1, len(h.b.buf)
	}
}

// classRegion reports the mask a Gmail or Yahoo class puts on an element.
func classRegion(z *xhtml.Tokenizer, raw []byte) string {
	if !bytes.Contains(raw, []byte("gmail_")) && !bytes.Contains(raw, []byte("yahoo_quoted")) {
		return ""
	}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) != "class" {
			continue
		}
		switch {
		case bytes.Contains(v, []byte("gmail_quote")), bytes.Contains(v, []byte("yahoo_quoted")):
			return MaskQuote
		case bytes.Contains(v, []byte("gmail_signature")):
			return MaskSignature
		}
	}
	return ""
}

func (h *htmlRenderer) close(raw []byte, start int) {
	var buf [16]byte
	name := tagName(raw, &buf)
	a := atom.Lookup(name)
	if h.skip > 0 {
		if a == h.skipAtom {
			h.skip--
		}
		return
	}
	if h.region != "" && bytes.Equal(name, h.regionName) {
		if h.regionDepth--; h.regionDepth == 0 {
			h.endRegion()
		}
	}
	switch a {
	case atom.P, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Tr, atom.Table, atom.Ul, atom.Ol, atom.Blockquote:
		h.lineBreaks(2, start, len(raw))
	case atom.Div:
		h.lineBreaks(1, start, len(raw))
	case atom.Pre, atom.Code:
		h.code = max(0, h.code-1)
	}
}

// endRegion masks what was rendered since the open quote or signature began.
func (h *htmlRenderer) endRegion() {
	if h.region != "" && len(h.b.buf) > h.regionStart {
		h.masks = append(h.masks, Mask{Span{h.regionStart, len(h.b.buf)}, h.region})
	}
	h.region, h.regionName, h.regionDepth = "", nil, 0
}

// lineBreaks makes the text end in n line breaks (spaces aside), mapping
// the ones it adds to the tag at src.
func (h *htmlRenderer) lineBreaks(n, src, srcLen int) {
	buf := h.b.buf
	if len(buf) == 0 {
		return
	}
	have := 0
	for i := len(buf) - 1; i >= 0 && have < n; i-- {
		if buf[i] == '\n' {
			have++
		} else if buf[i] != ' ' {
			break
		}
	}
	if have < n {
		h.b.unit("\n\n"[:n-have], src, srcLen)
	}
}

// text renders a text token: literal runs map exactly, entities decode as
// units, and line breaks and tabs become spaces one for one (outside pre).
func (h *htmlRenderer) text(raw []byte, base int) {
	from := len(h.b.buf)
	pre := h.code > 0
	lit := 0
	for i := 0; i < len(raw); {
		c := raw[i]
		var rep string
		n := 0
		switch {
		case c == '&':
			rep, n = decodeEntity(raw[i:])
		case (c == '\n' || c == '\r' || c == '\t') && !pre:
			rep, n = " ", 1
		case c == 0xc2 && i+1 < len(raw) && raw[i+1] == 0xa0: // no-break space
			rep, n = " ", 2
		}
		if n == 0 {
			i++
			continue
		}
		h.b.copyBytes(raw[lit:i], base+lit)
		h.b.unit(rep, base+i, n)
		i += n
		lit = i
	}
	h.b.copyBytes(raw[lit:], base+lit)
	if pre && len(h.b.buf) > from {
		h.addMask(Span{from, len(h.b.buf)}, MaskCode)
	}
}

// addMask appends m, merging it into the previous mask when they touch.
func (h *htmlRenderer) addMask(s Span, reason string) {
	if n := len(h.masks); n > 0 && h.masks[n-1].Reason == reason && h.masks[n-1].Span.End == s.Start {
		h.masks[n-1].Span.End = s.End
		return
	}
	h.masks = append(h.masks, Mask{s, reason})
}

// decodeEntity decodes the character reference at the start of b ("&amp;",
// "&#8217;", legacy "&copy" without a semicolon) and returns its text and
// length in b, or n == 0 when b does not start with one. White space
// entities read as a plain space.
func decodeEntity(b []byte) (text string, n int) {
	j := 1
	if j < len(b) && b[j] == '#' {
		j++
		hex := j < len(b) && b[j]|0x20 == 'x'
		if hex {
			j++
		}
		digits := j
		for j < len(b) && j-digits < 16 && (isDigit(b[j]) || hex && b[j]|0x20 >= 'a' && b[j]|0x20 <= 'f') {
			j++
		}
		if j == digits {
			return "", 0
		}
	} else {
		for j < len(b) && j < 40 && (isASCIILetter(b[j]) || isDigit(b[j])) {
			j++
		}
		if j == 1 {
			return "", 0
		}
	}
	if j < len(b) && b[j] == ';' {
		j++
	}
	if t, ok := commonEntities[string(b[:j])]; ok { // no allocation for the usual ones
		return t, j
	}
	cand := string(b[:j])
	dec := html.UnescapeString(cand)
	if dec == cand {
		return "", 0
	}
	// A legacy name may stop short of the letters after it ("&copy2024"):
	// what follows it comes back unchanged at the end.
	k := 0
	for k < len(dec)-1 && k < len(cand)-1 && dec[len(dec)-1-k] == cand[len(cand)-1-k] {
		k++
	}
	dec, j = dec[:len(dec)-k], j-k
	switch dec {
	case "\u00a0", "\t", "\n", "\r", "\u2002", "\u2003", "\u2009":
		dec = " "
	}
	return dec, j
}

// commonEntities are the references mail clients write most, decoded
// without a round trip through html.UnescapeString.
var commonEntities = map[string]string{
	"&amp;": "&", "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": `"`, "&#39;": "'",
	"&rsquo;": "’", "&lsquo;": "‘", "&ldquo;": "“", "&rdquo;": "”", "&ndash;": "–", "&mdash;": "—", "&hellip;": "…",
}

// copyBytes is mapBuilder.copy for a byte slice, sparing a string
// conversion per text run.
func (b *mapBuilder) copyBytes(p []byte, src int) {
	if len(p) == 0 {
		return
	}
	if n := len(b.pieces); n > 0 {
		last := &b.pieces[n-1]
		if last.exact() && last.src+last.srcLen == src {
			last.textLen += len(p)
			last.srcLen += len(p)
			b.buf = append(b.buf, p...)
			return
		}
	}
	b.pieces = append(b.pieces, piece{text: len(b.buf), textLen: len(p), src: src, srcLen: len(p)})
	b.buf = append(b.buf, p...)
}

// voidElement reports elements that never have content or an end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
