package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analyse parses text as the body of a plain-text message. Callers put a
// "Hello." greeting first (masked, so it yields no tokens) to keep the line
// under test out of greeting detection.
func analyse(t testing.TB, text string) *Analysis {
	t.Helper()
	doc, err := Parse("a.txt", []byte(text), ParseOptions{})
	require.NoError(t, err)
	return Analyze(doc, nil)
}

// tokensOf renders tokens as "kind:text".
func tokensOf(a *Analysis) []string {
	out := make([]string, 0, len(a.Tokens))
	for _, t := range a.Tokens {
		out = append(out, t.Kind.String()+":"+t.Text)
	}
	return out
}

func sentencesOf(a *Analysis) []string {
	out := make([]string, 0, len(a.Sentences))
	for _, s := range a.Sentences {
		out = append(out, a.Doc.TextOf(s.Span))
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"contractions", "We don't, can’t; won't",
			[]string{"word:We", "word:don't", "punct:,", "word:can’t", "punct:;", "word:won't"}},
		{"possessives", "Sam's team’s",
			[]string{"word:Sam's", "word:team’s"}},
		{"leading and trailing apostrophes are punctuation", "'tis the guys' plan",
			[]string{"punct:'", "word:tis", "word:the", "word:guys", "punct:'", "word:plan"}},
		{"hyphens and ampersands join words", "a follow-up on state-of-the-art R&D",
			[]string{"word:a", "word:follow-up", "word:on", "word:state-of-the-art", "word:R&D"}},
		{"dangling hyphen", "pre- and post-sale",
			[]string{"word:pre", "punct:-", "word:and", "word:post-sale"}},
		{"percent", "40% more", []string{"number:40%", "word:more"}},
		{"currency", "$900 or €1,000.50 or £5", []string{"number:$900", "word:or", "number:€1,000.50", "word:or", "number:£5"}},
		{"dollar alone", "$ and $x", []string{"punct:$", "word:and", "punct:$", "word:x"}},
		{"decimals and thousands", "3.5 and 1,000 users", []string{"number:3.5", "word:and", "number:1,000", "word:users"}},
		{"number then comma", "in 2026, we", []string{"word:in", "number:2026", "punct:,", "word:we"}},
		{"number with a unit", "a 15-minute call at 10am or 2:30pm", []string{"word:a", "number:15-minute", "word:call", "word:at", "number:10am", "word:or", "number:2:30pm"}},
		{"fractions and ranks", "24/7 and #1", []string{"number:24/7", "word:and", "number:#1"}},
		{"sentence end after a number", "It costs 5.", []string{"word:It", "word:costs", "number:5", "punct:."}},
		{"URL with trailing punctuation", "See https://acme.io/guide).", []string{"word:See", "url:https://acme.io/guide", "punct:)", "punct:."}},
		{"URL with a query", "(https://a.io/b?c=d&e=f), ok", []string{"punct:(", "url:https://a.io/b?c=d&e=f", "punct:)", "punct:,", "word:ok"}},
		{"www URL", "at www.acme.io/x.", []string{"word:at", "url:www.acme.io/x", "punct:."}},
		{"URL stops at a quote", `"https://acme.io"`, []string{`punct:"`, "url:https://acme.io", `punct:"`}},
		{"e-mail address", "Mail sam@acme.co.uk.", []string{"word:Mail", "email:sam@acme.co.uk", "punct:."}},
		{"e-mail address with a dotted local part", "Mail sam.lee@acme.io or a.b.c@x.io", []string{"word:Mail", "email:sam.lee@acme.io", "word:or", "email:a.b.c@x.io"}},
		{"e-mail address with dashes and underscores", "first-last@acme.io first_last@acme.io", []string{"email:first-last@acme.io", "email:first_last@acme.io"}},
		{"at sign without a domain", "ping @sam or me@home", []string{"word:ping", "punct:@", "word:sam", "word:or", "word:me", "punct:@", "word:home"}},
		{"bare domain", "Visit acme.io.", []string{"word:Visit", "url:acme.io", "punct:."}},
		{"bare domain with a path", "acme.com/guide!", []string{"url:acme.com/guide", "punct:!"}},
		{"unknown ending is not a domain", "see file.txt", []string{"word:see", "word:file", "punct:.", "word:txt"}},
		{"dotted abbreviations", "e.g. i.e. U.S.A. teams", []string{"word:e.g.", "word:i.e.", "word:U.S.A.", "word:teams"}},
		{"emoji with a skin tone", "Great 👍🏽 work", []string{"word:Great", "symbol:👍🏽", "word:work"}},
		{"ZWJ sequence", "👩‍💻 and 👨‍👩‍👧", []string{"symbol:👩‍💻", "word:and", "symbol:👨‍👩‍👧"}},
		{"variation selector", "❤️!", []string{"symbol:❤️", "punct:!"}},
		{"flag", "🇺🇸 team", []string{"symbol:🇺🇸", "word:team"}},
		{"keycap", "1️⃣ first", []string{"number:1️⃣", "word:first"}},
		{"combining marks stay in the word", "cafe\u0301 naïve", []string{"word:cafe\u0301", "word:naïve"}},
		{"CJK", "日本語です。", []string{"word:日本語です", "punct:。"}},
		{"dashes", "so -- and — or ---", []string{"word:so", "punct:--", "word:and", "punct:—", "word:or", "punct:---"}},
		{"terminator runs", "What?! Wait... ok…", []string{"word:What", "punct:?!", "word:Wait", "punct:...", "word:ok", "punct:…"}},
		{"unicode spaces and zero-width space are skipped", "a\u00a0b\u200bc\u2003d", []string{"word:a", "word:b", "word:c", "word:d"}},
		{"underscores", "x_y _z", []string{"word:x_y", "word:_z"}},
		{"placeholder", "for {{company}} now", []string{"word:for", "placeholder:{{company}}", "word:now"}},
		{"possessive placeholder", "{{company}}'s and [Company]’s team", []string{"placeholder:{{company}}'s", "word:and", "placeholder:[Company]’s", "word:team"}},
		{"not a possessive", "{{company}}'sake", []string{"placeholder:{{company}}", "punct:'", "word:sake"}},
		{"control placeholders", "{% if x %}Hi{% endif %} {{#if y}}there{{/if}}", []string{"control:{% if x %}", "word:Hi", "control:{% endif %}", "control:{{#if y}}", "word:there", "control:{{/if}}"}},
		{"control is never possessive", "{{/if}}'s", []string{"control:{{/if}}", "punct:'", "word:s"}},
		{"word glued to a placeholder", "pre{{x}}post", []string{"word:pre", "placeholder:{{x}}", "word:post"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, "Hello.\n"+tt.text)
			assert.Equal(t, tt.want, tokensOf(a))
		})
	}
}

