package lint

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// adParse parses src as if read from path.
func adParse(t testing.TB, path, src string) *Document {
	t.Helper()
	doc, err := Parse(path, []byte(src), ParseOptions{})
	require.NoError(t, err)
	return doc
}

// adBlocks returns the prose of each block with white space runs
// collapsed, as a reader would read it.
func adBlocks(doc *Document) []string {
	out := []string{}
	for _, b := range doc.Blocks {
		out = append(out, strings.Join(strings.Fields(doc.TextOf(b)), " "))
	}
	return out
}

// adMasks lists the masks with one of reasons as "reason: source bytes".
func adMasks(doc *Document, reasons ...string) []string {
	out := []string{}
	for _, m := range doc.Masks {
		if slices.Contains(reasons, m.Reason) {
			s, _ := doc.SourceSpan(m.Span)
			out = append(out, m.Reason+": "+string(doc.Source[s.Start:s.End]))
		}
	}
	return out
}

// adPlaceholders lists the text of each placeholder.
func adPlaceholders(doc *Document) []string {
	out := []string{}
	for _, p := range doc.Placeholders {
		out = append(out, doc.TextOf(p.Span))
	}
	return out
}

// adSourceOf finds word in the analysed text and returns the source bytes
// it maps back to and whether the mapping is exact.
func adSourceOf(t testing.TB, doc *Document, word string) (string, bool) {
	t.Helper()
	i := strings.Index(doc.Text, word)
	require.GreaterOrEqual(t, i, 0, "%q not in the text %q", word, doc.Text)
	s, exact := doc.SourceSpan(Span{i, i + len(word)})
	require.LessOrEqual(t, 0, s.Start)
	require.LessOrEqual(t, s.Start, s.End)
	require.LessOrEqual(t, s.End, len(doc.Source))
	return string(doc.Source[s.Start:s.End]), exact
}

// adCheckDoc asserts what every parsed document promises: blocks, masks
// and placeholders lie inside Text, and blocks map inside Source.
func adCheckDoc(t testing.TB, doc *Document) {
	t.Helper()
	inside := func(s Span, n int, what string) {
		if s.Start < 0 || s.Start > s.End || s.End > n {
			t.Fatalf("%s %v outside [0,%d]", what, s, n)
		}
	}
	for _, b := range doc.Blocks {
		inside(b, len(doc.Text), "block")
		src, _ := doc.SourceSpan(b)
		inside(src, len(doc.Source), "source span of block")
	}
	for _, m := range doc.Masks {
		inside(m.Span, len(doc.Text), "mask "+m.Reason)
	}
	for _, p := range doc.Placeholders {
		inside(p.Span, len(doc.Text), "placeholder")
	}
	// Each map's pieces tile the text of its stage and point inside the next.
	n := len(doc.Text)
	for _, m := range doc.maps {
		end := 0
		for _, p := range m.pieces {
			if p.text != end || p.textLen <= 0 || p.src < 0 || p.srcLen < 0 || p.src+p.srcLen > m.srcEnd {
				t.Fatalf("bad piece %+v after text offset %d (stage source ends at %d)", p, end, m.srcEnd)
			}
			end += p.textLen
		}
		if end != n {
			t.Fatalf("pieces cover %d bytes of a %d-byte text", end, n)
		}
		n = m.srcEnd
	}
	if len(doc.maps) > 0 && n > len(doc.Source) {
		t.Fatalf("maps end at %d, past the %d-byte source", n, len(doc.Source))
	}
	// With one map, exact pieces hold source bytes, blanked or rendered
	// as spaces at most.
	if len(doc.maps) == 1 {
		for _, p := range doc.maps[0].pieces {
			for k := 0; p.exact() && k < p.textLen; k++ {
				if c, s := doc.Text[p.text+k], doc.Source[p.src+k]; c != s && c != ' ' {
					t.Fatalf("text byte %d is %q, its source byte %d is %q", p.text+k, c, p.src+k, s)
				}
			}
		}
	}
}

// adFixtures returns the fixtures with the given extension.
func adFixtures(t testing.TB, ext string) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "formats", "*"+ext))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		out[p] = b
	}
	return out
}

