package lint

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds. Only words, numbers and value placeholders count as words.
const (
	TokWord        TokenKind = iota + 1
	TokNumber                // 15, 3.5, 40%, $900, #1, 15-minute, 10am
	TokPunct                 // . , ? ! -- … ( ) quotes
	TokSymbol                // emoji and other symbols
	TokPlaceholder           // {{first_name}}: reads as one neutral noun
	TokControl               // {% if %}: template logic, invisible to the reader
	TokURL                   // https://…, www.…, acme.io
	TokEmail                 // sam@acme.io
)

var tokenKindNames = [...]string{"", "word", "number", "punct", "symbol", "placeholder", "control", "url", "email"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "?"
}

// Token is one unit of Document.Text.
type Token struct {
	Span Span
	Text string // the token as written
	// Norm is Text lower-cased with typographic apostrophes made ASCII,
	// the form cue lists are written in.
	Norm string
	// Hash is HashWord(Norm): cue lists index by it, so matching a token
	// against thousands of phrases costs an integer lookup, not a string
	// hash per list.
	Hash uint64
	Kind TokenKind
	// Possessive marks a placeholder written with 's ("{{company}}'s").
	Possessive bool
}

// IsWord reports whether the token counts as a word a reader reads.
func (t Token) IsWord() bool {
	return t.Kind == TokWord || t.Kind == TokNumber || t.Kind == TokPlaceholder
}

// Sentence is a run of tokens ending at a terminator or a block end.
type Sentence struct {
	Span     Span
	First    int // index of the first token in Analysis.Tokens
	End      int // index one past the last token
	Block    int // index into Document.Blocks
	Words    int // tokens a reader reads as words (Token.IsWord)
	Question bool
	Exclaim  bool
}

// Analysis holds the tokens and sentences of one document and tags parts
// of speech on demand. It belongs to one lint run and is not safe for
// concurrent use.
type Analysis struct {
	Doc       *Document
	Tokens    []Token
	Sentences []Sentence

	tagger *Tagger
	tags   map[int][]string
	lower  string // Doc.Text with ASCII lower-cased, made on first need; Norms slice it
}

// Analyze tokenises and segments doc. Tagging waits until a rule asks.
func Analyze(doc *Document, tagger *Tagger) *Analysis {
	a := &Analysis{Doc: doc, tagger: tagger}
	a.Tokens = make([]Token, 0, len(doc.Text)/5)
	a.Sentences = make([]Sentence, 0, len(doc.Text)/80)
	ph := 0
	for bi, b := range doc.Blocks {
		first := len(a.Tokens)
		ph = a.tokenize(b, ph)
		a.segment(bi, first)
	}
	return a
}

// SentenceTokens returns the tokens of sentence i.
func (a *Analysis) SentenceTokens(i int) []Token {
	s := a.Sentences[i]
	return a.Tokens[s.First:s.End]
}

// WordCount counts the words a reader reads in the whole body: the sum of
// its sentences' Words, since every token belongs to a sentence.
func (a *Analysis) WordCount() int {
	n := 0
	for _, s := range a.Sentences {
		n += s.Words
	}
	return n
}

// Tags returns Penn Treebank part-of-speech tags for the tokens of sentence
// i, one per token. The first call per sentence runs the tagger (about
// 2 µs a token), so rules ask only where a lexical cue is ambiguous.
func (a *Analysis) Tags(i int) []string {
	if t, ok := a.tags[i]; ok {
		return t
	}
	if a.tags == nil {
		a.tags = map[int][]string{}
	}
	tagger := a.tagger
	if tagger == nil {
		tagger = defaultTagger
	}
	t := tagger.Tag(a.SentenceTokens(i))
	a.tags[i] = t
	return t
}

// TaggedSentences reports how many sentences were tagged so far.
func (a *Analysis) TaggedSentences() int { return len(a.tags) }

