package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
)

// pushKind is one kind of pressure; messages name it.
type pushKind uint8

const (
	pushUrgency pushKind = iota + 1
	pushScarcity
	pushDeadline
	pushCommand
	pushGuilt
	pushSilence
	pushFamiliar
	pushPromise
	pushAssumptive
	pushShout
	pushBangs
	pushDensity
	pushCustom
)

// pushAdvice says what each kind of pressure does and what to do instead.
var pushAdvice = [...]string{
	pushUrgency:    "is manufactured urgency: give a real reason and let the reader decide in their own time",
	pushScarcity:   "is scarcity pressure: say who the offer suits instead of how few are left",
	pushDeadline:   "pushes a deadline: state it once, calmly, in case timing matters to the reader",
	pushCommand:    "orders the reader around: suggest what might help instead",
	pushGuilt:      "guilt-trips the reader for not replying: give them a new reason to answer instead",
	pushSilence:    "points at the reader's silence: give a new reason to reply, or let them off the hook",
	pushFamiliar:   "claims an earlier conversation, but this is a first touch: the reader will notice",
	pushPromise:    "promises what the reader can't check: show the value instead",
	pushAssumptive: "assumes the meeting is agreed: ask whether it's worth their time first, or leave an easy way out",
	pushShout:      "is in capitals, which reads as shouting: write it in sentence case",
	pushBangs:      "reads as shouting: a full stop says it calmly",
	pushDensity:    "read as shouting: keep to one per 50 words",
	pushCustom:     "is on your team's list of pushy phrases",
}

// pushyCueFile mirrors cues/pushy.yaml.
type pushyCueFile struct {
	Urgency       []string `yaml:"urgency"`
	Scarcity      []string `yaml:"scarcity"`
	Deadline      []string `yaml:"deadline"`
	Pressure      []string `yaml:"pressure"`
	Commands      []string `yaml:"commands"`
	CommandLead   []string `yaml:"command_lead"`
	Guesses       []string `yaml:"guesses"`
	Guilt         []string `yaml:"guilt"`
	Silence       []string `yaml:"silence"`
	Softeners     []string `yaml:"softeners"`
	Familiarity   []string `yaml:"familiarity"`
	SelfReference []string `yaml:"self_reference"`
	Promises      []string `yaml:"promises"`
	Acronyms      []string `yaml:"acronyms"`
	Assumptive    struct {
		Times      []string `yaml:"times"`
		Scheduling []string `yaml:"scheduling"`
		OptOuts    []string `yaml:"opt_outs"`
	} `yaml:"assumptive"`
}

var pushyCues = func() (f pushyCueFile) {
	loadCues("pushy", &f)
	return f
}()

// pushyModel is the compiled cue set for one set of user options.
type pushyModel struct {
	cues, pressure, softeners, optOuts *matcher
	commandLead, guesses, selfRef      map[string]bool
	times, scheduling, acronyms        map[string]bool
}

var pushyModels cached[*pushyModel]

// pushyKey is the model cache key of the rule's options.
func pushyKey(extra, acronyms []string) string { return joinKey(extra) + "\x01" + joinKey(acronyms) }

func buildPushyModel(extra, acronyms []string) (*pushyModel, error) {
	f := pushyCues
	m := &pushyModel{
		pressure:    mustMatcher(list(nil, f.Pressure)),
		softeners:   mustMatcher(list(nil, f.Softeners)),
		optOuts:     mustMatcher(list(nil, f.Assumptive.OptOuts)),
		commandLead: wordSet(f.CommandLead),
		guesses:     wordSet(f.Guesses),
		selfRef:     wordSet(f.SelfReference),
		times:       wordSet(f.Assumptive.Times),
		scheduling:  wordSet(f.Assumptive.Scheduling),
		acronyms:    wordSet(append(f.Acronyms, acronyms...)),
	}
	// Order matters where two cues match the same words: the first added wins.
	m.cues = mustMatcher(list(pushUrgency, f.Urgency), list(pushScarcity, f.Scarcity), list(pushDeadline, f.Deadline),
		list(pushCommand, f.Commands), list(pushGuilt, f.Guilt), list(pushSilence, f.Silence),
		list(pushFamiliar, f.Familiarity), list(pushPromise, f.Promises))
	if err := m.cues.addAll(extra, pushCustom); err != nil {
		return nil, err
	}
	return m, nil
}

