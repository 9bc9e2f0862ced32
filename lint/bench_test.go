package lint

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
)

// Benchmarks run on generated outreach: deterministic (fixed seed), with
// the features that cost something — merge fields, greetings, signatures,
// bullets, emoji, URLs, numbers, CRLF line ends and wrapped lines.
//
//	go test -run '^$' -bench . -benchmem ./lint/
//
// Budgets on a 2-core machine: parse+analyse a 200-word email ≤ 50 µs;
// tagging every sentence of it ≤ 1 ms; a cold model load ≤ 300 ms; 1 MB
// in ≤ 0.5 s, linear in size.

var benchSentences = []string{
	"I noticed {{company}} opened three new support roles this month.",
	"We put together a 2-page checklist for teams scaling past 40 agents.",
	"It covers the five questions ops leads ask before they change tools.",
	"Happy to send it over, no strings attached 🙂",
	"Last quarter we helped Northwind cut first-response time by 38%.",
	"Their team went from 11 hours to 4.5 hours in six weeks.",
	"Would a 15-minute call next Tuesday at 10am be useful?",
	"If not, the guide is at acme.io/guide and it's free.",
	"Most teams we talk to don't lose customers on price; they lose them on wait time.",
	"Your post about on-call fatigue was spot on 👍🏽.",
	"We built a small calculator that shows what one hour of backlog costs you.",
	"It takes about 2 minutes, and you can share the results with [Manager Name].",
	"Is {{first_name}} still the right person for this, or should I ask someone else?",
	"Either way, thanks for reading this far!",
	"Here's a short video (90 seconds) on how Contoso set it up: https://acme.io/v/contoso.",
	"Pricing starts at $900/month for up to 25 seats, e.g. a typical mid-size team.",
	"I'm not sure it fits — but if it does, it could save your team ~200 hours a year.",
	"Dr. Lee's team in the U.S. uses the same playbook.",
	"What does your current escalation process look like?",
	"No pressure at all; I just thought it might help.",
}

var benchBullets = []string{
	"Faster onboarding for new agents",
	"Fewer tickets reopened after the first reply",
	"Weekly reports your CFO will actually read",
	"One inbox for email, chat and voice 📞",
}

// benchGen writes outreach-like text from a fixed seed.
type benchGen struct {
	r  *rand.Rand
	b  strings.Builder
	nl string
}

func newBenchGen(seed uint64) *benchGen {
	return &benchGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), nl: "\n"}
}

// line writes s, wrapped at about 72 bytes; a third of the lines end in CRLF.
func (g *benchGen) line(s string) {
	for len(s) > 72 {
		cut := strings.LastIndexByte(s[:72], ' ')
		if cut <= 0 {
			break
		}
		g.b.WriteString(s[:cut])
		g.eol()
		s = s[cut+1:]
	}
	g.b.WriteString(s)
	g.eol()
}

func (g *benchGen) eol() {
	if g.r.IntN(3) == 0 {
		g.b.WriteString("\r\n")
		return
	}
	g.b.WriteString(g.nl)
}

// paragraph writes two to four sentences, or a short bullet list, and
// returns the words written.
func (g *benchGen) paragraph() int {
	words := 0
	if g.r.IntN(6) == 0 {
		for range 2 + g.r.IntN(3) {
			s := benchBullets[g.r.IntN(len(benchBullets))]
			g.line("- " + s)
			words += len(strings.Fields(s))
		}
	} else {
		var p []string
		for range 2 + g.r.IntN(3) {
			s := benchSentences[g.r.IntN(len(benchSentences))]
			p = append(p, s)
			words += len(strings.Fields(s))
		}
		g.line(strings.Join(p, " "))
	}
	g.eol()
	return words
}

// message writes a subject, greeting, paragraphs until at least words
// words or size bytes, a signature and a P.S.
func (g *benchGen) message(words, size int) string {
	g.line("Subject: A checklist for {{company}}'s support team")
	g.eol()
	g.line("Hi {{first_name}},")
	g.eol()
	for n := 0; n < words || g.b.Len() < size; {
		n += g.paragraph()
	}
	g.line("Best,")
	g.line("Sam Rivera")
	g.line("Head of Partnerships, Acme | sam@acme.io")
	g.eol()
	g.line("P.S. The checklist is yours to keep either way.")
	return g.b.String()
}

