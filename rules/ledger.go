package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/givefirst/givefirst/lint"
)

// Role is what a sentence does in the exchange between sender and reader.
type Role string

// Roles a ledger assigns.
const (
	RoleGive     Role = "give"     // value for the reader: a resource, an insight, help, a concession, a grounded compliment
	RoleAsk      Role = "ask"      // a request of the reader: a reply, time, a call, a referral, a signature
	RolePitch    Role = "pitch"    // talk about the sender's product or company, which is not a give
	RoleQuestion Role = "question" // a question that asks nothing of the reader (rhetorical or small talk)
	RoleNeutral  Role = "neutral"
)

// AskSize is how much an ask costs the reader.
type AskSize string

// Ask sizes and their weights in the balance.
const (
	AskMicro AskSize = "micro" // "worth a look?", "reply yes": 0.5
	AskSmall AskSize = "small" // "15 minutes", "who owns this?": 1
	AskLarge AskSize = "large" // "45-minute demo", "sign by Friday": 2
)

// Entry is the ledger's verdict on one body sentence.
type Entry struct {
	Sentence int       `json:"sentence"` // index into Analysis.Sentences
	Span     lint.Span `json:"span"`     // the sentence, in Document.Text offsets
	Role     Role      `json:"role"`
	Cue      string    `json:"cue,omitempty"`  // the phrase that decided the role
	CueSpan  lint.Span `json:"cue_span"`       // where that phrase is, in Document.Text offsets
	Weight   float64   `json:"weight"`         // a give's value (1, or 0.5 for an acknowledgement)
	Size     AskSize   `json:"size,omitempty"` // an ask's size
	// Also is set when a sentence both gives and asks ("Mind if I send the
	// checklist?"): Role holds the ask, Also the give.
	Also     Role `json:"also,omitempty"`
	Question bool `json:"question"` // ends with a question mark
	// Rhetorical marks a question that expects no answer ("What if…?").
	Rhetorical bool `json:"rhetorical,omitempty"`
}

// Gives reports whether the entry gives, alone or beside an ask.
func (e Entry) Gives() bool { return e.Role == RoleGive || e.Also == RoleGive }

// Asks reports whether the entry asks.
func (e Entry) Asks() bool { return e.Role == RoleAsk }

// Ledger is the give/ask account of one message, shared by the rules and
// the score.
type Ledger struct {
	Entries []Entry `json:"entries"`
	// Pronoun counts over the body, ignoring "thank you", quoted speech,
	// URLs and placeholders.
	SelfI  int `json:"self_i"`  // I, me, my, mine, myself and contractions
	SelfWe int `json:"self_we"` // we, us, our, ours, ourselves and contractions
	Reader int `json:"reader"`  // you, your, yours, yourself and possessive placeholders
	Words  int `json:"words"`   // body words; a placeholder counts as one

	scan *cueScan // the shared cues found in each sentence, for the rules that Require the ledger
}

// Weight returns how much an ask costs in the balance.
func (s AskSize) Weight() float64 {
	switch s {
	case AskMicro:
		return 0.5
	case AskLarge:
		return 2
	}
	return 1
}

// Self returns the sender references, counting "we" unless countWe is false.
func (l *Ledger) Self(countWe bool) int {
	if countWe {
		return l.SelfI + l.SelfWe
	}
	return l.SelfI
}

// GiveWeight sums the value of every give.
func (l *Ledger) GiveWeight() float64 {
	w := 0.0
	for _, e := range l.Entries {
		if e.Gives() {
			w += e.Weight
		}
	}
	return w
}

// AskWeight sums the size-weighted asks.
func (l *Ledger) AskWeight() float64 {
	w := 0.0
	for _, e := range l.Entries {
		if e.Asks() {
			w += e.Size.Weight()
		}
	}
	return w
}

// FirstGive returns the index of the first entry that gives, or -1.
func (l *Ledger) FirstGive() int {
	for i, e := range l.Entries {
		if e.Gives() {
			return i
		}
	}
	return -1
}

