package rules

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
)

type voicemailCueFile struct {
	Channel       []string `yaml:"channel"`
	Intro         []string `yaml:"intro"`
	CompanyLinks  []string `yaml:"company_links"`
	CompanyCues   []string `yaml:"company_cues"`
	NotNames      []string `yaml:"not_names"`
	PriceWords    []string `yaml:"price_words"`
	Currencies    []string `yaml:"currencies"`
	PitchSubjects []string `yaml:"pitch_subjects"`
}

type voicemailModel struct {
	channel, intro, companyCues                                  *matcher
	companyLinks, notNames, priceWords, currencies, pitchSubject map[string]bool
}

var voicemailCues = func() voicemailModel {
	var f voicemailCueFile
	loadCues("voicemail", &f)
	return voicemailModel{
		channel:      mustMatcher(list(nil, f.Channel)),
		intro:        mustMatcher(list(nil, f.Intro)),
		companyCues:  mustMatcher(list(nil, f.CompanyCues)),
		companyLinks: wordSet(f.CompanyLinks),
		notNames:     wordSet(f.NotNames),
		priceWords:   wordSet(f.PriceWords),
		currencies:   wordSet(f.Currencies),
		pitchSubject: wordSet(f.PitchSubjects),
	}
}()

// Callback is what a voicemail gives the listener to act on. The score
// reads it for its next-step check.
type Callback struct {
	// Phones holds each time a callback number is said: a phone-shaped
	// number or a phone merge field ("[Your Number]").
	Phones []lint.Span `json:"phones"`
	// Channels holds pointers to another channel: "I'll email you",
	// "check your inbox", an e-mail address, a link with a path.
	Channels []lint.Span `json:"channels"`
	// HasName and HasCompany report whether the first two sentences say
	// who is calling and from where.
	HasName    bool `json:"has_name"`
	HasCompany bool `json:"has_company"`
}

// NextStep reports whether the listener is told how to respond.
func (c *Callback) NextStep() bool { return len(c.Phones) > 0 || len(c.Channels) > 0 }

// CallbackAnalyzer finds a voicemail's next steps and the caller's
// introduction; missing-callback and the score read it.
var CallbackAnalyzer = &lint.Analyzer{
	Name: "callback",
	Doc: "Finds the callback numbers a voicemail says, its pointers to another channel (an email on its way), " +
		"and whether the opening gives the caller's name and company.",
	Run: func(p *lint.Pass) (any, error) { return findCallback(p.Doc, p.Text), nil },
}

// MissingCallback flags a voicemail that leaves the listener no way to
// respond, says the number only once, or never says who is calling.
var MissingCallback = &lint.Rule{
	ID:       "missing-callback",
	Summary:  "The voicemail gives no next step, says the number once, or never says who is calling",
	URL:      ruleURL("missing-callback"),
	Severity: lint.Error,
	Kinds:    []lint.Kind{lint.KindVoicemail},
	Requires: []*lint.Analyzer{CallbackAnalyzer},
	Options: []lint.Option{
		{Name: "check_caller", Doc: "warn when the first two sentences miss the caller's name or company", Default: true},
	},
	Doc: `A voicemail is worth leaving only if the listener knows who called and what to do next. That
next step is either a number they can catch (said slowly, once near the start and again at the
end, because nobody has a pen ready the first time) or a pointer to something they can act on
later, such as "I'm sending you a note today, subject 'ramp math'". Pointing to the email often
works better than asking for a call back, so either path passes.

The rule reports an error when there is no next step at all, a hint when the only next step is a
number said once, and a warning when the first two sentences leave out the caller's name or
company: an unnamed caller sounds like a robocall, and a name without a company gives the
listener nothing to look up.

**Instead of**

> Hey, it's Sam, give me a call when you can.

**Try**

> Sam Lee from Acme, 555-0142. Saw your team is hiring four SDRs; I'm sending you a note on ramp
> time today. Again, Sam at Acme, 555-0142.`,
	Run: func(p *lint.Pass) error {
		if len(p.Text.Sentences) == 0 {
			return nil
		}
		cb := p.ResultOf(CallbackAnalyzer).(*Callback)
		last := p.Text.Sentences[len(p.Text.Sentences)-1].Span
		switch {
		case !cb.NextStep():
			p.Report(lint.Diagnostic{
				Span:     last,
				Severity: lint.Error,
				Message:  "No next step: the listener gets no number to call and no email to look for. Say your number twice, or say you're sending a note",
			})
		case len(cb.Phones) == 1 && len(cb.Channels) == 0:
			p.Report(lint.Diagnostic{
				Span:     cb.Phones[0],
				Severity: lint.Hint,
				Message:  "The number is said only once: say it slowly near the start and again at the end, so the listener can catch it",
			})
		}
		if !p.Bool("check_caller") || (cb.HasName && cb.HasCompany) {
			return nil
		}
		missing := "your name and company"
		switch {
		case cb.HasName:
			missing = "your company"
		case cb.HasCompany:
			missing = "your name"
		}
		p.Report(lint.Diagnostic{
			Span:     p.Text.Sentences[0].Span,
			Severity: lint.Warning,
			Message:  "The opening never says " + missing + ": say who is calling in the first two sentences (\"this is Sam from Acme\")",
		})
		return nil
	},
}