func TestTokenizeExtraPlaceholders(t *testing.T) {
	// A user pattern may start with a character a word swallows; the word
	// stops where the placeholder starts.
	doc, err := Parse("a.txt", []byte("Hello.\nsee e.g.foo and <<name>>'s e.g. list"), ParseOptions{Placeholders: []string{`\.[a-z]{3,}`, `<<\w+>>`}})
	require.NoError(t, err)
	a := Analyze(doc, nil)
	assert.Equal(t, []string{"word:see", "word:e.g", "placeholder:.foo", "word:and", "placeholder:<<name>>'s", "word:e.g.", "word:list"}, tokensOf(a))
}

func TestTokenNorm(t *testing.T) {
	a := analyse(t, "Hello.\nWe’RE at Acme don't")
	var norms []string
	for _, tok := range a.Tokens {
		norms = append(norms, tok.Norm)
	}
	assert.Equal(t, []string{"we're", "at", "acme", "don't"}, norms)
	assert.Equal(t, a.Tokens[1].Text, a.Tokens[1].Norm, "lower-case ASCII is kept as is")
}

func TestTokenIsWordAndWordCount(t *testing.T) {
	a := analyse(t, "Hello.\nWe cut churn 40% for {{company}}, see acme.io 👍 {% if x %}!")
	words := 0
	for _, tok := range a.Tokens {
		if tok.IsWord() {
			words++
		}
	}
	// We cut churn 40% for {{company}} see: URLs, emoji, punctuation and
	// template logic are not words; the greeting is masked.
	assert.Equal(t, 7, a.WordCount())
	assert.Equal(t, words, a.WordCount())
	assert.Equal(t, "?", TokenKind(99).String())
	assert.Equal(t, "placeholder", TokPlaceholder.String())
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "One here. Two there! Three?", []string{"One here.", "Two there!", "Three?"}},
		{"titles", "Mr. Lee met Dr. Ng and Mrs. Ito. Then lunch.", []string{"Mr. Lee met Dr. Ng and Mrs. Ito.", "Then lunch."}},
		{"dotted abbreviations", "Teams in the U.S. like it, e.g. Acme. They grew.", []string{"Teams in the U.S. like it, e.g. Acme.", "They grew."}},
		{"initials", "J. Smith agreed. So did A. B. Cole.", []string{"J. Smith agreed.", "So did A. B. Cole."}},
		{"abbreviations never end a sentence", "It costs 5 vs. 7 in approx. two weeks. Then we ship.", []string{"It costs 5 vs. 7 in approx. two weeks.", "Then we ship."}},
		{"lower case after a full stop continues", "It works. or so we hear. Now go.", []string{"It works. or so we hear.", "Now go."}},
		{"ellipsis before a capital", "We tried... Nothing worked… Then this.", []string{"We tried...", "Nothing worked…", "Then this."}},
		{"ellipsis before lower case", "We tried... and failed.", []string{"We tried... and failed."}},
		{"question and exclamation", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"closing quote after the terminator", `He said "yes." Then left.`, []string{`He said "yes."`, "Then left."}},
		{"closing bracket after the terminator", "(It is free.) Try it.", []string{"(It is free.)", "Try it."}},
		{"typographic quotes", "She wrote “call me!” Today.", []string{"She wrote “call me!”", "Today."}},
		{"spaced quote is not a closer", `Why? "Because."`, []string{"Why?", `"Because."`}},
		{"no terminator", "Worth a chat", []string{"Worth a chat"}},
		{"URL with a dot inside", "Read acme.io/a.b today. Then reply.", []string{"Read acme.io/a.b today.", "Then reply."}},
		{"emoji after the terminator", "Thanks for the chat! 🙏 See you.", []string{"Thanks for the chat!", "🙏 See you."}},
		{"short lines end sentences", "Faster onboarding\nFewer tickets\nBetter reviews", []string{"Faster onboarding", "Fewer tickets", "Better reviews"}},
		{"a long line runs on", "We looked at how your support team handles the first week\nOf every new account", []string{"We looked at how your support team handles the first week\nOf every new account"}},
		{"a lower-case line runs on", "Short line\nand more", []string{"Short line\nand more"}},
		{"a punctuated line end is not a short line", "Here it is,\nRight now", []string{"Here it is,\nRight now"}},
		{"a wrapped line ending in a function word", "My name is Jake from\nAcme Corp", []string{"My name is Jake from\nAcme Corp"}},
		{"blocks are never crossed", "It is the best plan\n\nfor you", []string{"It is the best plan", "for you"}},
		{"a title at a block end", "Ask Dr.\n\nNg now.", []string{"Ask Dr.", "Ng now."}},
		{"list items", "We offer:\n- a guide\n- a call", []string{"We offer:", "a guide", "a call"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, "Hello.\n"+tt.text)
			assert.Equal(t, tt.want, sentencesOf(a))
		})
	}
}