// FirstAsk returns the index of the first entry that asks, or -1.
func (l *Ledger) FirstAsk() int {
	for i, e := range l.Entries {
		if e.Asks() {
			return i
		}
	}
	return -1
}

// ledgerCueFile mirrors cues/ledger.yaml.
type ledgerCueFile struct {
	Give struct {
		Resource        []string `yaml:"resource"`
		Help            []string `yaml:"help"`
		Insight         []string `yaml:"insight"`
		Concession      []string `yaml:"concession"`
		Acknowledgement []string `yaml:"acknowledgement"`
	} `yaml:"give"`
	NotGive       []string  `yaml:"not_give"`
	Peers         []string  `yaml:"peers"`
	Quantifiers   []string  `yaml:"quantifiers"`
	Observation   []string  `yaml:"observation"`
	Diagnosis     []string  `yaml:"diagnosis"`
	Ask           sizedCues `yaml:"ask"`
	AskInQuestion sizedCues `yaml:"ask_in_question"`
	AskVerbs      sizedCues `yaml:"ask_verbs"`
	Pitch         []string  `yaml:"pitch"`
	Rhetorical    []string  `yaml:"rhetorical"`
	SmallTalk     []string  `yaml:"small_talk"`
}

type sizedCues struct {
	Micro []string `yaml:"micro"`
	Small []string `yaml:"small"`
	Large []string `yaml:"large"`
}

// cueClass says what a ledger phrase is evidence of.
type cueClass uint8

const (
	cueGive cueClass = iota
	cueNotGive
	cueObservation
	cueDiagnosis
	cueAsk
	cueAskInQuestion
	cuePitch
	cueRhetorical
	cueSmallTalk
)

// cueData is what a ledger phrase carries.
type cueData struct {
	class  cueClass
	kind   string  // gives: resource, help, insight, concession, acknowledgement, custom
	weight float64 // gives
	size   AskSize // asks
}

// ledgerModel is the compiled cue set; built once, read by many goroutines.
// Every list lives in one matcher, so a sentence is scanned once.
type ledgerModel struct {
	cues               *matcher
	askVerbs           map[string]AskSize
	peers, quantifiers map[string]bool
}

var baseLedgerCues = func() ledgerCueFile {
	var f ledgerCueFile
	loadCues("ledger", &f)
	return f
}()

// extraCues are the user's additions from the config's cues: key.
type extraCues struct {
	gives, micro, small, large, pitch []string
}

func (x extraCues) key() string {
	return strings.Join([]string{joinKey(x.gives), joinKey(x.micro), joinKey(x.small), joinKey(x.large), joinKey(x.pitch)}, "\x01")
}

var ledgerModels cached[*ledgerModel]