// tokenize appends the tokens of block b; ph is the index of the first
// placeholder not yet consumed.
func (a *Analysis) tokenize(b Span, ph int) int {
	text := a.Doc.Text
	phs := a.Doc.Placeholders
	for ph < len(phs) && phs[ph].Span.Start < b.Start {
		ph++
	}
	i := b.Start
	for i < b.End {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			i++
			continue
		}
		if ph < len(phs) && phs[ph].Span.Start == i {
			p := phs[ph]
			ph++
			t := Token{Span: p.Span, Kind: TokPlaceholder}
			if p.Control {
				t.Kind = TokControl
			}
			if n := possessiveLen(text[p.Span.End:b.End]); n > 0 && !p.Control {
				t.Span.End += n
				t.Possessive = true
			}
			i = a.push(t)
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				i += size
				continue
			}
		}
		end := b.End
		if ph < len(phs) {
			end = min(end, phs[ph].Span.Start)
		}
		switch {
		case (c|0x20 == 'h' || c|0x20 == 'w') && urlStart(text[i:end]):
			i = a.push(Token{Span: Span{i, i + urlLen(text[i:end])}, Kind: TokURL})
		case asciiWord[c]:
			i = a.pushWord(i, end)
		case c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			i = a.push(wordToken(text, i, end))
		case (r == '$' || r == '€' || r == '£' || r == '#') && i+size < end && isDigit(text[i+size]):
			t := wordToken(text, i+size, end)
			t.Span.Start = i
			t.Kind = TokNumber
			i = a.push(t)
		default:
			i = a.push(symbolToken(text, i, end, r, size))
		}
	}
	return ph
}

func (a *Analysis) push(t Token) int {
	t.Text = a.Doc.Text[t.Span.Start:t.Span.End]
	t.Norm, t.Hash = a.normalize(t.Text, t.Span.Start)
	a.Tokens = append(a.Tokens, t)
	return t.Span.End
}

// normalize returns the package normalize of the token at offset and its
// HashWord. An ASCII token is hashed in the same pass that looks for
// capitals, and one with capitals slices a lower-cased copy of the text
// made once, rather than allocating its own.
func (a *Analysis) normalize(s string, offset int) (string, uint64) {
	upper := false
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			n := normalize(s)
			return n, HashWord(n)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	if !upper {
		return s, h
	}
	return a.lowerText()[offset : offset+len(s)], h
}

// lowerText returns Doc.Text with ASCII lower-cased, made on first need.
func (a *Analysis) lowerText() string {
	if a.lower == "" {
		a.lower = a.Doc.lower
		if len(a.lower) != len(a.Doc.Text) { // a Document not made by Parse
			a.lower = asciiLower(a.Doc.Text)
		}
	}
	return a.lower
}

// pushWord appends the word or number starting with the ASCII word byte
// at i. A run of ASCII letters and digits ended by a byte that cannot
// join a word, as most words are, is hashed and lower-cased in the one
// pass that finds its end; anything else goes through wordToken and push.
func (a *Analysis) pushWord(i, end int) int {
	text := a.Doc.Text
	h, upper, j := uint64(fnvOffset), false, i
	for ; j < end && asciiWord[text[j]]; j++ {
		c := text[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	if j < end && (text[j] >= utf8.RuneSelf || mayJoin[text[j]]) {
		return a.push(wordToken(text, i, end))
	}
	t := Token{Span: Span{i, j}, Text: text[i:j], Norm: text[i:j], Hash: h, Kind: TokWord}
	if isDigit(text[i]) {
		t.Kind = TokNumber
	}
	if upper {
		t.Norm = a.lowerText()[i:j]
	}
	a.Tokens = append(a.Tokens, t)
	return j
}

// The 64-bit FNV-1a parameters.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// HashWord is the 64-bit FNV-1a hash of a normalised word, as stored in
// Token.Hash.
func HashWord(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func asciiLower(s string) string { return string(asciiLowerBytes([]byte(s))) }

// asciiLowerBytes returns a copy of b with ASCII letters lower-cased,
// eight bytes at a time: a byte's high bit is set in upper when it lies in
// 'A'..'Z', and shifting that bit down to 0x20 lower-cases it.
func asciiLowerBytes(b []byte) []byte {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	out := make([]byte, len(b))
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		seven := w &^ hi
		upper := (seven + (0x80-'A')*lo) &^ (seven + (0x7f-'Z')*lo) &^ w & hi
		binary.LittleEndian.PutUint64(out[i:], w|upper>>2)
	}
	for ; i < len(b); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// normalize lower-cases and straightens apostrophes, allocating only when
// something changes.
func normalize(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
		}
	}
	return s
}

func possessiveLen(rest string) int {
	for _, p := range []string{"'s", "’s"} {
		if strings.HasPrefix(rest, p) {
			if len(rest) == len(p) || !isWordByte(rest[len(p)]) {
				return len(p)
			}
		}
	}
	return 0
}

// urlStart reports whether s opens a URL: a scheme or "www.".
func urlStart(s string) bool {
	if len(s) < 8 {
		return false
	}
	switch s[0] | 0x20 {
	case 'h':
		l := strings.ToLower(s[:min(len(s), 8)])
		return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
	case 'w':
		return strings.EqualFold(s[:4], "www.")
	}
	return false
}

// urlLen consumes up to white space, then gives back trailing punctuation
// that belongs to the sentence.
func urlLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if unicode.IsSpace(r) || r == '<' || r == '"' {
			break
		}
		n += size
	}
	for n > 0 && strings.ContainsRune(".,;:!?)]}'’”>*", rune(s[n-1])) {
		n--
	}
	return n
}

