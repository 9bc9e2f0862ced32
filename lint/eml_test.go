package lint

import (
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// adCRLF writes lines as a CRLF-terminated message, as mail is sent.
func adCRLF(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

// adWord is a word of the analysed text and the source bytes it maps to.
type adWord struct {
	text, src string
	exact     bool
}

func TestEmailFixtures(t *testing.T) {
	fx := adFixtures(t, ".eml")
	tests := []struct {
		file        string
		subject     string
		subjectSpan string // the raw header value
		inReplyTo   string
		kind        Kind
		blocks      []string
		words       []adWord
		encoded     bool
		escaped     bool // fixes are HTML-escaped
	}{
		{
			file:        "qp-plain.eml",
			subject:     "A checklist for your café launch",
			subjectSpan: "=?UTF-8?Q?A_checklist_for_your_caf=C3=A9_launch?=",
			kind:        KindEmail,
			blocks: []string{
				"I put together a one-page checklist for opening week, with the three things most new cafés forget. It’s free, no strings attached.",
				"Want me to send it?",
			},
			words: []adWord{
				{"things", "thing=\r\ns", true}, // across a soft line break
				{"cafés", "caf=C3=A9s", true},   // encoded bytes
				{"It’s free", "It=E2=80=99s free", true},
				{"\xe2\x80", "=E2=80", true}, // a unit per encoded byte
				{"send it?", "send it?", true},
			},
			encoded: true,
		},
		{
			file:        "alternative.eml",
			subject:     "Re: the pricing  teardown",
			subjectSpan: "Re: the pricing\r\n  teardown",
			inReplyTo:   "<abc123@example.com>",
			kind:        KindFollowup,
			blocks:      []string{"Attached the plaintext notes on your pricing tiers.", "Dana"},
			words:       []adWord{{"plaintext notes", "plaintext notes", true}},
		},
		{
			file:        "html-only.eml",
			subject:     "Benchmark for Northwind",
			subjectSpan: "Benchmark for Northwind",
			kind:        KindEmail,
			blocks:      []string{"Here’s the benchmark we built for teams like yours & it’s free."},
			words: []adWord{
				{"Here’s", "Here&rsquo;s", true},
				{"teams like", "teams =\r\nlike", true},
				{"yours & it’s", "yours &amp; it=E2=80=99s", true},
			},
			encoded: true,
			escaped: true,
		},
		{
			file:        "base64-mixed.eml",
			subject:     "A video for you",
			subjectSpan: "A video for you",
			kind:        KindEmail,
			blocks:      []string{"I recorded a two-minute video on your onboarding flow.", "Raj"},
			words:       []adWord{{"video", "", false}},
			encoded:     true,
		},
		{
			file:        "latin1.eml",
			subject:     "Your café menu",
			subjectSpan: "Your caf\xe9 menu",
			kind:        KindEmail,
			blocks:      []string{"I reworked the café menu copy for you, no charge.", "René"},
			words:       []adWord{{"café menu", "caf\xe9 menu", true}, {"René", "Ren\xe9", true}},
			encoded:     true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := fx["../testdata/formats/"+tt.file]
			require.Contains(t, string(src), "\r\n", "fixtures keep CRLF line endings")
			doc, err := Parse(tt.file, src, ParseOptions{})
			require.NoError(t, err)
			adCheckDoc(t, doc)
			assert.Equal(t, FormatEmail, doc.Format)
			assert.True(t, doc.Meta.HasSubject)
			assert.Equal(t, tt.subject, doc.Meta.Subject)
			s := doc.Meta.SubjectSpan
			assert.Equal(t, tt.subjectSpan, string(src[s.Start:s.End]))
			assert.Equal(t, tt.inReplyTo, doc.Meta.InReplyTo)
			assert.Equal(t, tt.kind, doc.Kind)
			assert.Equal(t, tt.blocks, adBlocks(doc))
			for _, w := range tt.words {
				got, exact := adSourceOf(t, doc, w.text)
				assert.Equal(t, w.src, got, w.text)
				assert.Equal(t, w.exact, exact, w.text)
			}
			assert.Equal(t, tt.encoded, doc.encoded)
			assert.Equal(t, tt.escaped, doc.escape != nil)
		})
	}
}

func TestEmailBase64IsApproximate(t *testing.T) {
	src := adFixtures(t, ".eml")["../testdata/formats/base64-mixed.eml"]
	doc, err := Parse("base64-mixed.eml", src, ParseOptions{})
	require.NoError(t, err)
	assert.NotContains(t, doc.Text, "attachment text", "attachments are not the message")
	i := strings.Index(doc.Text, "video")
	diags := toSource(doc, []Diagnostic{{Rule: "r", Span: Span{i, i + 5}, Fixes: []Fix{{Edits: []TextEdit{{Span: Span{i, i + 5}, NewText: "clip"}}}}}})
	require.Len(t, diags, 1)
	assert.True(t, diags[0].Approximate)
	bodyStart := strings.Index(string(src), "SGk")
	assert.Equal(t, Span{bodyStart, bodyStart}, diags[0].Span, "an opaque part maps to its start")
	assert.Empty(t, diags[0].Fixes, "fixes cannot be written into base64")
}

func TestEmailBodies(t *testing.T) {
	head := func(ct string, extra ...string) []string {
		return append([]string{"From: a@example.com", "To: b@example.com", "Subject: Hello", "Content-Type: " + ct}, extra...)
	}
	tests := []struct {
		name   string
		src    string
		blocks []string
		words  []adWord
	}{
		{
			name:   "no Content-Type is US-ASCII text",
			src:    adCRLF("From: a@example.com", "Subject: Hi", "", "A short note for you."),
			blocks: []string{"A short note for you."},
			words:  []adWord{{"short note", "short note", true}},
		},
		{
			name:   "LF line endings work too",
			src:    "From: a@example.com\nSubject: Hi\n\nOne line.\n\nAnother.\n",
			blocks: []string{"One line.", "Another."},
		},
		{
			name: "quoted-printable padding, lower-case hex and stray equals signs",
			src: adCRLF(append(head("text/plain; charset=utf-8", "Content-Transfer-Encoding: Quoted-Printable"), "",
				"Save 2=3D3 on na=c3=afve pric=  ", "ing, a = sign stays.=")...),
			blocks: []string{"Save 2=3 on naïve pricing, a = sign stays."},
			words: []adWord{
				{"2=3", "2=3D3", true},
				{"naïve", "na=c3=afve", true},
				{"pricing", "pric=  \r\ning", true},
				{"a = sign", "a = sign", true},
			},
		},
		{
			name: "nested multipart picks the plain part",
			src: adCRLF(append(head(`multipart/mixed; boundary="out"`), "",
				"--out",
				`Content-Type: multipart/alternative; boundary="in"`,
				"",
				"--in",
				"Content-Type: text/html",
				"",
				"<p>HTML version</p>",
				"--in",
				"Content-Type: text/plain; charset=\"us-ascii\"",
				"",
				"Plain version.",
				"--in--",
				"--out",
				"Content-Type: application/pdf",
				"Content-Transfer-Encoding: base64",
				"",
				"JVBERi0xLjQK",
				"--out--")...),
			blocks: []string{"Plain version."},
			words:  []adWord{{"Plain version.", "Plain version.", true}},
		},
		{
			name: "an unclosed multipart runs to the end; a longer boundary is not ours",
			src: adCRLF(append(head("multipart/alternative; boundary=b"), "",
				"--b",
				"Content-Type: text/plain",
				"",
				"Line one.",
				"--bb is not a boundary.")...),
			blocks: []string{"Line one. --bb is not a boundary."},
		},
		{
			name: "a Markdown part",
			src: adCRLF(append(head("multipart/alternative; boundary=b"), "",
				"--b", "Content-Type: text/html", "", "<p>html</p>",
				"--b", "Content-Type: text/markdown; charset=utf-8", "", "Read **this** part.",
				"--b--")...),
			blocks: []string{"Read this part."},
			words:  []adWord{{"this", "this", true}},
		},
		{
			name:   "mbox From line and a BOM",
			src:    "\ufeffFrom a@example.com Mon Mar  3 10:00:00 2025\r\n" + adCRLF("From: a@example.com", "Subject: Hi", "", "Body text."),
			blocks: []string{"Body text."},
		},
		{
			name:   "a header value folded onto the next line",
			src:    adCRLF("From: a@example.com", "Subject:", " Folded subject", "", "Body."),
			blocks: []string{"Body."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := adParse(t, "m.eml", tt.src)
			adCheckDoc(t, doc)
			assert.Equal(t, tt.blocks, adBlocks(doc))
			for _, w := range tt.words {
				got, exact := adSourceOf(t, doc, w.text)
				assert.Equal(t, w.src, got, w.text)
				assert.Equal(t, w.exact, exact, w.text)
			}
		})
	}
}

func TestEmailFoldedSubject(t *testing.T) {
	src := adCRLF("From: a@example.com", "Subject:", " =?iso-8859-1?q?Caf=E9?= =?windows-1252?q?_=93news=94?=", "", "Body.")
	doc := adParse(t, "m.eml", src)
	assert.Equal(t, "Café “news”", doc.Meta.Subject)
	s := doc.Meta.SubjectSpan
	assert.Equal(t, "=?iso-8859-1?q?Caf=E9?= =?windows-1252?q?_=93news=94?=", src[s.Start:s.End])
}

func TestEmailErrors(t *testing.T) {
	head := func(ct string, extra ...string) []string {
		return append([]string{"From: a@example.com", "Subject: Hello", "Content-Type: " + ct}, extra...)
	}
	tests := []struct {
		name      string
		src       string
		is        error
		msg       string
		line, col int // 0 when the error has no location
	}{
		{"unsupported charset", adCRLF(append(head("text/plain; charset=koi8-r"), "", "Body")...),
			nil, `unsupported charset "koi8-r"`, 3, 15},
		{"invalid UTF-8 in the body", adCRLF(append(head("text/plain; charset=utf-8"), "", "ok", "bad \xff byte")...),
			ErrInvalidUTF8, "invalid UTF-8 in the text/plain part", 6, 5},
		{"invalid UTF-8 once decoded", adCRLF(append(head("text/plain", "Content-Transfer-Encoding: quoted-printable"), "", "bad =FF byte")...),
			ErrInvalidUTF8, "invalid UTF-8", 6, 5},
		{"NUL once decoded", adCRLF(append(head("text/plain", "Content-Transfer-Encoding: base64"), "", "AAAA")...),
			ErrBinary, "decodes to NUL bytes", 6, 1},
		{"bad base64", adCRLF(append(head("text/plain", "Content-Transfer-Encoding: base64"), "", "not*base64")...),
			nil, "base64 body: illegal base64 data", 6, 1},
		{"unknown transfer encoding", adCRLF(append(head("text/plain", "Content-Transfer-Encoding: x-uuencode"), "", "x")...),
			nil, `unsupported Content-Transfer-Encoding "x-uuencode"`, 4, 28},
		{"malformed header", adCRLF("From: a@example.com", "this is not a header", "", "Body"),
			nil, `malformed header line "this is not a header"`, 2, 1},
		{"part opening with a continued line", adCRLF(append(head("multipart/mixed; boundary=b"), "", "--b", " x: y", "", "Body")...),
			nil, "header section starts with a continued line", 6, 1},
		{"multipart without boundary", adCRLF(append(head("multipart/alternative"), "", "Body")...),
			nil, "multipart/alternative without a boundary parameter", 3, 15},
		{"multipart without boundary lines", adCRLF(append(head("multipart/mixed; boundary=zz"), "", "Body")...),
			nil, "multipart/mixed body has no --zz boundary line", 5, 1},
		{"no text part", adCRLF(append(head("application/pdf"), "", "JVBERi0=")...),
			nil, "no text/plain or text/html part to lint", 0, 0},
		{"bad Content-Type", adCRLF(append(head("/;;"), "", "x")...),
			nil, "Content-Type: mime: no media type", 3, 15},
		{"empty file", "", nil, "no header fields: not an email message", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("m.eml", []byte(tt.src), ParseOptions{})
			assert.Nil(t, doc)
			require.Error(t, err)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.Contains(t, err.Error(), tt.msg)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.line, pe.Line, "line")
			assert.Equal(t, tt.col, pe.Col, "column")
		})
	}
}

func TestEmailDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: a@example.com\r\nSubject: x\r\n")
	for i := range maxMultipartDepth + 2 {
		fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=L%d\r\n\r\n--L%d\r\n", i, i)
	}
	_, err := Parse("m.eml", []byte(b.String()), ParseOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested more than 16 deep")
}

func TestEmailHTMLFixEscaping(t *testing.T) {
	src := adCRLF("From: a@example.com", "Subject: Hi", "Content-Type: text/html; charset=utf-8", "", "<p>Tea &amp; cake</p>")
	doc := adParse(t, "m.eml", src)
	i := strings.Index(doc.Text, "&")
	e, ok := doc.sourceEdit(TextEdit{Span: Span{i, i + 1}, NewText: "& more"})
	require.True(t, ok, "7bit HTML can take fixes")
	assert.Equal(t, html.EscapeString("& more"), e.NewText)
	assert.Equal(t, "&amp;", src[e.Span.Start:e.Span.End])
}

func TestLooksLikeHeaders(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"message", "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nBody", true},
		{"received chain with folding", "Received: from x\n\tby y\nMessage-ID: <1@x>\n\nBody", true},
		{"mbox", "From a@example.com Mon Mar  3 10:00:00 2025\nFrom: a@x\nDate: Mon, 3 Mar 2025\n\nBody", true},
		{"lone subject line is a draft", "Subject: Quick question\n\nHi Sam,", false},
		{"unknown fields", "Note: this\nTodo: that\n\nBody", false},
		{"no blank line", "From: a@example.com\nTo: b@example.com", false},
		{"prose after a field", "From: a@example.com\nHi Sam, a note\n\nBody", false},
		{"plain text", "Hi Sam,\n\nA note.", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, looksLikeHeaders([]byte(tt.src)))
		})
	}
	assert.Equal(t, FormatEmail, DetectFormat("inbox/1234", []byte(tests[0].src)))
	assert.Equal(t, FormatText, DetectFormat("draft", []byte(tests[3].src)))
}

func FuzzEML(f *testing.F) {
	for _, b := range adFixtures(f, ".eml") {
		f.Add(b)
	}
	f.Add([]byte("From: a\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=latin1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>caf=E9=\r\n &amp;</p>\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("f.eml", src, ParseOptions{})
		if err != nil {
			return
		}
		adCheckDoc(t, doc)
		if s := doc.Meta.SubjectSpan; s.Start < 0 || s.Start > s.End || s.End > len(src) {
			t.Fatalf("subject span %v outside the source", s)
		}
	})
}