func buildLedgerModel(x extraCues) (*ledgerModel, error) {
	f := baseLedgerCues
	m := &ledgerModel{
		cues:        newMatcher(),
		askVerbs:    map[string]AskSize{},
		peers:       wordSet(f.Peers),
		quantifiers: wordSet(f.Quantifiers),
	}
	give := func(kind string, w float64) cueData { return cueData{class: cueGive, kind: kind, weight: w} }
	ask := func(c cueClass, size AskSize) cueData { return cueData{class: c, size: size} }
	for _, l := range []taggedList{
		list(give("resource", 1), f.Give.Resource),
		list(give("help", 1), f.Give.Help),
		list(give("insight", 1), f.Give.Insight),
		list(give("concession", 1), f.Give.Concession),
		list(give("acknowledgement", 0.5), f.Give.Acknowledgement),
		list(give("custom", 1), x.gives),
		list(cueData{class: cueNotGive}, f.NotGive),
		list(cueData{class: cueObservation}, f.Observation),
		list(cueData{class: cueDiagnosis}, f.Diagnosis),
		list(ask(cueAsk, AskMicro), append(slices.Clone(f.Ask.Micro), x.micro...)),
		list(ask(cueAsk, AskSmall), append(slices.Clone(f.Ask.Small), x.small...)),
		list(ask(cueAsk, AskLarge), append(slices.Clone(f.Ask.Large), x.large...)),
		list(ask(cueAskInQuestion, AskMicro), f.AskInQuestion.Micro),
		list(ask(cueAskInQuestion, AskSmall), f.AskInQuestion.Small),
		list(ask(cueAskInQuestion, AskLarge), f.AskInQuestion.Large),
		list(cueData{class: cuePitch}, append(slices.Clone(f.Pitch), x.pitch...)),
		list(cueData{class: cueRhetorical}, f.Rhetorical),
		list(cueData{class: cueSmallTalk}, f.SmallTalk),
	} {
		if err := m.cues.addAll(l.phrases, l.data); err != nil {
			return nil, err
		}
	}
	for _, w := range f.AskVerbs.Micro {
		m.askVerbs[w] = AskMicro
	}
	for _, w := range f.AskVerbs.Small {
		m.askVerbs[w] = AskSmall
	}
	return m, nil
}

// sentenceCues are the phrases found in one sentence, by start, longest first.
type sentenceCues []hit

// first returns the first phrase of class c starting at or after from.
func (sc sentenceCues) first(c cueClass, from int) (hit, bool) {
	for _, h := range sc {
		if h.Start >= from && h.Data.(cueData).class == c {
			return h, true
		}
	}
	return hit{}, false
}

// Ledger options: user cues added through the config's cues: key.
const (
	optExtraGives     = "extra_gives"
	optExtraAsksMicro = "extra_asks_micro"
	optExtraAsksSmall = "extra_asks_small"
	optExtraAsksLarge = "extra_asks_large"
	optExtraPitch     = "extra_pitch"
)

// LedgerAnalyzer is the shared pre-pass that reads every body sentence and
// books it as a give, an ask, a pitch, a question or neutral, and counts
// who the message is about. Rules Require it; the score is built on it.
var LedgerAnalyzer = &lint.Analyzer{
	Name: "ledger",
	Doc: "Books each body sentence as a give (value for the reader), an ask (a request, sized micro, small or large), " +
		"a pitch (talk about the sender's company), a question or neutral, and counts sender and reader references.",
	Options: []lint.Option{
		{Name: optExtraGives, Doc: "extra phrases that mark a give", Default: []string{}},
		{Name: optExtraAsksMicro, Doc: "extra phrases that mark a micro ask (a reply)", Default: []string{}},
		{Name: optExtraAsksSmall, Doc: "extra phrases that mark a small ask (a short call, a referral)", Default: []string{}},
		{Name: optExtraAsksLarge, Doc: "extra phrases that mark a large ask (a long meeting, a signature)", Default: []string{}},
		{Name: optExtraPitch, Doc: "extra phrases that mark talk about the sender's company", Default: []string{}},
	},
	Run: func(p *lint.Pass) (any, error) {
		x := extraCues{p.Strings(optExtraGives), p.Strings(optExtraAsksMicro), p.Strings(optExtraAsksSmall),
			p.Strings(optExtraAsksLarge), p.Strings(optExtraPitch)}
		m, err := ledgerModels.get(x.key(), func() (*ledgerModel, error) { return buildLedgerModel(x) })
		if err != nil {
			return nil, err
		}
		return m.book(p.Text, scanCues(p.Text)), nil
	},
}

// book builds the ledger of an analysed document from its cue scan.
func (m *ledgerModel) book(a *lint.Analysis, scan *cueScan) *Ledger {
	l := &Ledger{Entries: make([]Entry, 0, len(a.Sentences)), scan: scan}
	for i := range a.Sentences {
		toks := a.SentenceTokens(i)
		c := countRefs(toks)
		l.SelfI += c.i
		l.SelfWe += c.we
		l.Reader += c.reader
		l.Words += a.Sentences[i].Words
		l.Entries = append(l.Entries, m.classify(a, scan, i))
	}
	return l
}