var benchInputs = []struct {
	name         string
	words, bytes int
}{
	{"email200", 200, 0},
	{"doc10k", 0, 10 << 10},
	{"doc1MB", 0, 1 << 20},
}

func benchInput(words, size int) []byte {
	return []byte(newBenchGen(42).message(words, size))
}

func parseAnalyze(tb testing.TB, src []byte, tagger *Tagger) *Analysis {
	doc, err := Parse("bench.txt", src, ParseOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return Analyze(doc, tagger)
}

func BenchmarkParseAnalyze(b *testing.B) {
	for _, in := range benchInputs {
		src := benchInput(in.words, in.bytes)
		b.Run(in.name, func(b *testing.B) {
			a := parseAnalyze(b, src, nil)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				parseAnalyze(b, src, nil)
			}
			reportPerToken(b, len(a.Tokens), a.WordCount())
		})
	}
}

// BenchmarkParseAnalyzeTagged also tags every sentence with a tagger that
// has no memo, as a batch run over fresh files does.
func BenchmarkParseAnalyzeTagged(b *testing.B) {
	taggerModel() // the load is BenchmarkModelLoadCold's business
	for _, in := range benchInputs {
		src := benchInput(in.words, in.bytes)
		b.Run(in.name, func(b *testing.B) {
			a := parseAnalyze(b, src, nil)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				a := parseAnalyze(b, src, NewTagger(0))
				for i := range a.Sentences {
					a.Tags(i)
				}
			}
			reportPerToken(b, len(a.Tokens), a.WordCount())
		})
	}
}

func reportPerToken(b *testing.B, tokens, words int) {
	per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(tokens), "tokens/op")
	b.ReportMetric(float64(words), "words/op")
	b.ReportMetric(per/float64(tokens), "ns/token")
}

// BenchmarkTagSentence measures the model's cost per token on one
// typical sentence.
func BenchmarkTagSentence(b *testing.B) {
	taggerModel()
	a := parseAnalyze(b, []byte("Hello.\nWould a 15-minute call next Tuesday at 10am be useful for {{first_name}}'s team, or should I send the 2-page checklist instead?"), nil)
	toks := a.SentenceTokens(0)
	tg := NewTagger(0)
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(toks)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(toks)), "ns/token")
}

// BenchmarkTagSentenceCached is the editor's case: the sentence did not
// change since the last keystroke.
func BenchmarkTagSentenceCached(b *testing.B) {
	a := parseAnalyze(b, []byte("Hello.\nWould a 15-minute call next Tuesday at 10am be useful?"), nil)
	toks := a.SentenceTokens(0)
	tg := NewTagger(16)
	tg.Tag(toks)
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(toks)
	}
}

// BenchmarkModelLoadCold measures what taggerModel saves: prose.NewDocument
// with default options decodes its models (tagger and entities) again on
// every call.
func BenchmarkModelLoadCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prose.NewDocument("Load the model."); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/op")
}

// BenchmarkTaggerModelLoad measures what taggerModel pays once per
// process: decoding prose's perceptron weights into our flat table,
// without the entity model prose's default options also decode.
func BenchmarkTaggerModelLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadPerceptron(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/op")
}

// TestBenchInputs keeps the generator honest: deterministic, the sizes
// asked for, and every feature it claims to exercise.
func TestBenchInputs(t *testing.T) {
	email := string(benchInput(200, 0))
	if email != string(benchInput(200, 0)) {
		t.Fatal("the generator is not deterministic")
	}
	a := parseAnalyze(t, []byte(email), nil)
	if n := a.WordCount(); n < 180 || n > 320 {
		t.Errorf("email200 has %d words", n)
	}
	for _, want := range []string{"\r\n", "{{first_name}}", "Best,", "P.S.", "acme.io"} {
		if !strings.Contains(email, want) {
			t.Errorf("email200 lacks %q", want)
		}
	}
	masks := map[string]bool{}
	for _, m := range a.Doc.Masks {
		masks[m.Reason] = true
	}
	for _, want := range []string{MaskSubject, MaskGreeting, MaskSignature} {
		if !masks[want] {
			t.Errorf("email200 has no %s mask: %v", want, masks)
		}
	}
	if n := len(benchInput(0, 1<<20)); n < 1<<20 || n > 1<<20+2048 {
		t.Errorf("doc1MB has %d bytes", n)
	}
}
