package lint

import (
	"errors"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fuzzSeeds are short messages that reach most branches of the prose pass.
var fuzzSeeds = []string{
	"Subject: A guide for {{company}}\n\nHi {{first_name}},\n\nWe cut churn 40% for Acme (see acme.io/guide). Worth a 15-minute chat?\n\nBest,\nSam\n\nP.S. It's free.\n",
	"Dear Mrs. Lee:\r\n\r\n- one\r\n- two\r\n\r\nThanks!\r\n",
	"Sam,\rQuick question, are you the right person?\r\r-- \rLee",
	"Hi [First Name] 👋🏽,\nI saw %COMPANY%'s post… Mr. J. Smith said e.g. U.S. teams \"love it.\"\n\nOn Mon, Lee wrote:\n> hi\n",
	"{% if x %}Hello *|FNAME|*{% endif %} ${name} {!Contact.FirstName} {{#each a}}{{/each}}",
	"\ufeffHello there!\n\nTo unsubscribe, click here.",
	"1. {{a\n\nb}}\n2) [x](y) [1] {\"a\": 1}",
	"{{a\n- b}} {{c\n \nd}}",
}

// checkDocument asserts the invariants every parsed and analysed document
// keeps, whatever the input.
func checkDocument(t *testing.T, doc *Document, a *Analysis) {
	t.Helper()
	// Every token lies in a sentence, so the sentences' word counts add up
	// to the document's, and each sentence counts its own tokens.
	words := 0
	for i, s := range a.Sentences {
		w := 0
		for _, tok := range a.SentenceTokens(i) {
			if tok.IsWord() {
				w++
			}
		}
		if w != s.Words {
			t.Fatalf("sentence %d counts %d words, has %d", i, s.Words, w)
		}
		words += w
	}
	all := 0
	for _, tok := range a.Tokens {
		if tok.IsWord() {
			all++
		}
	}
	if all != words || a.WordCount() != all {
		t.Fatalf("%d words in tokens, %d in sentences, WordCount %d", all, words, a.WordCount())
	}
	n := len(doc.Text)
	if doc.Format == FormatText && n != len(doc.Source) {
		t.Fatalf("text has %d bytes, source %d", n, len(doc.Source))
	}
	inText := func(what string, s Span) {
		if s.Start < 0 || s.End < s.Start || s.End > n {
			t.Fatalf("%s %v outside text of %d bytes", what, s, n)
		}
		src, _ := doc.SourceSpan(s)
		if src.Start < 0 || src.End < src.Start || src.End > len(doc.Source) {
			t.Fatalf("%s %v maps to %v outside source of %d bytes", what, s, src, len(doc.Source))
		}
		doc.Position(src.Start)
	}
	for _, m := range doc.Masks {
		inText("mask", m.Span)
	}
	last := 0
	for _, b := range doc.Blocks {
		inText("block", b)
		if b.Start < last || b.Len() == 0 || isSpaceByte(doc.Text[b.Start]) || isSpaceByte(doc.Text[b.End-1]) {
			t.Fatalf("block %v (after %d) is empty, overlaps or is untrimmed: %q", b, last, doc.TextOf(b))
		}
		last = b.End
	}
	blockOf := func(s Span) int {
		for i, b := range doc.Blocks {
			if s.Start >= b.Start && s.End <= b.End {
				return i
			}
		}
		return -1
	}
	last = 0
	for _, p := range doc.Placeholders {
		inText("placeholder", p.Span)
		if p.Span.Start < last || p.Span.Len() == 0 || blockOf(p.Span) < 0 {
			t.Fatalf("placeholder %v (after %d) is empty, overlaps or crosses a block: %q", p.Span, last, doc.TextOf(p.Span))
		}
		last = p.Span.End
	}
	last = 0
	for i, tok := range a.Tokens {
		inText("token", tok.Span)
		if tok.Span.Start < last || tok.Span.Len() == 0 || tok.Text != doc.Text[tok.Span.Start:tok.Span.End] {
			t.Fatalf("token %d %v %q (after %d) is empty or overlaps", i, tok.Span, tok.Text, last)
		}
		last = tok.Span.End
	}
	next := 0
	for i, s := range a.Sentences {
		if s.First != next || s.End <= s.First || s.End > len(a.Tokens) {
			t.Fatalf("sentence %d holds tokens [%d, %d), want to start at %d of %d", i, s.First, s.End, next, len(a.Tokens))
		}
		next = s.End
		if s.Span != (Span{a.Tokens[s.First].Span.Start, a.Tokens[s.End-1].Span.End}) {
			t.Fatalf("sentence %d span %v does not match its tokens", i, s.Span)
		}
		if s.Block < 0 || s.Block >= len(doc.Blocks) {
			t.Fatalf("sentence %d in block %d of %d", i, s.Block, len(doc.Blocks))
		}
		b := doc.Blocks[s.Block]
		if s.Span.Start < b.Start || s.Span.End > b.End {
			t.Fatalf("sentence %d %v crosses its block %v", i, s.Span, b)
		}
	}
	if next != len(a.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(a.Tokens))
	}
	// Between tokens inside a block there is only white space.
	ti := 0
	for _, b := range doc.Blocks {
		for o := b.Start; o < b.End; {
			for ti < len(a.Tokens) && a.Tokens[ti].Span.End <= o {
				ti++
			}
			if ti < len(a.Tokens) && a.Tokens[ti].Span.Start <= o {
				o = a.Tokens[ti].Span.End
				continue
			}
			r, size := utf8.DecodeRuneInString(doc.Text[o:])
			if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
				t.Fatalf("byte %d (%q) of block %v is in no token", o, r, b)
			}
			o += size
		}
	}
}