// refCounts are the pronoun counts of one sentence.
type refCounts struct{ i, we, reader int }

// person says whose a pronoun is. A switch beats a map here: it runs for
// every token of every sentence.
type person uint8

const (
	nobody        person = iota
	firstSingular        // I, me, my…
	firstPlural          // we, us, our…
	secondPerson         // you, your…
)

func personOf(norm string) person {
	if norm == "" {
		return nobody
	}
	switch norm[0] { // most words: skip the string switch
	case 'i', 'm', 'w', 'u', 'o', 'y':
	default:
		return nobody
	}
	switch norm {
	case "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll":
		return firstSingular
	case "we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll":
		return firstPlural
	case "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll", "y'all":
		return secondPerson
	}
	return nobody
}

// selfRef reports a sender pronoun, counting "we" when countWe.
func selfRef(norm string, countWe bool) bool {
	p := personOf(norm)
	return p == firstSingular || (countWe && p == firstPlural)
}

// countRefs counts sender and reader references, skipping quoted speech
// and the courtesy "you" of "thank you", "see you" and "you know".
func countRefs(toks []lint.Token) refCounts {
	var c refCounts
	quoteEnd := -1
	for j := range toks {
		t := &toks[j]
		if j < quoteEnd {
			continue
		}
		if t.Kind == lint.TokPunct && (t.Text == `"` || t.Text == "“") {
			if end := closingQuote(toks, j); end > 0 {
				quoteEnd = end
				continue
			}
		}
		if t.Kind == lint.TokPlaceholder {
			if t.Possessive && placeholderOwner(t.Text) == ownerReader {
				c.reader++
			}
			continue
		}
		switch personOf(t.Norm) {
		case firstSingular:
			c.i++
		case firstPlural:
			if t.Text != "US" {
				c.we++
			}
		case secondPerson:
			if t.Norm == "you" && j > 0 && (toks[j-1].Norm == "thank" || toks[j-1].Norm == "see") {
				continue
			}
			if t.Norm == "you" && j+1 < len(toks) && toks[j+1].Norm == "know" {
				continue
			}
			c.reader++
		}
	}
	return c
}

// closingQuote returns the index after the quote closing the one at j, or
// -1 when none closes within 40 tokens (a stray mark quotes nothing).
func closingQuote(toks []lint.Token, j int) int {
	for k := j + 1; k < len(toks) && k <= j+40; k++ {
		if toks[k].Text == `"` || toks[k].Text == "”" {
			return k + 1
		}
	}
	return -1
}

// Whose is a merge field? Templates are written from the sender's seat, so
// "{{Your Name}}" is the sender; "{{Similar_Company}}" is a third party;
// "{{Company}}" and "{{First_Name}}" are the reader.
type owner int

const (
	ownerReader owner = iota
	ownerSender
	ownerOther
)

var (
	senderFields = []string{"your", "my", "our", "sender", "signature", "rep_", "calendar", "calendly"}
	otherFields  = []string{"similar", "another", "other", "mutual", "referr", "competitor", "client", "customer",
		"partner", "peer", "case", "example", "link", "url"}
)

func placeholderOwner(text string) owner {
	l := strings.ToLower(text)
	for _, w := range senderFields {
		if strings.Contains(l, w) {
			return ownerSender
		}
	}
	for _, w := range otherFields {
		if strings.Contains(l, w) {
			return ownerOther
		}
	}
	return ownerReader
}

// readerRef reports whether the sentence refers to the reader.
func readerRef(toks []lint.Token) bool {
	if countRefs(toks).reader > 0 {
		return true
	}
	for k := range toks {
		t := &toks[k]
		if t.Kind == lint.TokPlaceholder && placeholderOwner(t.Text) == ownerReader {
			return true
		}
	}
	return false
}

