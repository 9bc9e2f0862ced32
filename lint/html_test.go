package lint

import (
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHTMLAdapter(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		blocks []string
		masks  []string // code, quote and signature masks
	}{
		{
			name:   "paragraphs and entities",
			src:    "<p>Our R&amp;D team&rsquo;s notes</p><p>Second&nbsp;paragraph &lt;3</p>",
			blocks: []string{"Our R&D team’s notes", "Second paragraph <3"},
		},
		{
			name:   "Gmail writes a div per line and an empty div for a blank line",
			src:    "<div>First line</div><div>second line</div><div><br></div><div>Next para</div>",
			blocks: []string{"First line second line", "Next para"},
		},
		{
			name:   "line breaks inside a text run render as spaces",
			src:    "<p>one\ntwo\r\n\tthree</p>\r\n<p>four<br>five</p>",
			blocks: []string{"one two three", "four five"},
		},
		{
			name: "hidden elements are dropped",
			src: "<head><title>T</title><style>p{color:red}</style></head><body><script>x()</script>" +
				"<p>Shown</p><noscript>no</noscript><template><p>tpl</p></template></body>",
			blocks: []string{"Shown"},
		},
		{
			name:   "a head nobody closed ends at the body",
			src:    "<html><head><title>T</title><body><p>Body text</p>",
			blocks: []string{"Body text"},
		},
		{
			name:   "pre and code are code",
			src:    "<p>Run <code>make</code> now</p><pre>a\n  b</pre>",
			blocks: []string{"Run now"},
			masks:  []string{"code: make", "code: a\n  b"},
		},
		{
			name: "quoted replies",
			src: "<p>My note.</p><blockquote>Their words.</blockquote><div class=\"gmail_quote\">Earlier: old</div>" +
				"<div class=\"yahoo_quoted\">older</div>",
			blocks: []string{"My note."},
			masks:  []string{"quote: Their words.", "quote: Earlier: old", "quote: older"},
		},
		{
			name:   "a Gmail signature with nested divs ends where its div does",
			src:    "<p>My note.</p><div class=\"gmail_signature\"><div>Sam</div><div>CEO</div></div><p>P.S. one more idea</p>",
			blocks: []string{"My note.", "P.S. one more idea"},
			masks:  []string{"signature: Sam</div><div>CEO</div>"},
		},
		{
			name:   "lists and table cells",
			src:    "<ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table>",
			blocks: []string{"One", "Two", "A B"},
		},
		{
			name:   "malformed markup",
			src:    "<P>Open <b>bold <i>both</P><div>tail &amp",
			blocks: []string{"Open bold both", "tail &"},
		},
		{
			name:   "unknown and legacy entities",
			src:    "<p>&bogus; &amp &copy2024 &#x41;&#66 & done</p>",
			blocks: []string{"&bogus; & ©2024 AB & done"},
		},
		{
			name:   "text without tags",
			src:    "Just words, no tags.",
			blocks: []string{"Just words, no tags."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := adParse(t, "a.html", tt.src)
			adCheckDoc(t, doc)
			assert.Equal(t, tt.blocks, adBlocks(doc))
			if tt.masks == nil {
				tt.masks = []string{}
			}
			assert.Equal(t, tt.masks, adMasks(doc, MaskCode, MaskQuote, MaskSignature))
		})
	}
}

func TestHTMLSourceSpans(t *testing.T) {
	doc := adParse(t, "a.html", "<p>Our R&amp;D team&rsquo;s notes,\r\n  with&nbsp;care</p>")
	tests := []struct {
		word, src string
		exact     bool
	}{
		{"R&D", "R&amp;D", true},
		{"team’s", "team&rsquo;s", true},
		{"’", "&rsquo;", true},
		{"notes,  ", "notes,\r\n", true},
		{"with care", "with&nbsp;care", true},
		{"\xe2", "&rsquo;", false}, // part of a decoded unit widens to all of it
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, exact := adSourceOf(t, doc, tt.word)
			assert.Equal(t, tt.src, got)
			assert.Equal(t, tt.exact, exact)
		})
	}
	// Fixes are written back HTML-escaped over the entity-encoded bytes.
	i := strings.Index(doc.Text, "R&D")
	e, ok := doc.sourceEdit(TextEdit{Span: Span{i, i + 3}, NewText: "R&D <now>"})
	require.True(t, ok)
	assert.Equal(t, "R&amp;D &lt;now&gt;", e.NewText)
	assert.Equal(t, "R&amp;D", string(doc.Source[e.Span.Start:e.Span.End]))
}

func TestHTMLFixtures(t *testing.T) {
	fx := adFixtures(t, ".html")
	t.Run("gmail follow-up", func(t *testing.T) {
		doc, err := Parse("gmail-followup.html", fx["../testdata/formats/gmail-followup.html"], ParseOptions{})
		require.NoError(t, err)
		adCheckDoc(t, doc)
		assert.Equal(t, []string{
			"Following up on the onboarding checklist I sent last week – I added a section on SSO rollout, since your team mentioned Okta. It’s a 5 minute read & free to share.",
			"Would a short walkthrough help?",
		}, adBlocks(doc))
		assert.Contains(t, adMasks(doc, MaskSignature), "signature: Marco Reyes<br>Solutions, Northwind")
		quotes := adMasks(doc, MaskQuote)
		require.Len(t, quotes, 1)
		assert.True(t, strings.HasPrefix(quotes[0], "quote: On Tue, Mar 4"), quotes[0])
		assert.True(t, strings.HasSuffix(quotes[0], "Sounds good, send it over.</blockquote>"), quotes[0])
		got, exact := adSourceOf(t, doc, "It’s a 5 minute read & free")
		assert.True(t, exact)
		assert.Equal(t, "It&rsquo;s a 5&nbsp;minute read &amp; free", got)
	})
	t.Run("newsletter layout", func(t *testing.T) {
		doc, err := Parse("newsletter-style.html", fx["../testdata/formats/newsletter-style.html"], ParseOptions{})
		require.NoError(t, err)
		adCheckDoc(t, doc)
		blocks := adBlocks(doc)
		assert.Equal(t, []string{
			"Your benchmark report is ready",
			"Hi {{first_name}},",
			"We compared {{company}} with 40 teams of a similar size.",
			"Median time to first reply: 3.2 hours",
			"Best-in-class: under 45 minutes",
			"The full sheet is attached. Run it yourself with .",
			"Plan Price",
			"Starter Free",
		}, blocks)
		assert.NotContains(t, doc.Text, "track")
		assert.NotContains(t, doc.Text, "margin")
		assert.Equal(t, []string{"{{first_name}}", "{{company}}"}, adPlaceholders(doc))
	})
}

func TestHTMLEscape(t *testing.T) {
	doc := adParse(t, "a.html", "<p>Hi</p>")
	require.NotNil(t, doc.escape)
	assert.Equal(t, html.EscapeString(`a<b & "c"`), doc.escape(`a<b & "c"`))
}

func FuzzHTML(f *testing.F) {
	for _, b := range adFixtures(f, ".html") {
		f.Add(b)
	}
	f.Add([]byte("<div class=gmail_quote><blockquote><div>x</div></blockquote></div><pre>&amp\r\n</pre>&#x;&#99999999;"))
	f.Add([]byte("<head><title>t</title><body><p>a&nbsp;b<br/></p><div class=\"gmail_signature\"><div>s"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("f.html", src, ParseOptions{})
		if err != nil {
			return
		}
		adCheckDoc(t, doc)
	})
}