// pushFind is one pressure cue found in the body.
type pushFind struct {
	span  lint.Span
	kind  pushKind
	shout bool // in capitals, or the cue is itself shouting
	fixes []lint.Fix
	what  string // the message's subject when it is not the span's text
}

// PushyPressure flags pressure tactics: manufactured urgency and
// scarcity, commands, guilt about silence, assumptive closes, an invented
// shared past and shouting.
var PushyPressure = &lint.Rule{
	ID:       "pushy-pressure",
	Summary:  "Pressure tactics (urgency, guilt, commands, shouting) push the reader away",
	URL:      ruleURL("pushy-pressure"),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{LedgerAnalyzer}, // for the shared cue scan
	Options: []lint.Option{
		{Name: "extra_cues", Doc: "more phrases your team counts as pressure", Default: []string{}},
		{Name: "acronyms", Doc: "more words that may be written in capitals without shouting (product or company names)", Default: []string{}},
		{Name: "error_at", Doc: "this many pressure cues in one message make every one an error (0: never)", Default: 3},
		{Name: "exclamations_per_50_words", Doc: "how many \"!\" the message may use per 50 words", Default: 1},
	},
	Doc: `Being active is good; being aggressive is not. Pressure tactics feel like a trap to the
reader, and a prospect who feels trapped does not argue, they just stop answering. The rule
looks for:

- made-up urgency and scarcity ("act now", "only 3 spots left");
- orders ("you need to…") and guilt about silence ("per my last email", "did I say something wrong?");
- an assumptive close: a question that offers two times as if the meeting were agreed ("Tuesday or Thursday?");
- a shared past that never happened ("as we discussed") in a first touch;
- shouting: words in capitals, "!!", and more than one "!" per 50 words.

A deadline stated once and calmly is information, not pressure: it only counts when the same
sentence pushes. The reader's own words in quotes never count. One cue is a warning; three or more
in one message make each an error.

If you really did speak before, mark the message as a follow-up (` + "`step: 2`" + ` or
` + "`stage: followup`" + ` in the front matter) and "as we discussed" is fine.

**Instead of**

> LAST CHANCE: pricing goes up Friday, so you need to decide now!! Are you free Tuesday or Thursday?

**Try**

> Pilot pricing holds until Friday, in case timing matters. Would a short call help, or is the checklist enough for now?`,
	Run: func(p *lint.Pass) error {
		extra, acr := p.Strings("extra_cues"), p.Strings("acronyms")
		m, err := pushyModels.get(pushyKey(extra, acr), func() (*pushyModel, error) {
			return buildPushyModel(extra, acr)
		})
		if err != nil {
			return err
		}
		finds := m.scan(p.Doc, p.Text, ledgerOf(p).scan, p.Int("exclamations_per_50_words"))
		sev := p.Severity
		if n := p.Int("error_at"); n > 0 && len(finds) >= n && sev == lint.Warning {
			sev = lint.Error
		}
		for _, f := range finds {
			what := f.what
			if what == "" {
				what = cueText(p.Doc, f.span)
			}
			msg := what + " " + pushAdvice[f.kind]
			if f.shout {
				msg = what + " is in capitals and " + pushAdvice[f.kind]
			}
			p.Report(lint.Diagnostic{Span: f.span, Severity: sev, Message: msg, Fixes: f.fixes})
		}
		return nil
	},
}