// classify books sentence i.
func (m *ledgerModel) classify(a *lint.Analysis, scan *cueScan, i int) Entry {
	s := a.Sentences[i]
	toks := a.SentenceTokens(i)
	cues := sentenceCues(scan.all(m.cues, i, toks))
	e := Entry{Sentence: i, Span: s.Span, Role: RoleNeutral, Question: s.Question}
	give, hasGive := m.findGive(toks, cues)
	ask, hasAsk := m.findAsk(a, i, toks, cues)
	if hasGive {
		// "If you book a call, I'll send the report": the value is held
		// back until the reader pays, so the sentence asks and gives nothing.
		if _, cond, held := conditionalCues.find(scan, i, toks); held {
			hasGive = false
			if !hasAsk {
				ask, hasAsk = found{cue: "time before the value", span: cond, size: AskSmall}, true
			}
		}
	}
	switch {
	case hasAsk:
		e.Role, e.Size, e.Cue, e.CueSpan = RoleAsk, ask.size, ask.cue, ask.span
		if hasGive {
			e.Also, e.Weight = RoleGive, give.weight
		}
	case s.Question:
		e.Role = RoleQuestion
		e.Rhetorical = m.rhetoricalQuestion(toks, cues)
	case hasGive:
		e.Role, e.Weight, e.Cue, e.CueSpan = RoleGive, give.weight, give.cue, give.span
	default:
		if h, ok := cues.first(cuePitch, 0); ok {
			e.Role, e.Cue, e.CueSpan = RolePitch, h.Text, h.Span(toks)
		}
	}
	return e
}

type found struct {
	cue    string
	span   lint.Span
	weight float64
	size   AskSize
}

// findGive looks for value offered to the reader: a listed give phrase, an
// observation about the reader with a diagnosis, or a number about the
// reader's peers. Promotion of the sender's own product cancels a give.
func (m *ledgerModel) findGive(toks []lint.Token, cues sentenceCues) (found, bool) {
	_, promo := cues.first(cueNotGive, 0)
	pitch, isPitch := cues.first(cuePitch, 0)
	for _, h := range cues {
		c := h.Data.(cueData)
		switch {
		case c.class != cueGive,
			c.kind == "acknowledgement" && !grounded(toks, h),
			(c.kind == "resource" || c.kind == "help") && promo, // "send you a demo video" is promotion
			c.kind == "insight" && isPitch:                      // "in our experience, our platform…"
			continue
		}
		return found{cue: h.Text, span: h.Span(toks), weight: c.weight}, true
	}
	if h, ok := linkPlaceholder(toks); ok {
		return found{cue: "a link", span: h.Span, weight: 1}, true
	}
	if obs, ok := cues.first(cueObservation, 0); ok && readerRef(toks[obs.End:]) {
		if d, ok := cues.first(cueDiagnosis, obs.End); ok {
			return found{cue: obs.Text + " … " + d.Text, span: obs.Span(toks), weight: 1}, true
		}
	}
	if isPitch && pitch.Start < 3 {
		return found{}, false
	}
	return m.peerInsight(toks)
}

// linkPlaceholder finds a merge field that inserts a resource on a line of
// its own or after a colon ("Here it is: {{guide_link}}").
func linkPlaceholder(toks []lint.Token) (lint.Token, bool) {
	words := 0
	var link lint.Token
	for k := range toks {
		t := &toks[k]
		if t.IsWord() {
			words++
		}
		if t.Kind != lint.TokPlaceholder {
			continue
		}
		if l := strings.ToLower(t.Text); strings.Contains(l, "link") || strings.Contains(l, "url") ||
			strings.Contains(l, "resource") || strings.Contains(l, "guide") || strings.Contains(l, "report") {
			link = *t
		}
	}
	return link, link.Kind != 0 && words <= 4
}

