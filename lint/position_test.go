package lint

import (
	"math"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSpan(t *testing.T) {
	s := Span{2, 5}
	assert.Equal(t, 3, s.Len())
	tests := []struct {
		name     string
		offset   int
		contains bool
	}{
		{"before", 1, false},
		{"start", 2, true},
		{"inside", 4, true},
		{"end is exclusive", 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.contains, s.Contains(tt.offset))
		})
	}
	overlaps := []struct {
		o    Span
		want bool
	}{
		{Span{0, 2}, false}, // touching at the start
		{Span{5, 9}, false}, // touching at the end
		{Span{4, 9}, true},
		{Span{0, 9}, true},
		{Span{3, 3}, true},  // an empty span strictly inside
		{Span{2, 2}, false}, // an empty span at the start
		{Span{5, 5}, false}, // an empty span at the end
	}
	for _, tt := range overlaps {
		assert.Equal(t, tt.want, s.Overlaps(tt.o), "%v overlaps %v", s, tt.o)
		assert.Equal(t, tt.want, tt.o.Overlaps(s), "%v overlaps %v", tt.o, s)
	}
}

func TestLineIndexLines(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		lines []Span // every line without its terminator
	}{
		{"empty", "", []Span{{0, 0}}},
		{"one line", "abc", []Span{{0, 3}}},
		{"trailing LF opens an empty line", "ab\n", []Span{{0, 2}, {3, 3}}},
		{"CRLF", "ab\r\ncd", []Span{{0, 2}, {4, 6}}},
		{"lone CR", "ab\rcd", []Span{{0, 2}, {3, 5}}},
		{"CR CR is two breaks", "a\r\rb", []Span{{0, 1}, {2, 2}, {3, 4}}},
		{"LF CR is two breaks", "a\n\rb", []Span{{0, 1}, {2, 2}, {3, 4}}},
		{"mixed", "a\r\nb\nc\rd", []Span{{0, 1}, {3, 4}, {5, 6}, {7, 8}}},
		{"only terminators", "\r\n\n", []Span{{0, 0}, {2, 2}, {3, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tt.src))
			require.Equal(t, len(tt.lines), x.Lines())
			for i, want := range tt.lines {
				assert.Equal(t, want, x.LineSpan(i), "line %d", i)
			}
			assert.Equal(t, tt.lines[0], x.LineSpan(-3), "negative lines clamp to the first")
			assert.Equal(t, Span{len(tt.src), len(tt.src)}, x.LineSpan(x.Lines()), "lines past the end are empty at EOF")
		})
	}
}

