package lint

import "sort"

// A piece maps a run of analysed text back to the bytes it came from.
//
//   - exact: textLen == srcLen, byte i of the run is byte i of the source.
//   - atomic: a decoded unit such as "&amp;" or "=C3=A9"; any offset inside
//     maps to the unit's edges.
//   - opaque: the source cannot be located (base64); every offset maps to
//     the start of the encoded region.
type piece struct {
	text, textLen int
	src, srcLen   int
	opaque        bool
}

func (p piece) exact() bool { return !p.opaque && p.textLen == p.srcLen }

// offsetMap maps offsets in a derived text onto the text it was derived
// from. Pieces are contiguous and cover the whole derived text.
type offsetMap struct {
	pieces []piece
	srcEnd int // where the derived text's end maps to
}

// mapBuilder appends derived text while recording where each byte came from.
type mapBuilder struct {
	buf    []byte
	pieces []piece
}

func (b *mapBuilder) add(text string, src, srcLen int, opaque bool) {
	if text == "" {
		return
	}
	p := piece{text: len(b.buf), textLen: len(text), src: src, srcLen: srcLen, opaque: opaque}
	if n := len(b.pieces); n > 0 && p.exact() {
		last := &b.pieces[n-1]
		if last.exact() && last.src+last.srcLen == src {
			last.textLen += p.textLen
			last.srcLen += p.srcLen
			b.buf = append(b.buf, text...)
			return
		}
	}
	b.pieces = append(b.pieces, p)
	b.buf = append(b.buf, text...)
}

// copy appends source bytes unchanged, mapped one to one.
func (b *mapBuilder) copy(text string, src int) { b.add(text, src, len(text), false) }

// unit appends a decoded unit that stands for srcLen source bytes.
func (b *mapBuilder) unit(text string, src, srcLen int) { b.add(text, src, srcLen, false) }

func (b *mapBuilder) finish(srcEnd int) (string, *offsetMap) {
	return string(b.buf), &offsetMap{pieces: b.pieces, srcEnd: srcEnd}
}

// find returns the piece holding offset; at a boundary, end selects the
// piece that ends there rather than the one that starts there.
func (m *offsetMap) find(offset int, end bool) (piece, bool) {
	i := sort.Search(len(m.pieces), func(i int) bool {
		p := m.pieces[i]
		if end {
			return p.text+p.textLen >= offset
		}
		return p.text+p.textLen > offset
	})
	if i == len(m.pieces) {
		return piece{}, false
	}
	return m.pieces[i], true
}

// toSource maps a derived offset to a source offset and reports whether
// the mapping is byte-exact.
func (m *offsetMap) toSource(offset int, end bool) (int, bool) {
	p, ok := m.find(offset, end)
	if !ok {
		return m.srcEnd, true
	}
	switch {
	case p.opaque:
		return p.src, false
	case p.exact():
		return p.src + offset - p.text, true
	case end && offset > p.text:
		return p.src + p.srcLen, offset == p.text+p.textLen
	case offset == p.text:
		return p.src, true
	default:
		return p.src, false
	}
}

// mapSpan maps a derived span to a source span; exact is false when an end
// fell inside a decoded unit or any part lies in an opaque region.
func (m *offsetMap) mapSpan(s Span) (Span, bool) {
	start, ok1 := m.toSource(s.Start, false)
	end, ok2 := m.toSource(s.End, s.End > s.Start)
	if end < start {
		end = start
	}
	exact := ok1 && ok2
	if exact {
		for i := sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].text+m.pieces[i].textLen > s.Start }); i < len(m.pieces) && m.pieces[i].text < s.End; i++ {
			if m.pieces[i].opaque {
				exact = false
				break
			}
		}
	}
	return Span{start, end}, exact
}