// scan finds every pressure cue in the body, in order; cues is the
// body's shared cue scan.
func (m *pushyModel) scan(doc *lint.Document, a *lint.Analysis, cues *cueScan, perFifty int) []pushFind {
	var finds []pushFind
	quoted := quotedTokens(a)
	first := firstTouch(doc)
	deadlines := 0
	for i, s := range a.Sentences {
		toks := a.SentenceTokens(i)
		var q []bool
		if quoted != nil {
			q = quoted[s.First:s.End]
		}
		from := len(finds)
		guilt := false
		var deadline []hit
		lastEnd := 0
		cues.each(m.cues, i, toks, func(h hit) bool {
			if h.Start < lastEnd || anyQuoted(q, h.Start, h.End) {
				return true
			}
			kind := h.Data.(pushKind)
			switch kind {
			case pushDeadline:
				deadline = append(deadline, h)
				lastEnd = h.End
				return true
			case pushCommand:
				if !m.mainClause(toks, h) {
					return true
				}
			case pushFamiliar:
				if !first || (h.End < len(toks) && m.selfRef[toks[h.End].Norm]) {
					return true
				}
			case pushSilence:
				if m.softened(a, i) {
					return true
				}
			}
			lastEnd = h.End
			if kind == pushGuilt || kind == pushSilence {
				// "I've emailed twice and haven't heard back" is one guilt trip.
				if guilt {
					return true
				}
				guilt = true
			}
			finds = append(finds, pushFind{span: h.Span(toks), kind: kind})
			return true
		})
		if s.Question && !anyQuoted(q, 0, len(toks)) {
			if span, ok := m.assumptive(a, i); ok {
				finds = append(finds, pushFind{span: span, kind: pushAssumptive})
			}
		}
		shouted := m.shouting(doc, toks, q, &finds, from)
		if len(deadline) > 0 {
			_, pushed := m.pressure.first(toks)
			pushed = pushed || shouted || s.Exclaim || len(finds) > from
			for _, h := range deadline {
				deadlines++
				if pushed || deadlines > 1 {
					finds = addDeadline(finds, from, h.Span(toks))
				}
			}
		}
	}
	if f, ok := m.exclaimDensity(a, quoted, perFifty); ok {
		finds = append(finds, f)
	}
	return finds
}

// cueText quotes the text under s on one line, for a message.
func cueText(doc *lint.Document, s lint.Span) string {
	return "\"" + strings.Join(strings.Fields(doc.TextOf(s)), " ") + "\""
}

// addDeadline adds a pushed deadline; a run of capitals inside it (found
// since finds[from]) becomes part of it rather than a second cue.
func addDeadline(finds []pushFind, from int, span lint.Span) []pushFind {
	for k := from; k < len(finds); k++ {
		if f := &finds[k]; f.kind == pushShout && f.span.Overlaps(span) {
			f.kind, f.shout = pushDeadline, true
			f.span = lint.Span{Start: min(f.span.Start, span.Start), End: max(f.span.End, span.End)}
			return finds
		}
	}
	return append(finds, pushFind{span: span, kind: pushDeadline})
}

// mainClause reports whether a command cue stands as the main clause:
// at the start of the sentence or a clause, or after a lead word ("I
// think you need to"), and not a guess ("you must be busy").
func (m *pushyModel) mainClause(toks []lint.Token, h hit) bool {
	if toks[h.End-1].Norm == "must" && h.End < len(toks) && m.guesses[toks[h.End].Norm] {
		return false
	}
	if h.Start == 0 {
		return true
	}
	prev := toks[h.Start-1]
	return prev.Kind == lint.TokPunct || prev.Kind == lint.TokPlaceholder || m.commandLead[prev.Norm]
}

// softened reports whether sentence i or the next one lets the reader off
// the hook ("totally understand", "no worries").
func (m *pushyModel) softened(a *lint.Analysis, i int) bool {
	for j := i; j < min(i+2, len(a.Sentences)); j++ {
		if _, ok := m.softeners.first(a.SentenceTokens(j)); ok {
			return true
		}
	}
	return false
}

// assumptive finds a question about meeting that offers two named times
// joined by "or" ("Tuesday or Thursday?") with no way out in it or in the
// sentence after it.
func (m *pushyModel) assumptive(a *lint.Analysis, i int) (lint.Span, bool) {
	toks := a.SentenceTokens(i)
	for j := range toks {
		t := &toks[j]
		if t.Norm != "or" {
			continue
		}
		before, after := -1, -1
		for k := j - 1; k >= max(0, j-4) && before < 0; k-- {
			if m.timeWord(toks, k) {
				before = k
			}
		}
		for k := j + 1; k < min(len(toks), j+5) && after < 0; k++ {
			if m.timeWord(toks, k) {
				after = k
			}
		}
		if before < 0 || after < 0 {
			continue
		}
		if !m.aboutMeeting(toks) {
			return lint.Span{}, false
		}
		// Times offered right after asking whether to meet at all only
		// pin down that ask: "Could we set up a call? Tuesday or Thursday?"
		if i > 0 && a.Sentences[i-1].Question && m.schedules(a.SentenceTokens(i-1)) {
			return lint.Span{}, false
		}
		for k := i; k < min(i+2, len(a.Sentences)); k++ {
			if _, ok := m.optOuts.first(a.SentenceTokens(k)); ok {
				return lint.Span{}, false
			}
		}
		before, after = m.widenTime(toks, before, -1), m.widenTime(toks, after, 1)
		return lint.Span{Start: toks[before].Span.Start, End: toks[after].Span.End}, true
	}
	return lint.Span{}, false
}