// findCallback reads a document's next steps and caller introduction.
func findCallback(doc *lint.Document, a *lint.Analysis) *Callback {
	cb := &Callback{}
	for i := range a.Sentences {
		cb.scan(a.SentenceTokens(i), 0)
	}
	if doc.Kind == lint.KindVoicemail {
		for _, c := range spokenClosings(doc) {
			for i := range c.a.Sentences {
				cb.scan(c.a.SentenceTokens(i), c.base)
			}
		}
	}
	cb.HasName, cb.HasCompany = callerIntro(a)
	return cb
}

// scan adds the phones and channel pointers of one sentence; base shifts
// token offsets into Document.Text.
func (cb *Callback) scan(toks []lint.Token, base int) {
	shift := func(s lint.Span) lint.Span { return lint.Span{Start: s.Start + base, End: s.End + base} }
	for j := 0; j < len(toks); j++ {
		t := &toks[j]
		switch {
		case phoneField(t):
			cb.Phones = append(cb.Phones, shift(t.Span))
		case t.Kind == lint.TokEmail, t.Kind == lint.TokURL && hasPath(t.Text):
			cb.Channels = append(cb.Channels, shift(t.Span))
		default:
			if end := phoneEnd(toks, j); end > j {
				cb.Phones = append(cb.Phones, shift(tokenRun(toks, j, end)))
				j = end - 1
			}
		}
	}
	voicemailCues.channel.each(toks, func(h hit) bool {
		cb.Channels = append(cb.Channels, shift(h.Span(toks)))
		return true
	})
}

// hasPath reports whether a link points somewhere past the home page
// ("acme.io/sam"): a place to go, not just the company's name.
func hasPath(url string) bool {
	if i := strings.Index(url, "://"); i >= 0 {
		url = url[i+3:]
	}
	i := strings.IndexByte(url, '/')
	return i >= 0 && i < len(url)-1
}

// closing is a voicemail's closing lines analysed on their own, with the
// offset of their first byte in Document.Text.
type closing struct {
	a    *lint.Analysis
	base int
}

// spokenClosings returns the lines after a sign-off that the parser set
// aside as a signature ("Thanks!\nAgain, that's 555-0142."): a script is
// read aloud to the end, so a number there is still said. Only text and
// Markdown keep Text offsets equal to Source offsets, so only they are read.
func spokenClosings(doc *lint.Document) []closing {
	if doc.Format != lint.FormatText && doc.Format != lint.FormatMarkdown {
		return nil
	}
	var out []closing
	for _, m := range doc.Masks {
		if m.Reason != lint.MaskSignature {
			continue
		}
		region := doc.Source[m.Span.Start:m.Span.End]
		nl := bytes.IndexByte(region, '\n') // the sign-off line itself is not read
		if nl < 0 {
			continue
		}
		sub, err := lint.Parse(doc.Path, region[nl+1:], lint.ParseOptions{Format: lint.FormatText, Kind: lint.KindVoicemail})
		if err != nil {
			continue
		}
		out = append(out, closing{lint.Analyze(sub, nil), m.Span.Start + nl + 1})
	}
	return out
}

