package lint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entityMap is "Hi & you" decoded from "Hi &amp; you" followed by an
// opaque base64 part "hello" that came from source bytes 20..32.
func entityMap(t *testing.T) *offsetMap {
	var b mapBuilder
	b.copy("Hi ", 0)
	b.unit("&", 3, 5)
	b.copy(" you", 8)
	b.add("hello", 20, 12, true)
	text, m := b.finish(32)
	require.Equal(t, "Hi & youhello", text)
	return m
}

func TestOffsetMapSpan(t *testing.T) {
	tests := []struct {
		name  string
		in    Span
		want  Span
		exact bool
	}{
		{"copied prefix", Span{0, 2}, Span{0, 2}, true},
		{"whole entity", Span{3, 4}, Span{3, 8}, true},
		{"across the entity", Span{0, 8}, Span{0, 12}, true},
		{"after the entity", Span{5, 8}, Span{9, 12}, true},
		{"empty before the entity", Span{3, 3}, Span{3, 3}, true},
		{"empty after the entity", Span{4, 4}, Span{8, 8}, true},
		{"opaque part maps to its start", Span{9, 11}, Span{20, 20}, false},
		{"span reaching into the opaque part", Span{5, 10}, Span{9, 20}, false},
		{"past the end maps to the source end", Span{13, 20}, Span{32, 32}, true},
	}
	m := entityMap(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, exact := m.mapSpan(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.exact, exact)
		})
	}
}

func TestOffsetMapInsideUnit(t *testing.T) {
	// "é" decoded from quoted-printable "=C3=A9": two text bytes, six source bytes.
	var b mapBuilder
	b.copy("caf", 0)
	b.unit("é", 3, 6)
	_, m := b.finish(9)
	got, exact := m.mapSpan(Span{4, 5}) // the second byte of "é"
	assert.Equal(t, Span{3, 9}, got, "an offset inside a unit widens to the unit's edges")
	assert.False(t, exact)
	got, exact = m.mapSpan(Span{0, 5})
	assert.Equal(t, Span{0, 9}, got)
	assert.True(t, exact)
}

func TestMapBuilderMergesExactRuns(t *testing.T) {
	var b mapBuilder
	b.copy("ab", 0)
	b.copy("cd", 2) // contiguous: merged
	b.copy("ef", 7) // a gap in the source (a tag was dropped): new piece
	b.copy("", 9)   // nothing to add
	text, m := b.finish(9)
	assert.Equal(t, "abcdef", text)
	assert.Equal(t, []piece{{text: 0, textLen: 4, src: 0, srcLen: 4}, {text: 4, textLen: 2, src: 7, srcLen: 2}}, m.pieces)
}

func FuzzOffsetMap(f *testing.F) {
	f.Add([]byte{0x01, 0x42, 0x83, 0x10, 0xc4}, 0, 3)
	f.Add([]byte{0x80, 0x80, 0x81, 0x02}, 2, 2)
	f.Fuzz(func(t *testing.T, ops []byte, a, b int) {
		// Each op byte adds one piece: the low two bits pick exact, unit or
		// opaque, the next bits the text length and the source gap.
		var mb mapBuilder
		src := 0
		type want struct{ text, src, n int } // byte-exact runs
		var exactRuns []want
		for _, op := range ops[:min(len(ops), 64)] {
			n := 1 + int(op>>2&7)
			src += int(op >> 5)
			text := strings.Repeat("x", n)
			switch op & 3 {
			case 0, 1:
				exactRuns = append(exactRuns, want{len(mb.buf), src, n})
				mb.copy(text, src)
				src += n
			case 2:
				mb.unit(text, src, n+3)
				src += n + 3
			default:
				mb.add(text, src, 5, true)
				src += 5
			}
		}
		text, m := mb.finish(src)
		last := -1
		for o := 0; o <= len(text)+1; o++ {
			s, _ := m.toSource(o, false)
			if s < last || s < 0 || s > src {
				t.Fatalf("toSource(%d) = %d after %d (source length %d)", o, s, last, src)
			}
			last = s
		}
		for _, r := range exactRuns {
			for o := r.text; o < r.text+r.n; o++ {
				got, exact := m.mapSpan(Span{o, o + 1})
				if !exact || got != (Span{r.src + o - r.text, r.src + o - r.text + 1}) {
					t.Fatalf("copied byte %d maps to %v (exact %v), want %d", o, got, exact, r.src+o-r.text)
				}
			}
		}
		lo, hi := min(a, b), max(a, b)
		lo, hi = max(0, min(lo, len(text))), max(0, min(hi, len(text)))
		got, _ := m.mapSpan(Span{lo, hi})
		if got.Start < 0 || got.End < got.Start || got.End > src {
			t.Fatalf("mapSpan(%d, %d) = %v outside source of %d bytes", lo, hi, got, src)
		}
	})
}
