package lint

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies inside the span.
func (s Span) Contains(offset int) bool { return offset >= s.Start && offset < s.End }

// Overlaps reports whether the two spans intersect. An empty span overlaps
// a span when its offset lies strictly inside it, so a zero-width
// diagnostic inside a masked region counts as inside it.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Unit is the unit a column is counted in.
type Unit int

// Column units. Editors speaking LSP count UTF-16 code units; terminals
// usually count bytes or runes.
const (
	Bytes Unit = iota
	Runes
	UTF16
)

// Position is a location in a source, zero-based, with the column given in
// every unit so each face picks the one it needs.
type Position struct {
	Offset      int `json:"offset"`
	Line        int `json:"line"`
	Column      int `json:"column"`       // bytes from the line start
	RuneColumn  int `json:"rune_column"`  // runes from the line start
	UTF16Column int `json:"utf16_column"` // UTF-16 code units from the line start
}

// LineIndex converts between byte offsets and line/column positions of one
// source. Lines end at "\n", "\r\n" or a lone "\r", as LSP defines them.
// It accepts any bytes: an invalid UTF-8 byte counts as one column in every
// unit, so conversion never fails on hostile input.
type LineIndex struct {
	src    []byte
	starts []int // byte offset where each line begins
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src []byte) *LineIndex {
	starts := make([]int, 1, 1+len(src)/40)
	for start := 0; ; {
		rest := src[start:]
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
		}
		if r := bytes.IndexByte(rest[:end], '\r'); r >= 0 {
			end = r
		}
		if end == len(rest) {
			return &LineIndex{src: src, starts: starts}
		}
		next := start + end + 1
		if rest[end] == '\r' && end+1 < len(rest) && rest[end+1] == '\n' {
			next++
		}
		starts, start = append(starts, next), next
	}
}

// asciiPrefix returns the length of b's leading run of ASCII bytes,
// testing eight bytes at a time.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b) && b[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// Lines returns the number of lines; a trailing newline opens an empty last line.
func (x *LineIndex) Lines() int { return len(x.starts) }

// LineSpan returns the bytes of line (zero-based) without its terminator.
func (x *LineIndex) LineSpan(line int) Span {
	if line < 0 {
		line = 0
	}
	if line >= len(x.starts) {
		return Span{len(x.src), len(x.src)}
	}
	start := x.starts[line]
	end := len(x.src)
	if line+1 < len(x.starts) {
		end = x.starts[line+1]
		// Trim the terminator: "\n", "\r\n" or "\r".
		if end > start && x.src[end-1] == '\n' {
			end--
		}
		if end > start && x.src[end-1] == '\r' {
			end--
		}
	}
	return Span{start, end}
}

// Position converts a byte offset into a position. Offsets outside the
// source are clamped; an offset inside a UTF-8 sequence or a "\r\n" pair
// snaps back to the start of that character.
func (x *LineIndex) Position(offset int) Position {
	offset = max(0, min(offset, len(x.src)))
	line := x.lineOf(offset)
	ls := x.LineSpan(line)
	return x.advance(Position{Offset: ls.Start, Line: line}, min(offset, ls.End))
}

// Range converts both ends of a span; an end on the start's line is
// counted on from the start rather than from the line's beginning.
func (x *LineIndex) Range(s Span) (start, end Position) {
	start = x.Position(s.Start)
	if s.End >= start.Offset && s.End <= x.LineSpan(start.Line).End {
		return start, x.advance(start, s.End)
	}
	return start, x.Position(s.End)
}

// advance moves p along its line to offset, which lies between p and the
// line's end, snapping back to the start of a character.
func (x *LineIndex) advance(p Position, offset int) Position {
	for i := p.Offset; i < offset; {
		if n := asciiPrefix(x.src[i:offset]); n > 0 { // ASCII runs count the same in every unit
			i += n
			p.Column += n
			p.RuneColumn += n
			p.UTF16Column += n
			continue
		}
		r, size := utf8.DecodeRune(x.src[i:])
		if i+size > offset { // offset is inside this rune: snap back
			break
		}
		i += size
		p.Column += size
		p.RuneColumn++
		p.UTF16Column += utf16Len(r, size)
	}
	p.Offset = x.starts[p.Line] + p.Column
	return p
}

// lineOf returns the line holding offset, which must lie in the source.
func (x *LineIndex) lineOf(offset int) int {
	lo, hi := 0, len(x.starts) // invariant: starts[lo] <= offset < starts[hi]
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if x.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// Offset converts a zero-based line and a column in unit into a byte
// offset. Lines past the end clamp to the end of the source and columns past
// the end of a line clamp to the line's end, as LSP asks; a column inside a
// character (such as the second half of a surrogate pair) snaps back to the
// character's start.
func (x *LineIndex) Offset(line, col int, unit Unit) int {
	if line >= len(x.starts) {
		return len(x.src)
	}
	ls := x.LineSpan(line)
	if line < 0 {
		return 0
	}
	i, n := ls.Start, 0
	for i < ls.End && n < col {
		r, size := utf8.DecodeRune(x.src[i:])
		w := 1
		switch unit {
		case Bytes:
			w = size
		case UTF16:
			w = utf16Len(r, size)
		}
		if n+w > col {
			break
		}
		n += w
		i += size
	}
	return i
}

// utf16Len is the number of UTF-16 code units a decoded rune needs. An
// invalid byte (RuneError of size 1) counts as one unit, as editors that
// replace it with U+FFFD do.
func utf16Len(r rune, size int) int {
	if r >= 0x10000 && size == 4 {
		return 2
	}
	return 1
}