// widenTime grows a time expression from toks[k] in direction dir over
// times, numbers and a joining "at" ("Tuesday at 2 pm").
func (m *pushyModel) widenTime(toks []lint.Token, k, dir int) int {
	timeish := func(i int) bool {
		return i >= 0 && i < len(toks) && (m.timeWord(toks, i) || toks[i].Kind == lint.TokNumber)
	}
	for {
		switch {
		case timeish(k + dir):
			k += dir
		case timeish(k+2*dir) && toks[k+dir].Norm == "at":
			k += 2 * dir
		default:
			return k
		}
	}
}

// timeWord reports whether toks[k] names a day or a time of day: a
// weekday, "tomorrow", "morning", or a clock time ("10am", "2 pm").
func (m *pushyModel) timeWord(toks []lint.Token, k int) bool {
	t := &toks[k]
	if t.Kind == lint.TokNumber {
		return strings.HasSuffix(t.Norm, "am") || strings.HasSuffix(t.Norm, "pm")
	}
	return t.Kind == lint.TokWord && m.times[t.Norm]
}

// aboutMeeting reports whether a question is about meeting: it has a
// scheduling word, or is so short it can only be offering the times.
func (m *pushyModel) aboutMeeting(toks []lint.Token) bool {
	return m.schedules(toks) || wordCount(toks) <= 5
}

// schedules reports whether toks have a scheduling word.
func (m *pushyModel) schedules(toks []lint.Token) bool {
	for k := range toks {
		t := &toks[k]
		if m.scheduling[t.Norm] {
			return true
		}
	}
	return false
}

// shouting adds a find for each run of words in capitals and each "!!"
// in toks; a run inside an earlier cue of the sentence (finds[from:])
// marks that cue instead. It reports whether the sentence shouts.
func (m *pushyModel) shouting(doc *lint.Document, toks []lint.Token, q []bool, finds *[]pushFind, from int) bool {
	shouted := false
	for j := 0; j < len(toks); j++ {
		t := &toks[j]
		if q != nil && q[j] {
			continue
		}
		if t.Kind == lint.TokPunct && strings.Count(t.Text, "!") >= 2 {
			shouted = true
			repl := "."
			if strings.Contains(t.Text, "?") {
				repl = "?"
			}
			*finds = append(*finds, pushFind{span: t.Span, kind: pushBangs, fixes: []lint.Fix{{
				Title: fmt.Sprintf("Replace %q with %q", t.Text, repl),
				Edits: []lint.TextEdit{{Span: t.Span, NewText: repl}}}}})
			continue
		}
		if !m.shoutWord(t) {
			continue
		}
		shouted = true
		end := j + 1
		for end < len(toks) && m.capsWord(&toks[end]) && (q == nil || !q[end]) {
			end++
		}
		span := lint.Span{Start: t.Span.Start, End: toks[end-1].Span.End}
		fix := lowerFix(doc, toks, j, end)
		j = end - 1
		merged := false
		for k := from; k < len(*finds); k++ {
			if f := &(*finds)[k]; f.kind != pushShout && f.kind != pushBangs && f.span.Overlaps(span) {
				f.shout, f.fixes, merged = true, append(f.fixes, fix), true
				break
			}
		}
		if !merged {
			*finds = append(*finds, pushFind{span: span, kind: pushShout, fixes: []lint.Fix{fix}})
		}
	}
	return shouted
}

// capsWord reports whether t is a word written in capitals that is not a
// known acronym: letters only (with inner apostrophes and hyphens), two
// or more, at least one vowel.
func (m *pushyModel) capsWord(t *lint.Token) bool {
	return capsLetters(t) >= 2 && !m.acronyms[t.Norm]
}