func TestSentenceFlagsAndBlocks(t *testing.T) {
	a := analyse(t, "Hello.\nReally?! Sure! Why?\n\nOk.")
	require.Len(t, a.Sentences, 4, sentencesOf(a))
	type flags struct {
		q, e  bool
		block int
	}
	var got []flags
	for _, s := range a.Sentences {
		got = append(got, flags{s.Question, s.Exclaim, s.Block})
	}
	assert.Equal(t, []flags{{true, true, 0}, {false, true, 0}, {true, false, 0}, {false, false, 1}}, got)
	toks := a.SentenceTokens(2)
	assert.Equal(t, []string{"word:Why", "punct:?"}, tokensOf(&Analysis{Tokens: toks}))
}

func TestAnalyzeEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "Hi Sam,\n\nBest,\nLee"} {
		a := analyse(t, src)
		assert.Empty(t, a.Tokens, "%q", src)
		assert.Empty(t, a.Sentences, "%q", src)
		assert.Zero(t, a.WordCount())
	}
}

func ExampleAnalysis_SentenceTokens() {
	doc, _ := Parse("intro.txt", []byte("Hi Lee,\n\nWe wrote a guide for {{company}}'s team. Want it?\n"), ParseOptions{})
	a := Analyze(doc, nil)
	for i := range a.Sentences {
		var parts []string
		for _, t := range a.SentenceTokens(i) {
			parts = append(parts, fmt.Sprintf("%s(%s)", t.Text, t.Kind))
		}
		fmt.Println(strings.Join(parts, " "))
	}
	// Output:
	// We(word) wrote(word) a(word) guide(word) for(word) {{company}}'s(placeholder) team(word) .(punct)
	// Want(word) it(word) ?(punct)
}

// The eight-at-a-time lower-casing must change exactly the bytes A-Z, at
// every position of a word and in the byte-by-byte tail.
func TestASCIILowerBytes(t *testing.T) {
	for c := range 256 {
		for _, n := range []int{1, 7, 8, 9, 17} {
			in := make([]byte, n)
			for i := range in {
				in[i] = byte(c)
			}
			in[n/2] = 'Q' // a neighbour that does change
			var want []byte
			for _, b := range in {
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				want = append(want, b)
			}
			require.Equal(t, want, asciiLowerBytes(in), "byte %#x, length %d", c, n)
		}
	}
}