// phoneField reports whether a merge field stands for a phone number:
// "[Your Number]", "{{phone}}", "{{rep_cell}}", but not "{{number_of_seats}}".
func phoneField(t *lint.Token) bool {
	if t.Kind != lint.TokPlaceholder {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(t.Text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		switch {
		case strings.Contains(w, "phone"), w == "cell", w == "mobile", w == "tel", w == "callback", w == "dial":
			return true
		case w == "number":
			if i+1 == len(words) || words[i+1] != "of" {
				return true
			}
		}
	}
	return false
}

// phoneEnd returns the index after a phone number that starts at toks[j]
// ("555-0142", "(615) 555-1234", "+44 20 7946 0958"), or -1. The tokenizer
// keeps "615-555-1234" whole but splits at spaces and brackets, so the
// number is read across tokens that touch or sit one space apart.
func phoneEnd(toks []lint.Token, j int) int {
	var groups []string
	plus, end := false, -1
read:
	for k := j; k < len(toks); k++ {
		t := &toks[k]
		switch {
		case k > j && t.Span.Start-toks[k-1].Span.End > 1:
			break read
		case t.Kind == lint.TokNumber:
			g := digitGroups(t.Text)
			if g == nil {
				break read
			}
			groups = append(groups, g...)
			end = k + 1
		case t.Text == "+" && k == j:
			plus = true
		case t.Text == "(":
		case t.Text == ")" && len(groups) > 0:
			end = k + 1
		default:
			break read
		}
	}
	if end < 0 || !phoneShaped(groups, plus) {
		return -1
	}
	return end
}

// digitGroups splits "615-555-1234" or "020.7946" into its digit groups,
// or returns nil when the token holds anything else ("$49", "40%", "9:30").
func digitGroups(s string) []string {
	if s == "" || !asciiDigit(s[0]) {
		return nil
	}
	for i := 0; i < len(s); i++ {
		if !asciiDigit(s[i]) && s[i] != '-' && s[i] != '.' {
			return nil
		}
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' })
}

func asciiDigit(c byte) bool { return c >= '0' && c <= '9' }

// phoneShaped decides whether digit groups read as a phone number rather
// than a date, a range or a version: 7 to 15 digits, and groups the way
// phone numbers are grouped.
func phoneShaped(groups []string, plus bool) bool {
	digits, years, short := 0, 0, 0
	for i, g := range groups {
		digits += len(g)
		if isYear(g) {
			years++
		}
		if i > 0 && len(g) < 3 {
			short++
		}
	}
	switch {
	case digits < 7 || digits > 15, years == len(groups):
		return false
	case plus:
		return digits >= 8 // "+44 20 7946 0958": a country code makes any grouping a phone
	case len(groups) == 1:
		return digits >= 10 // "6155551234"; a bare 7-digit figure is more likely an amount
	case short == 0:
		return true // "555-0142", "(615) 555-1234", "1-800-555-0199"
	}
	// "01 23 45 67 89": pairs, but more groups than a date has.
	for _, g := range groups {
		if len(g) < 2 {
			return false
		}
	}
	return len(groups) >= 4
}

// callerIntro reports whether the first two sentences give the caller's
// name ("this is Sam", "[Your Name] here", "Sam Lee, Acme") and company
// ("from Acme", "with {{company}}", "I'm calling from Acme").
func callerIntro(a *lint.Analysis) (name, company bool) {
	for i := 0; i < min(2, len(a.Sentences)); i++ {
		toks := a.SentenceTokens(i)
		nameEnd := -1
		for j := range toks {
			t := &toks[j]
			if t.Kind == lint.TokPlaceholder && placeholderOwner(t.Text) == ownerSender {
				l := strings.ToLower(t.Text)
				if strings.Contains(l, "name") {
					nameEnd = j + 1
				}
				for _, w := range []string{"company", "org", "business", "agency", "firm", "brand", "employer"} {
					if strings.Contains(l, w) {
						company = true
					}
				}
			}
		}
		voicemailCues.intro.each(toks, func(h hit) bool {
			if h.End < len(toks) && (properName(toks[h.End]) || h.Text == "my name is" && toks[h.End].IsWord()) {
				nameEnd = nameRunEnd(toks, h.End)
				return false
			}
			return true
		})
		if nameEnd < 0 {
			nameEnd = leadingName(toks)
		}
		if nameEnd >= 0 {
			name = true
			company = company || companyAfter(toks, nameEnd)
		}
		voicemailCues.companyCues.each(toks, func(h hit) bool {
			company = company || orgAt(toks, h.End)
			return !company
		})
	}
	return name, company
}

// properName accepts a merge field or a capitalised word other than "I".
func properName(t lint.Token) bool {
	if t.Kind == lint.TokPlaceholder {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == lint.TokWord && unicode.IsUpper(r) && t.Norm != "i" && t.Norm != "i'm"
}

// nameRunEnd returns the index after a run of up to three name words
// starting at j ("Sam", "Sam Lee", "[Your Name]").
func nameRunEnd(toks []lint.Token, j int) int {
	end := j + 1
	for end < len(toks) && end < j+3 && properName(toks[end]) {
		end++
	}
	return end
}

// leadingName recognises a sentence that opens with the caller's name
// followed by "here", "calling" or a company ("Sam from Acme here",
// "Sam Lee, Acme, 555-0142"), and returns the index after the name, or -1.
func leadingName(toks []lint.Token) int {
	if len(toks) < 2 || !properName(toks[0]) || voicemailCues.notNames[toks[0].Norm] {
		return -1
	}
	end := nameRunEnd(toks, 0)
	if end >= len(toks) {
		return -1
	}
	switch next := toks[end]; {
	case next.Norm == "here" || next.Norm == "calling" || next.Norm == "again":
		return end
	case voicemailCues.companyLinks[next.Norm] && orgAt(toks, end+1):
		return end
	case next.Text == "," && orgAt(toks, end+1):
		return end
	}
	return -1
}

// companyAfter looks for a company within a few tokens after the caller's
// name: "this is Sam with Acme", "[Your Name] again from AI Acceleration",
// "Sam Lee, Acme".
func companyAfter(toks []lint.Token, nameEnd int) bool {
	if nameEnd < len(toks) && toks[nameEnd].Text == "," && orgAt(toks, nameEnd+1) {
		return true
	}
	for k := nameEnd; k < min(len(toks), nameEnd+6); k++ {
		if voicemailCues.companyLinks[toks[k].Norm] && orgAt(toks, k+1) {
			return true
		}
	}
	return false
}

// orgAt reports whether a company name starts at toks[j], after an
// optional "the": a capitalised word, a merge field or a domain.
func orgAt(toks []lint.Token, j int) bool {
	if j < len(toks) && toks[j].Norm == "the" {
		j++
	}
	return j < len(toks) && (properName(toks[j]) || toks[j].Kind == lint.TokURL)
}