// grounded accepts a compliment or congratulation only when it names
// something specific: "congrats on the launch", a number, a merge field.
func grounded(toks []lint.Token, h hit) bool {
	if h.End-h.Start >= 2 && toks[h.Start].Norm != "congrats" && toks[h.Start].Norm != "congratulations" {
		return true // "enjoyed your post", "congrats on": the phrase names its object
	}
	if h.End < len(toks) && toks[h.End-1].Norm == "on" {
		return true
	}
	words := 0
	for k := range toks {
		t := &toks[k]
		if t.Kind == lint.TokPlaceholder || t.Kind == lint.TokNumber {
			return true
		}
		if t.IsWord() {
			words++
		}
	}
	return words >= 8
}

// peerInsight finds a quantified claim about the reader's peers: "most
// teams at this stage lose 40% of ramp time", "companies that add X see
// 35% more".
func (m *ledgerModel) peerInsight(toks []lint.Token) (found, bool) {
	num := -1
	for j := range toks {
		t := &toks[j]
		if t.Kind == lint.TokNumber && !isYear(t.Text) {
			num = j
			break
		}
	}
	if num < 0 {
		return found{}, false
	}
	for j := range toks {
		t := &toks[j]
		if !m.peers[t.Norm] {
			continue
		}
		quantified := false
		for k := max(0, j-4); k < j; k++ {
			if m.quantifiers[toks[k].Norm] {
				quantified = true
			}
		}
		if j+1 < len(toks) {
			switch toks[j+1].Norm {
			case "that", "who", "like", "at", "your":
				quantified = true
			}
		}
		if quantified {
			return found{cue: "a number about " + t.Norm + " like the reader's", span: lint.Span{Start: toks[max(0, j-1)].Span.Start, End: toks[num].Span.End}, weight: 1}, true
		}
	}
	return found{}, false
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && strings.Trim(s, "0123456789") == ""
}

// cueReaderQuestion names asks that are questions about the reader's
// situation rather than requests for time or action.
const cueReaderQuestion = "a question about the reader"

// findAsk looks for a request: a listed ask phrase anywhere, a duration
// tied to a meeting, a question-only cue in a question, an imperative ask
// verb opening the sentence, or a real question about the reader.
func (m *ledgerModel) findAsk(a *lint.Analysis, i int, toks []lint.Token, cues sentenceCues) (found, bool) {
	question := a.Sentences[i].Question
	take := func(h hit) found {
		return found{cue: h.Text, span: h.Span(toks), size: h.Data.(cueData).size}
	}
	// The largest ask in a sentence sets its size: "Could we schedule a
	// demo?" asks for a demo, not for a scheduling.
	var out found
	ok := false
	for _, h := range cues {
		if c := h.Data.(cueData); c.class == cueAsk && (!ok || c.size.Weight() > out.size.Weight()) {
			out, ok = take(h), true
		}
	}
	if d, size, has := meetingDuration(toks, question); has && (!ok || size == AskLarge) {
		out, ok = found{cue: d.cue, span: d.span, size: size}, true
	}
	if ok {
		return out, true
	}
	if question {
		if h, ok := cues.first(cueAskInQuestion, 0); ok {
			return take(h), true
		}
	}
	if v, size, has := m.imperative(a, i, toks); has {
		return found{cue: v.Norm, span: v.Span, size: size}, true
	}
	if question && !m.rhetoricalQuestion(toks, cues) && readerRef(toks) {
		return found{cue: cueReaderQuestion, span: a.Sentences[i].Span, size: AskMicro}, true
	}
	return found{}, false
}