func TestLineIndexPosition(t *testing.T) {
	pos := func(offset, line, col, runes, units int) Position {
		return Position{Offset: offset, Line: line, Column: col, RuneColumn: runes, UTF16Column: units}
	}
	tests := []struct {
		name   string
		src    string
		offset int
		want   Position
	}{
		{"empty", "", 0, pos(0, 0, 0, 0, 0)},
		{"empty clamps past EOF", "", 7, pos(0, 0, 0, 0, 0)},
		{"negative clamps to 0", "abc", -4, pos(0, 0, 0, 0, 0)},
		{"past EOF clamps to EOF", "ab\ncd", 99, pos(5, 1, 2, 2, 2)},
		{"line end", "ab\ncd", 2, pos(2, 0, 2, 2, 2)},
		{"after LF", "ab\ncd", 3, pos(3, 1, 0, 0, 0)},
		{"trailing LF", "ab\n", 3, pos(3, 1, 0, 0, 0)},
		{"CR of CRLF is the line end", "ab\r\ncd", 2, pos(2, 0, 2, 2, 2)},
		{"between CR and LF snaps to the CR", "ab\r\ncd", 3, pos(2, 0, 2, 2, 2)},
		{"after CRLF", "ab\r\ncd", 4, pos(4, 1, 0, 0, 0)},
		{"lone CR ends a line", "ab\rcd", 4, pos(4, 1, 1, 1, 1)},
		{"BOM is a character", "\ufeffHi", 4, pos(4, 0, 4, 2, 2)},
		{"emoji is a surrogate pair", "a😀b", 5, pos(5, 0, 5, 2, 3)},
		{"inside emoji snaps back", "a😀b", 3, pos(1, 0, 1, 1, 1)},
		{"CJK", "日本語", 6, pos(6, 0, 6, 2, 2)},
		{"inside CJK snaps back", "日本語", 4, pos(3, 0, 3, 1, 1)},
		{"combining mark is its own rune", "e\u0301x", 3, pos(3, 0, 3, 2, 2)},
		{"invalid byte is one column", "a\xffb", 2, pos(2, 0, 2, 2, 2)},
		{"truncated sequence is one column per byte", "\xe6\x97x", 2, pos(2, 0, 2, 2, 2)},
		{"second line with emoji", "x\n👍🏽 ok", 10, pos(10, 1, 8, 2, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewLineIndex([]byte(tt.src)).Position(tt.offset)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLineIndexOffset(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		unit      Unit
		want      int
	}{
		{"empty", "", 0, 0, Bytes, 0},
		{"empty, line past EOF", "", 3, 0, UTF16, 0},
		{"negative line", "ab\ncd", -1, 1, Bytes, 0},
		{"negative column", "ab\ncd", 1, -5, Runes, 3},
		{"column past the line end clamps to the line end", "ab\ncd", 0, 99, Bytes, 2},
		{"column past the line end never reaches the CRLF", "ab\r\ncd", 0, 3, UTF16, 2},
		{"line past EOF clamps to EOF", "ab\ncd", 7, 0, Runes, 5},
		{"last line", "ab\ncd", 1, 2, Bytes, 5},
		{"empty line after trailing LF", "ab\n", 1, 4, Bytes, 3},
		{"after lone CR", "ab\rcd", 1, 1, Runes, 4},
		{"emoji in bytes", "a😀b", 0, 5, Bytes, 5},
		{"emoji in runes", "a😀b", 0, 2, Runes, 5},
		{"emoji in UTF-16", "a😀b", 0, 3, UTF16, 5},
		{"UTF-16 inside a surrogate pair snaps back", "a😀b", 0, 2, UTF16, 1},
		{"bytes inside a rune snap back", "a😀b", 0, 3, Bytes, 1},
		{"CJK in runes", "日本語", 0, 2, Runes, 6},
		{"CJK in UTF-16", "日本語", 0, 1, UTF16, 3},
		{"combining mark", "e\u0301x", 0, 2, UTF16, 3},
		{"invalid byte", "a\xffb", 0, 2, UTF16, 2},
		{"BOM", "\ufeffHi", 0, 1, Runes, 3},
		{"skin tone sequence", "👍🏽!", 0, 4, UTF16, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewLineIndex([]byte(tt.src)).Offset(tt.line, tt.col, tt.unit)
			assert.Equal(t, tt.want, got)
		})
	}
}

// utf16Units counts r as editors do: an invalid byte is one unit.
func utf16Units(r rune, size int) int {
	if size == 1 && r == utf8.RuneError {
		return 1
	}
	return len(utf16.Encode([]rune{r}))
}

func FuzzLineIndex(f *testing.F) {
	for _, s := range []string{"", "a\nb", "ab\r\ncd\r\n", "x\ry\r", "\ufeffHi 😀\n日本語", "e\u0301\r\n\xff\xfe", "👩‍💻 ok\n", "\r\n\n\r"} {
		f.Add([]byte(s), 1, 2)
	}
	f.Fuzz(func(t *testing.T, src []byte, a, b int) {
		src = src[:min(len(src), 1024)] // the round trip below is quadratic in the line length
		x := NewLineIndex(src)
		allUnits := []Unit{Bytes, Runes, UTF16}
		// Hostile ints never panic and stay in range.
		for _, o := range []int{a, b, -1, math.MinInt, math.MaxInt, len(src) + 1} {
			p := x.Position(o)
			if p.Offset < 0 || p.Offset > len(src) || p.Line < 0 || p.Line >= x.Lines() {
				t.Fatalf("Position(%d) = %+v out of range", o, p)
			}
			for _, u := range allUnits {
				for _, l := range []int{a, b, p.Line} {
					if off := x.Offset(l, o, u); off < 0 || off > len(src) {
						t.Fatalf("Offset(%d, %d, %d) = %d out of range", l, o, u, off)
					}
				}
			}
		}
		// Range agrees with converting each end on its own, for any span:
		// reversed, clamped, inside a character or across lines.
		for _, sp := range []Span{{a, b}, {b, a}, {a, a + 3}, {a, len(src)}} {
			s, e := x.Range(sp)
			if ws, we := x.Position(sp.Start), x.Position(sp.End); s != ws || e != we {
				t.Fatalf("Range(%v) = %+v, %+v; want %+v, %+v", sp, s, e, ws, we)
			}
		}
		for o := 0; o+1 < len(src); o += 3 { // spans of every width from near offsets
			s, e := x.Range(Span{o, o + 1 + (o*7)%11})
			if ws, we := x.Position(o), x.Position(o+1+(o*7)%11); s != ws || e != we {
				t.Fatalf("Range(%d, %d) = %+v, %+v; want %+v, %+v", o, o+1+(o*7)%11, s, e, ws, we)
			}
		}
		// Every offset on a character boundary round-trips in every unit.
		// Columns are counted here independently, restarting at each line.
		line, runes, units := 0, 0, 0
		for o := 0; o <= len(src); {
			r, size := rune(0), 1
			if o < len(src) {
				r, size = utf8.DecodeRune(src[o:])
			}
			if o > 0 && o < len(src) && src[o-1] == '\r' && src[o] == '\n' {
				o += size
				continue
			}
			p := x.Position(o)
			ls := x.LineSpan(line)
			want := Position{Offset: o, Line: line, Column: o - ls.Start, RuneColumn: runes, UTF16Column: units}
			if p != want {
				t.Fatalf("Position(%d) = %+v, want %+v", o, p, want)
			}
			for _, c := range []struct {
				unit Unit
				col  int
			}{{Bytes, p.Column}, {Runes, p.RuneColumn}, {UTF16, p.UTF16Column}} {
				if got := x.Offset(p.Line, c.col, c.unit); got != o {
					t.Fatalf("Offset(Position(%d)) in unit %d = %d", o, c.unit, got)
				}
			}
			if o < len(src) && (r == '\n' || r == '\r') {
				line, runes, units = line+1, 0, 0
			} else {
				runes++
				units += utf16Units(r, size)
			}
			o += size
		}
	})
}