func TestMarkdownAdapter(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		blocks       []string
		masks        []string // markup, code and quote masks
		placeholders []string
	}{
		{
			name:   "heading and emphasis",
			src:    "# Quick idea\n\nI *really* liked your **launch** post.\n",
			blocks: []string{"Quick idea", "I really liked your launch post."},
			masks:  []string{"markup: #", "markup: *", "markup: *", "markup: **", "markup: **"},
		},
		{
			name:   "link text is prose, its target is not; an autolink shows its URL",
			src:    "Here is [the guide](https://example.com/g \"Guide\") and <https://example.com/a>.\n",
			blocks: []string{"Here is the guide and https://example.com/a ."}, // the masked ">" reads as a space
			masks:  []string{"markup: [", `markup: ](https://example.com/g "Guide")`, "markup: <", "markup: >"},
		},
		{
			name:   "images, inline HTML and comments",
			src:    "See ![chart](c.png) <span>now</span> <!-- note -->\n",
			blocks: []string{"See now"},
			masks:  []string{"markup: ![chart](c.png)", "markup: <span>", "markup: </span>", "markup: <!-- note -->"},
		},
		{
			name:   "code spans, fenced and indented code",
			src:    "Run `make demo` first.\n\n```sh\nmake demo\n```\n\n    indented code\n",
			blocks: []string{"Run first."},
			masks: []string{"markup: `", "code: make demo", "markup: `", "markup: ```sh", "code: make demo",
				"markup: ```", "code: indented code"},
		},
		{
			name:   "block quotes are quoted replies",
			src:    "Glad we met.\n\n> On Monday you said\n> pricing is hard\n\nHere is my take.\n",
			blocks: []string{"Glad we met.", "Here is my take."},
			masks:  []string{"quote: > On Monday you said\n> pricing is hard"},
		},
		{
			name:   "list items and table cells are blocks",
			src:    "- first point\n- second point\n\n| Plan | Price |\n|------|-------|\n| Team | $20 |\n",
			blocks: []string{"first point", "second point", "Plan", "Price", "Team", "$20"},
			masks: []string{"markup: -", "markup: -", "markup: |", "markup: |", "markup: |",
				"markup: |------|-------|", "markup: |", "markup: |", "markup: |"},
		},
		{
			name:         "merge fields keep their bytes; one in a link target stays hidden",
			src:          "Glad *|FNAME|* asked about [First Name] at {{company}}.\n\nSee [the deck]({{deck_url}}).\n",
			blocks:       []string{"Glad *|FNAME|* asked about [First Name] at {{company}}.", "See the deck ."},
			masks:        []string{"markup: [", "markup: ]({{deck_url}})"},
			placeholders: []string{"*|FNAME|*", "[First Name]", "{{company}}"},
		},
		{
			name:   "backslash escapes",
			src:    "We grew 3\\* faster, \\#1 in Ohio, see C:\\\\notes.\n",
			blocks: []string{"We grew 3 * faster, #1 in Ohio, see C: \\notes."},
			masks:  []string{`markup: \`, `markup: \`, `markup: \`},
		},
		{
			name:   "CRLF line endings",
			src:    "# Title\r\n\r\nFirst *line*\r\nsecond line\r\n",
			blocks: []string{"Title", "First line second line"},
			masks:  []string{"markup: #", "markup: *", "markup: *"},
		},
		{
			name:   "setext headings and thematic breaks",
			src:    "Big news\n===\n\nSome text\n\n***\n\nMore text\n",
			blocks: []string{"Big news", "Some text", "More text"},
			masks:  []string{"markup: ===", "markup: ***"},
		},
		{
			name:   "HTML blocks",
			src:    "<div align=\"center\">\nHidden layout\n</div>\n\nVisible text.\n",
			blocks: []string{"Visible text."},
			masks:  []string{`markup: <div align="center">`, "markup: Hidden layout", "markup: </div>"},
		},
		{
			name:   "strikethrough text is read",
			src:    "Price was ~~$50~~ $40.\n",
			blocks: []string{"Price was $50 $40."},
			masks:  []string{"markup: ~~", "markup: ~~"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := adParse(t, "a.md", tt.src)
			adCheckDoc(t, doc)
			assert.Len(t, doc.Text, len(tt.src), "Markdown keeps the source's length")
			assert.Equal(t, tt.blocks, adBlocks(doc))
			assert.Equal(t, tt.masks, adMasks(doc, MaskMarkup, MaskCode, MaskQuote))
			if tt.placeholders == nil {
				tt.placeholders = []string{}
			}
			assert.Equal(t, tt.placeholders, adPlaceholders(doc))
			for i := range tt.src { // the map is the identity
				s, exact := doc.SourceSpan(Span{i, i + 1})
				require.True(t, exact)
				require.Equal(t, Span{i, i + 1}, s)
			}
		})
	}
}

func TestMarkdownFixture(t *testing.T) {
	src := adFixtures(t, ".md")["../testdata/formats/cold-intro.md"]
	doc, err := Parse("cold-intro.md", src, ParseOptions{})
	require.NoError(t, err)
	adCheckDoc(t, doc)
	assert.Equal(t, "A teardown of your pricing page", doc.Meta.Subject)
	assert.Equal(t, 1, doc.Meta.Step)
	assert.Equal(t, []string{
		"I read your post on usage-based pricing and sketched a two-page teardown of your page. It is yours to keep, no call needed.",
		"What is inside",
		"Three headline tests worth running this quarter",
		"A benchmark of *|COMPANY|* against five peers",
		"One quick win for the annual plan toggle",
		"Want me to send the PDF over?",
	}, adBlocks(doc))
	assert.Equal(t, []string{"*|COMPANY|*"}, adPlaceholders(doc))
	assert.Equal(t, []string{
		"code: /pricing",
		"quote: > From the thread: loved your talk at the ops meetup.",
	}, adMasks(doc, MaskCode, MaskQuote))
	for _, w := range []string{"usage-based", "teardown", "*|COMPANY|*", "PDF"} {
		got, exact := adSourceOf(t, doc, w)
		assert.True(t, exact)
		assert.Equal(t, w, got)
	}
}

// TestAdaptersConcurrent parses every fixture from several goroutines: the
// goldmark parser and the RFC 2047 decoder are shared (run with -race).
func TestAdaptersConcurrent(t *testing.T) {
	fx := map[string][]byte{}
	for _, ext := range []string{".md", ".html", ".eml"} {
		maps.Copy(fx, adFixtures(t, ext))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for path, src := range fx {
				doc, err := Parse(path, src, ParseOptions{})
				if assert.NoError(t, err) {
					assert.NotEmpty(t, doc.Blocks)
				}
			}
		})
	}
	wg.Wait()
}

func FuzzMarkdown(f *testing.F) {
	for _, b := range adFixtures(f, ".md") {
		f.Add(b)
	}
	f.Add([]byte("*|A|* [x](<y> 'z') ![i](j)\n> q\n\n```\nc\n```\n| a |\n|---|\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("f.md", src, ParseOptions{})
		if err != nil {
			return
		}
		adCheckDoc(t, doc)
		if len(doc.Text) != len(src) {
			t.Fatalf("text is %d bytes, source %d", len(doc.Text), len(src))
		}
	})
}

// adEmailWords builds a 200-word outreach body, paragraph by paragraph.
func adEmailWords() []string {
	sentences := []string{
		"I noticed your team shipped the new onboarding flow last week and the reviews look strong.",
		"We put together a short teardown of the first five screens with three ideas you can test today.",
		"It covers the empty states, the invite step and the pricing hint at the end of the tour.",
		"Teams like yours usually see a lift in activation within two weeks of the second change.",
		"There is nothing to buy and nothing to sign; the notes are yours to keep and share.",
	}
	var paras []string
	words := 0
	for words < 200 {
		p := ""
		for _, s := range sentences {
			if words >= 200 {
				break
			}
			p += s + " "
			words += len(strings.Fields(s))
		}
		paras = append(paras, strings.TrimSpace(p))
	}
	return paras
}

// adBenchEmails returns the same 200-word email as text, Markdown, HTML
// and a quoted-printable .eml, keyed by file name.
func adBenchEmails() map[string]string {
	paras := adEmailWords()
	var md, html, text strings.Builder
	md.WriteString("Hi {{first_name}},\n\n")
	html.WriteString("<div>Hi {{first_name}},</div><div><br></div>")
	text.WriteString("Hi {{first_name}},\n\n")
	for i, p := range paras {
		md.WriteString(strings.Replace(p, "teardown", "[teardown](https://example.com/t)", 1) + "\n\n")
		if i == 1 {
			md.WriteString("- **Empty states** first\n- then the *invite* step\n\n")
		}
		html.WriteString("<p>" + strings.Replace(p, "you can", "you&rsquo;ll <b>really</b>", 1) + "</p>\n")
		text.WriteString(p + "\n\n")
	}
	md.WriteString("Best,\nDana\n")
	html.WriteString("<div>Best,<br>Dana</div>")
	text.WriteString("Best,\nDana\n")
	eml := "From: Dana <dana@example.net>\r\nTo: sam@example.com\r\nSubject: A teardown\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		strings.ReplaceAll(strings.ReplaceAll(text.String(), "week", "we=\r\nek"), "\n", "\r\n")
	return map[string]string{"a.txt": text.String(), "a.md": md.String(), "a.html": html.String(), "a.eml": eml}
}

// BenchmarkParseFormats parses and analyses one 200-word email per format.
func BenchmarkParseFormats(b *testing.B) {
	emails := adBenchEmails()
	for _, path := range []string{"a.txt", "a.md", "a.html", "a.eml"} {
		b.Run(filepath.Ext(path)[1:], func(b *testing.B) {
			src := []byte(emails[path])
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				doc, err := Parse(path, src, ParseOptions{})
				if err != nil {
					b.Fatal(err)
				}
				Analyze(doc, nil)
			}
		})
	}
}

// BenchmarkAdapters runs the format adapters alone on the same email.
func BenchmarkAdapters(b *testing.B) {
	emails := adBenchEmails()
	adapters := []struct {
		name  string
		path  string
		adapt func(src []byte) error
	}{
		{"md", "a.md", func(src []byte) error { _, err := adaptMarkdown(slices.Clone(src), nil); return err }},
		{"html", "a.html", func(src []byte) error { adaptHTML(slices.Clone(src)); return nil }},
		{"eml", "a.eml", func(src []byte) error { _, err := adaptEmail(src, nil); return err }},
	}
	for _, a := range adapters {
		b.Run(a.name, func(b *testing.B) {
			src := []byte(emails[a.path])
			b.ReportAllocs()
			for b.Loop() {
				if err := a.adapt(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Markdown nested past the limits is refused with its line, at once,
// rather than handed to a parser whose time grows with the square of the
// nesting; real templates parse as before.
func TestMarkdownNestingLimits(t *testing.T) {
	refused := []struct {
		name, src string
		line      int
	}{
		{"quotes on one line", "Hi,\n\n" + strings.Repeat("> ", 50_000) + "x\n", 3},
		{"list markers on one line", "Hi,\n\n" + strings.Repeat("- ", 40) + "x\n", 3},
		{"deep indentation", "Hi,\n\n" + strings.Repeat(" ", 300) + "- x\n", 3},
		{"unclosed links", "Hi,\n\n" + strings.Repeat("[a](", 20_000) + "\n", 3},
		{"brackets across a paragraph", "Hi,\n\nOne.\n" + strings.Repeat("[x]\n", 1001), 3},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.md", []byte(tt.src), ParseOptions{})
			require.ErrorIs(t, err, ErrTooComplex)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.line, pe.Line)
		})
	}
	accepted := []string{
		"Hi,\n\n" + strings.Repeat("> ", 10) + "a quote ten deep\n",
		"Hi,\n\n- a\n  - b\n    - c\n      - d\n        - e\n",
		"Hi,\n\n" + strings.Repeat("See [the guide](https://acme.io/g) and [First Name]. ", 100) + "\n\n" + strings.Repeat("[x] ", 900),
		"Hi,\n\n* * *\n\n    code, indented\n",
	}
	for _, src := range accepted {
		_, err := Parse("t.md", []byte(src), ParseOptions{})
		assert.NoError(t, err, "%.60q", src)
	}
	// The same limits hold for a Markdown part of an e-mail, with the
	// line counted in the .eml file.
	eml := "Subject: hi\nContent-Type: text/markdown\n\nHi,\n\n" + strings.Repeat("> ", 50) + "x\n"
	_, err := Parse("t.eml", []byte(eml), ParseOptions{})
	require.ErrorIs(t, err, ErrTooComplex)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 6, pe.Line)
}