func fuzzParse(t *testing.T, src string, opts ParseOptions) {
	doc, err := Parse("fuzz.txt", []byte(src), opts)
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError", err)
		}
		if pe.Line < 0 || pe.Line > NewLineIndex([]byte(src)).Lines() || (pe.Line > 0 && pe.Col < 1) {
			t.Fatalf("error %v at an impossible place", err)
		}
		return
	}
	checkDocument(t, doc, Analyze(doc, nil))
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
	}
	f.Add("Hi <<first_name>>, about <<co\n\nx>>", true)
	f.Fuzz(func(t *testing.T, src string, extra bool) {
		opts := ParseOptions{}
		if extra {
			opts.Placeholders = []string{`\s*<<[^>]*>>\s*`, `#\w+#`, `\.[a-z]{3,}`}
		}
		fuzzParse(t, src, opts)
	})
}

func FuzzParseFrontMatter(f *testing.F) {
	f.Add("kind: followup\nstep: 2\nsubject: Hi", fuzzSeeds[0])
	f.Add("step: two", "Body.")
	f.Add("subject: [unclosed", "Body.")
	f.Add("- a\n- b", "Body.")
	f.Add("kind: voicemail\r\nowner: sam", "Hi,\r\nCall me back.\r\n")
	f.Fuzz(func(t *testing.T, matter, body string) {
		fuzzParse(t, "---\n"+matter+"\n---\n"+body, ParseOptions{})
	})
}

func FuzzTags(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("we don't lose; they lose xD O_o -LRB- * 0 @sam e.g. 日本 ¯\\_(ツ)_/¯")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Parse("fuzz.txt", []byte(src), ParseOptions{})
		if err != nil {
			return
		}
		a := Analyze(doc, NewTagger(0))
		for i := range a.Sentences[:min(len(a.Sentences), 8)] {
			tags := a.Tags(i)
			if len(tags) != len(a.SentenceTokens(i)) {
				t.Fatalf("sentence %d: %d tags for %d tokens", i, len(tags), len(a.SentenceTokens(i)))
			}
			for j, tag := range tags {
				if tag == "" {
					t.Fatalf("token %q of sentence %q has no tag", a.SentenceTokens(i)[j].Text, doc.TextOf(a.Sentences[i].Span))
				}
			}
		}
	})
}

func FuzzLineSpans(f *testing.F) {
	for _, s := range []string{"", "a\nb", "a\r\nb\r\n", "\r\r\n\n", "x\ry"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// lineSpans (the prose pass) and LineIndex (positions) must agree
		// on where every line is, for strings and bytes alike.
		x := NewLineIndex([]byte(text))
		got, gotBytes := lineSpans(text), lineSpans([]byte(text))
		if len(got) != x.Lines() || len(gotBytes) != x.Lines() {
			t.Fatalf("%d and %d lines, LineIndex has %d", len(got), len(gotBytes), x.Lines())
		}
		for i := range got {
			if got[i] != x.LineSpan(i) || gotBytes[i] != got[i] {
				t.Fatalf("line %d: %v and %v, LineIndex says %v", i, got[i], gotBytes[i], x.LineSpan(i))
			}
		}
	})
}