// tlds are the domain endings we accept for bare domains ("acme.io").
var tlds = map[string]bool{
	"com": true, "io": true, "ai": true, "co": true, "net": true, "org": true, "app": true, "dev": true,
	"so": true, "us": true, "uk": true, "de": true, "ly": true, "me": true, "tech": true, "xyz": true,
}

// wordToken scans a word or number at i: letters, digits and marks, joined
// by inner apostrophes and hyphens ("don't", "follow-up", "15-minute"),
// dotted abbreviations ("e.g.", "U.S."), and turns into an e-mail address
// or a bare domain when it continues as one.
func wordToken(text string, i, end int) Token {
	start := i
	number := isDigit(text[i])
	dots := false
	for i < end {
		if c := text[i]; asciiWord[c] { // most bytes: skip decoding and the joiner checks
			i++
			continue
		} else if c < utf8.RuneSelf && !mayJoin[c] { // a space or a comma: the word ends here
			break
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			i += size
			continue
		}
		var next rune
		if i+size < end {
			next, _ = utf8.DecodeRuneInString(text[i+size : end])
		}
		switch {
		case (r == '\'' || r == '’') && unicode.IsLetter(next):
		case (r == '-' || r == '&') && (unicode.IsLetter(next) || unicode.IsDigit(next)):
		case number && (r == '.' || r == ',' || r == ':' || r == '/') && unicode.IsDigit(next):
		case r == '@' && emailRest(text[i+1:end]) > 0:
			return Token{Span: Span{start, i + 1 + emailRest(text[i+1:end])}, Kind: TokEmail}
		case r == '.' && unicode.IsLetter(next):
			if n := emailLen(text[start:end]); n > 0 { // "sam.lee@acme.io"
				return Token{Span: Span{start, start + n}, Kind: TokEmail}
			}
			if d := domainLen(text[start:end]); d > 0 {
				return Token{Span: Span{start, start + d}, Kind: TokURL}
			}
			// "e.g", "U.S": single letters joined by dots.
			if i-start == 1 || (dots && text[i-2] == '.') {
				dots = true
				break
			}
			return finishWord(text, start, i, end, number, dots)
		case r == '%' && number:
			i += size
			return finishWord(text, start, i, end, number, dots)
		default:
			return finishWord(text, start, i, end, number, dots)
		}
		i += size
	}
	return finishWord(text, start, i, end, number, dots)
}

func finishWord(text string, start, i, end int, number, dots bool) Token {
	if dots && i < end && text[i] == '.' { // not past end: a placeholder may start there
		i++ // the closing dot of "e.g."
	}
	k := TokWord
	if number {
		k = TokNumber
	}
	return Token{Span: Span{start, i}, Kind: k}
}

// mayJoin marks the ASCII bytes wordToken may take inside a word, given
// what follows them: "don't", "follow-up", "R&D", "e.g.", "3,000", "9:30",
// "24/7", "sam@acme.io", "50%".
var mayJoin = [utf8.RuneSelf]bool{'\'': true, '-': true, '&': true, '.': true, ',': true, ':': true, '/': true, '@': true, '%': true}

// asciiWord marks the ASCII bytes isWordRune accepts.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isASCIILetter(byte(c)) || isDigit(byte(c)) || c == '_'
	}
	return t
}()