// meetingDuration finds "15 minutes", "a 30-minute demo", "10-minute call":
// time asked of the reader. A duration counts only next to a meeting word,
// before "of your time" or in a question ("Got 20 minutes Friday?"), so
// "agents spend 30 minutes on X" is not an ask.
func meetingDuration(toks []lint.Token, question bool) (found, AskSize, bool) {
	for j := range toks {
		t := &toks[j]
		if t.Kind != lint.TokNumber {
			continue
		}
		mins, end := minutes(toks, j)
		if mins == 0 {
			continue
		}
		near := question && !spending(toks[:j])
		for k := end; k < min(len(toks), end+3); k++ {
			switch toks[k].Norm {
			case "call", "chat", "meeting", "demo", "conversation", "walkthrough", "zoom", "sync", "slot", "meet", "intro":
				near = true
			case "of":
				near = near || (k+1 < len(toks) && toks[k+1].Norm == "your")
			}
		}
		if !near {
			continue
		}
		size := AskSmall
		if mins >= 30 {
			size = AskLarge
		}
		span := lint.Span{Start: t.Span.Start, End: toks[end-1].Span.End}
		return found{cue: "a " + strconv.Itoa(mins) + "-minute meeting", span: span}, size, true
	}
	return found{}, "", false
}

// spending reports a verb of spending time before a duration ("agents
// spend 30 minutes"): the time is the reader's, not asked of them.
func spending(toks []lint.Token) bool {
	for k := range toks {
		t := &toks[k]
		switch t.Norm {
		case "spend", "spends", "spending", "spent", "waste", "wastes", "wasting", "lose", "loses", "losing", "take", "takes", "taking":
			return true
		}
	}
	return false
}

// minutes reads a duration starting at token j ("15 minutes", "15-minute",
// "15 min", "half an hour" is left out) and returns it with the index
// after it.
func minutes(toks []lint.Token, j int) (int, int) {
	t := toks[j].Norm
	num := strings.TrimRightFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	for k := 0; k < len(t); k++ {
		if t[k] < '0' || t[k] > '9' {
			num = t[:k]
			break
		}
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 || n > 240 {
		return 0, j
	}
	unit := strings.TrimLeft(t[len(num):], "-")
	end := j + 1
	if unit == "" && end < len(toks) {
		unit = toks[end].Norm
		end++
	}
	switch {
	case strings.HasPrefix(unit, "min"):
		return n, end
	case unit == "hour" || unit == "hours" || unit == "hr" || unit == "hrs":
		return n * 60, end
	}
	return 0, j
}

// imperative recognises a sentence that opens with an ask verb used as a
// command ("Book a time here", "Reply with a number"). Those words are
// also nouns, so the tagger decides; only such sentences are tagged.
func (m *ledgerModel) imperative(a *lint.Analysis, i int, toks []lint.Token) (lint.Token, AskSize, bool) {
	first := -1
	for j := range toks {
		t := &toks[j]
		if t.IsWord() {
			first = j
			break
		}
	}
	if first < 0 {
		return lint.Token{}, "", false
	}
	size, ok := m.askVerbs[toks[first].Norm]
	if !ok {
		return lint.Token{}, "", false
	}
	if tags := a.Tags(i); first < len(tags) && tags[first] == "VB" {
		return toks[first], size, true
	}
	return lint.Token{}, "", false
}

// rhetoricalQuestion recognises questions that expect no answer: "What if
// …?", "…, right?", "Sound familiar?", and small talk.
func (m *ledgerModel) rhetoricalQuestion(toks []lint.Token, cues sentenceCues) bool {
	if _, ok := cues.first(cueRhetorical, 0); ok {
		return true
	}
	if _, ok := cues.first(cueSmallTalk, 0); ok && wordCount(toks) <= 7 {
		return true
	}
	// Tag questions: "Cash handling is annoying, right?"
	n := len(toks)
	for n > 0 && toks[n-1].Kind == lint.TokPunct && toks[n-1].Text != "," {
		n--
	}
	if n >= 2 && toks[n-2].Text == "," {
		switch toks[n-1].Norm {
		case "right", "no", "correct", "agreed":
			return true
		}
	}
	return false
}

func wordCount(toks []lint.Token) int {
	n := 0
	for k := range toks {
		t := &toks[k]
		if t.IsWord() {
			n++
		}
	}
	return n
}