// shoutWord reports whether t shouts: a capitals word of 4+ letters that
// is not an acronym.
func (m *pushyModel) shoutWord(t *lint.Token) bool {
	return capsLetters(t) >= 4 && !m.acronyms[t.Norm]
}

// capsLetters counts the letters of a word written wholly in capitals
// with at least one vowel; it returns 0 for anything else, and for words
// with no vowel, which read as acronyms (CRM, GDPR).
func capsLetters(t *lint.Token) int {
	if t.Kind != lint.TokWord || t.Norm == t.Text { // lower-casing changed nothing: no capitals
		return 0
	}
	letters, vowel := 0, false
	for _, r := range t.Text {
		switch {
		case r == '\'' || r == '’' || r == '-':
		case 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r):
			letters++
			vowel = vowel || strings.ContainsRune("AEIOUYÀÁÂÄÉÈÊËÍÎÏÓÔÖÚÙÛÜ", r)
		default:
			return 0
		}
	}
	if !vowel {
		return 0
	}
	return letters
}

// properNames keep their capital when a shouted word is lowered.
var properNames = wordSet([]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"})

// lowerFix rewrites toks[j:end] in lower case, keeping a capital at the
// start of the sentence, on "I" and on days and months.
func lowerFix(doc *lint.Document, toks []lint.Token, j, end int) lint.Fix {
	startsSentence := true
	for _, t := range toks[:j] {
		if t.IsWord() {
			startsSentence = false
			break
		}
	}
	edits := make([]lint.TextEdit, 0, end-j)
	var words []string
	for k := j; k < end; k++ {
		t := &toks[k]
		w := t.Norm
		if (k == j && startsSentence) || w == "i" || strings.HasPrefix(w, "i'") || properNames[w] {
			r, size := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(r)) + w[size:]
		}
		words = append(words, w)
		edits = append(edits, lint.TextEdit{Span: t.Span, NewText: w})
	}
	return lint.Fix{Title: fmt.Sprintf("Write %q as %q", doc.TextOf(lint.Span{Start: toks[j].Span.Start, End: toks[end-1].Span.End}),
		strings.Join(words, " ")), Edits: edits}
}

// exclaimDensity finds more single "!" than perFifty per 50 body words
// ("!!" is reported on its own) and points at the first one too many.
func (m *pushyModel) exclaimDensity(a *lint.Analysis, quoted []bool, perFifty int) (pushFind, bool) {
	if perFifty <= 0 {
		return pushFind{}, false
	}
	words := a.WordCount()
	allowed := max(1, (words+49)/50*perFifty)
	n := 0
	var over lint.Span
	for j := range a.Tokens {
		t := &a.Tokens[j]
		if t.Kind != lint.TokPunct || strings.Count(t.Text, "!") != 1 || (quoted != nil && quoted[j]) {
			continue
		}
		if n++; n == allowed+1 {
			over = t.Span
		}
	}
	if n <= allowed {
		return pushFind{}, false
	}
	return pushFind{span: over, kind: pushDensity,
		what: fmt.Sprintf("%d exclamation marks in %d words", n, words)}, true
}

// quotedTokens marks the tokens inside double quotes: someone else's
// words, such as the prospect's. A quote that does not close in its block
// marks nothing. It returns nil when the text has no quotes.
func quotedTokens(a *lint.Analysis) []bool {
	var out []bool
	open := -1
	block := -1
	for i := range a.Sentences {
		s := a.Sentences[i]
		if s.Block != block {
			block, open = s.Block, -1
		}
		for j := s.First; j < s.End; j++ {
			t := &a.Tokens[j]
			if t.Kind != lint.TokPunct {
				continue
			}
			switch {
			case open < 0 && (t.Text == `"` || t.Text == "“"):
				open = j
			case open >= 0 && (t.Text == `"` || t.Text == "”"):
				if out == nil {
					out = make([]bool, len(a.Tokens))
				}
				for k := open; k <= j; k++ {
					out[k] = true
				}
				open = -1
			}
		}
	}
	return out
}

// anyQuoted reports whether any of q[from:to] is quoted; q may be nil.
func anyQuoted(q []bool, from, to int) bool {
	if q == nil {
		return false
	}
	for _, b := range q[from:to] {
		if b {
			return true
		}
	}
	return false
}