// isWordRune accepts letters, digits and marks; enclosing marks keep a
// keycap ("1️⃣") in one token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || isDigit(byte(r)) || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) || r == '_'
}

// emailLen returns the length of an e-mail address whose local part may
// hold dots ("sam.lee@acme.io") at the start of s, or 0.
func emailLen(s string) int {
	at := 0
	for at < len(s) && (isASCIILetter(s[at]) || isDigit(s[at]) || strings.IndexByte("._-+", s[at]) >= 0) {
		at++
	}
	if at == 0 || at == len(s) || s[at] != '@' {
		return 0
	}
	if n := emailRest(s[at+1:]); n > 0 {
		return at + 1 + n
	}
	return 0
}

// emailRest returns the length of the domain part after "@", or 0.
func emailRest(s string) int {
	n, dots := 0, 0
	for n < len(s) && (isASCIILetter(s[n]) || isDigit(s[n]) || s[n] == '-' || s[n] == '.') {
		if s[n] == '.' {
			dots++
		}
		n++
	}
	for n > 0 && s[n-1] == '.' {
		n--
		dots--
	}
	if dots == 0 {
		return 0
	}
	return n
}

// domainLen returns the length of a bare domain with a known ending and an
// optional path ("acme.io/guide"), or 0.
func domainLen(s string) int {
	n := 0
	lastDot := -1
	for n < len(s) && (isASCIILetter(s[n]) || isDigit(s[n]) || s[n] == '-' || s[n] == '.') {
		if s[n] == '.' {
			lastDot = n
		}
		n++
	}
	for n > 0 && s[n-1] == '.' {
		n--
		lastDot = strings.LastIndexByte(s[:n], '.')
	}
	if lastDot <= 0 || !tlds[strings.ToLower(s[lastDot+1:n])] {
		return 0
	}
	if n < len(s) && s[n] == '/' {
		n += urlLen(s[n:])
	}
	return n
}

// symbolToken groups runs of sentence punctuation ("?!", "..."), dashes
// ("--") and emoji sequences (with modifiers and joiners) into one token.
func symbolToken(text string, i, end int, r rune, size int) Token {
	start := i
	i += size
	switch {
	case r == '.' || r == '!' || r == '?':
		for i < end && (text[i] == '.' || text[i] == '!' || text[i] == '?') {
			i++
		}
		return Token{Span: Span{start, i}, Kind: TokPunct}
	case r == '-':
		for i < end && text[i] == '-' {
			i++
		}
		return Token{Span: Span{start, i}, Kind: TokPunct}
	case unicode.IsPunct(r) || r < utf8.RuneSelf:
		return Token{Span: Span{start, i}, Kind: TokPunct}
	}
	if r >= 0x1f1e6 && r <= 0x1f1ff && i < end { // a flag is a pair of regional indicators
		if n, nsize := utf8.DecodeRuneInString(text[i:end]); n >= 0x1f1e6 && n <= 0x1f1ff {
			i += nsize
		}
	}
	for i < end { // emoji modifiers, variation selectors and joined sequences
		n, nsize := utf8.DecodeRuneInString(text[i:end])
		switch {
		case n == '\u200d' && i+nsize < end:
			_, s2 := utf8.DecodeRuneInString(text[i+nsize : end])
			i += nsize + s2
		case n == '\ufe0f' || n == '\u20e3' || (n >= 0x1f3fb && n <= 0x1f3ff) || unicode.Is(unicode.Mn, n):
			i += nsize
		default:
			return Token{Span: Span{start, i}, Kind: TokSymbol}
		}
	}
	return Token{Span: Span{start, i}, Kind: TokSymbol}
}

// neverFinal are abbreviations that end in a dot but never end a sentence.
var neverFinal = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"vs": true, "approx": true, "dept": true, "fig": true, "no": true, "nr": true, "ca": true, "cf": true,
}

// segment splits the tokens of block bi, starting at token first, into
// sentences.
func (a *Analysis) segment(bi, first int) {
	toks := a.Tokens
	text := a.Doc.Text
	start := first
	emit := func(end int, term string) { // term: the terminating punctuation, if any
		if end <= start {
			return
		}
		words := 0
		for k := start; k < end; k++ {
			if toks[k].IsWord() {
				words++
			}
		}
		a.Sentences = append(a.Sentences, Sentence{
			Span:     Span{toks[start].Span.Start, toks[end-1].Span.End},
			First:    start,
			End:      end,
			Block:    bi,
			Words:    words,
			Question: strings.IndexByte(term, '?') >= 0,
			Exclaim:  strings.IndexByte(term, '!') >= 0,
		})
		start = end
	}
	for i := first; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != TokPunct {
			if i > start && lineBreakEnds(text, toks, i) {
				emit(i, "")
			}
			continue
		}
		if !terminates(toks, first, i) {
			continue
		}
		end := i + 1
		for end < len(toks) && closer(&toks[end]) && toks[end].Span.Start == toks[end-1].Span.End {
			end++
		}
		emit(end, t.Text)
		i = end - 1
	}
	emit(len(toks), "")
}

// terminates decides whether punctuation token i ends its sentence.
func terminates(toks []Token, first, i int) bool {
	t := &toks[i]
	next := &Token{}
	if i+1 < len(toks) {
		next = &toks[i+1]
	}
	switch {
	case strings.ContainsAny(t.Text, "?!"):
		return true
	case t.Text == "…" || strings.HasPrefix(t.Text, ".."):
		return next.Kind == 0 || startsUpper(next)
	case t.Text != ".":
		return false
	}
	if i > first {
		prev := &toks[i-1]
		if prev.Span.End == t.Span.Start && prev.Kind == TokWord {
			if neverFinal[prev.Norm] {
				return false
			}
			if utf8.RuneCountInString(prev.Text) == 1 && startsUpper(prev) && next.Kind != 0 {
				return false // an initial: "J. Smith"
			}
		}
	}
	if next.Kind == TokWord {
		r, _ := utf8.DecodeRuneInString(next.Text)
		return !unicode.IsLower(r)
	}
	return true
}

// lineBreakEnds ends a sentence at a line break when the line before is a
// short, unpunctuated line and the next starts with a capital: templates
// often put one thought per line without full stops.
func lineBreakEnds(text string, toks []Token, i int) bool {
	prev, t := &toks[i-1], &toks[i]
	if !hasLineBreak(text[prev.Span.End:t.Span.Start]) || !startsUpper(t) || prev.Kind == TokPunct {
		return false
	}
	if danglingWords[prev.Norm] {
		return false // "My name is Jake from\nAcme": the line was wrapped
	}
	lineStart := prev.Span.End
	for lineStart > 0 && text[lineStart-1] != '\n' && text[lineStart-1] != '\r' {
		lineStart--
	}
	words := 0
	for j := i - 1; j >= 0 && toks[j].Span.Start >= lineStart; j-- {
		if toks[j].IsWord() {
			words++
		}
	}
	return words > 0 && words <= 6
}

// danglingWords cannot end a sentence, so a line ending in one continues.
var danglingWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "to": true, "from": true,
	"with": true, "for": true, "in": true, "on": true, "at": true, "by": true, "my": true, "your": true, "our": true,
	"is": true, "are": true, "was": true, "i": true, "we": true, "you": true, "that": true, "this": true, "like": true,
}

// hasLineBreak is strings.ContainsAny(s, "\n\r") without building a set
// per call: it runs between every two tokens.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return true
		}
	}
	return false
}

func startsUpper(t *Token) bool {
	if t.Kind == TokPlaceholder || t.Kind == TokNumber || t.Kind == TokSymbol {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) || t.Text == "\"" || t.Text == "“" || t.Text == "("
}

func closer(t *Token) bool {
	switch t.Text {
	case "\"", "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

// AnalyzeLine analyses a one-line fragment that is not a body, such as a
// subject line: one block, merge fields recognised as in bodies, nothing
// masked. Spans index text.
func AnalyzeLine(text string) *Analysis {
	doc := &Document{Path: "line", Source: []byte(text), Format: FormatText, Kind: KindEmail, Text: text,
		Placeholders: findPlaceholders([]byte(text), nil)}
	if strings.TrimSpace(text) != "" {
		doc.Blocks = []Span{{0, len(text)}}
	}
	return Analyze(doc, nil)
}
