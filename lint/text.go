package lint

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// adaptText reads plain text: the text is the source itself; list markers
// are masked and start a new block.
func adaptText(text []byte) *adapted {
	ad := &adapted{text: text, lines: lineSpans(text)}
	for _, l := range ad.lines {
		line := text[l.Start:l.End]
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if n := bulletLen(line[indent:]); n > 0 {
			ad.masks = append(ad.masks, Mask{Span{l.Start + indent, l.Start + indent + n}, MaskMarkup})
			ad.breaks = append(ad.breaks, l.Start)
		}
	}
	return ad
}

// bulletLen returns the length of a list marker ("- ", "* ", "• ", "1. ",
// "2) ", "a) ") at the start of line, or 0.
func bulletLen(line []byte) int {
	if len(line) < 2 || !bulletStart[line[0]] {
		return 0
	}
	for _, m := range []string{"- ", "* ", "+ ", "• ", "· ", "– "} {
		if bytes.HasPrefix(line, []byte(m)) {
			return len(m)
		}
	}
	i := 0
	for i < len(line) && i < 2 && isDigit(line[i]) {
		i++
	}
	if i == 0 && len(line) > 1 && line[0] >= 'a' && line[0] <= 'h' && line[1] == ')' {
		i = 1
	}
	if i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && (line[i+1] == ' ' || line[i+1] == '\t') {
		return i + 2
	}
	return 0
}

// bulletStart holds the bytes a list marker can start with.
var bulletStart = func() (t [256]bool) {
	for _, c := range []byte("-*+\xe2\xc20123456789abcdefgh") {
		t[c] = true
	}
	return t
}()

// lineSpans splits text into lines without their terminators. It jumps
// from break to break with IndexByte: a byte-by-byte loop was a third of
// Parse's time, and Parse splits lines three times.
func lineSpans[T ~string | ~[]byte](text T) []Span {
	index := func(from, to int, c byte) int {
		for i := from; i < to; i++ {
			if text[i] == c {
				return i - from
			}
		}
		return -1
	}
	switch t := any(text).(type) {
	case []byte:
		index = func(from, to int, c byte) int { return bytes.IndexByte(t[from:to], c) }
	case string:
		index = func(from, to int, c byte) int { return strings.IndexByte(t[from:to], c) }
	}
	out := make([]Span, 0, len(text)/50+1)
	start, nl := 0, -1 // nl: the next "\n" at or after start, or len(text)
	for {
		if nl < start {
			nl = len(text)
			if j := index(start, len(text), '\n'); j >= 0 {
				nl = start + j
			}
		}
		if j := index(start, nl, '\r'); j >= 0 { // "\r\n" or a lone "\r"
			out = append(out, Span{start, start + j})
			start += j + 1
			if start < len(text) && text[start] == '\n' {
				start++
			}
			continue
		}
		out = append(out, Span{start, nl})
		if nl == len(text) {
			return out
		}
		start = nl + 1
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// proseMasks finds the parts of an email body that a reader skims past:
// a leading Subject line, the greeting, quoted replies, the signature and
// unsubscribe footers. It reads text with the adapter's masks already
// blanked, and may fill in meta's subject. A spoken script (a voicemail)
// has no written sign-off: its "Thanks!" is said aloud, so only a "--"
// delimiter starts a signature there.
func proseMasks(text, lower []byte, lines []Span, meta *Meta, spoken bool) []Mask {
	var masks []Mask
	next := nonBlank(text, lines, 0)

	if next < len(lines) {
		l := lines[next]
		if rest, ok := subjectLine(text[l.Start:l.End]); ok {
			if !meta.HasSubject {
				s := l.End - len(rest)
				meta.Subject, meta.HasSubject = strings.TrimSpace(string(rest)), true
				meta.SubjectSpan = Span{s, l.End}
			}
			masks = append(masks, Mask{l, MaskSubject})
			next = nonBlank(text, lines, next+1)
		}
	}
	if next < len(lines) {
		l := lines[next]
		if n := greetingLen(text[l.Start:l.End]); n > 0 {
			masks = append(masks, Mask{Span{l.Start, l.Start + n}, MaskGreeting})
		}
	}
	bodyFrom := next + 1

	// Quoted replies: ">" lines anywhere, and everything after a reply header.
	quoteAt := len(lines)
	for i := bodyFrom; i < len(lines); i++ {
		line := text[lines[i].Start:lines[i].End]
		if replyHeader(text, lines, i) {
			quoteAt = i
			masks = append(masks, Mask{Span{lines[i].Start, len(text)}, MaskQuote})
			break
		}
		if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && t[0] == '>' {
			masks = append(masks, Mask{lines[i], MaskQuote})
		}
	}

	if sig, end := signature(text, lines, bodyFrom, quoteAt, spoken); sig >= 0 {
		stop := len(text)
		if end < len(lines) {
			stop = lines[end].Start
		}
		if quoteAt < len(lines) {
			stop = min(stop, lines[quoteAt].Start)
		}
		masks = append(masks, Mask{Span{lines[sig].Start, stop}, MaskSignature})
	}
	masks = append(masks, footers(text, lower, lines)...)
	return masks
}

func nonBlank(text []byte, lines []Span, from int) int {
	for from < len(lines) && isBlank(text[lines[from].Start:lines[from].End]) {
		from++
	}
	return from
}

// subjectLine recognises "Subject: …" and returns what follows the colon.
func subjectLine(line []byte) ([]byte, bool) {
	t := bytes.TrimLeft(line, " \t")
	if len(t) < 8 || !bytes.EqualFold(t[:7], []byte("subject")) {
		return nil, false
	}
	rest := bytes.TrimLeft(t[7:], " \t")
	if len(rest) == 0 || rest[0] != ':' {
		return nil, false
	}
	return bytes.TrimLeft(rest[1:], " \t"), true
}

var greetingWords = []string{
	"good morning", "good afternoon", "good evening", "hi there", "hello there", "hey there",
	"hi", "hello", "hey", "dear", "greetings", "morning", "howdy", "hiya",
}

// nameGreetingStop lists capitalised words that open a sentence, not a
// greeting, when followed by a comma ("So, …", "Quick question, …").
var nameGreetingStop = map[string]bool{
	"so": true, "well": true, "yes": true, "no": true, "also": true, "quick": true, "honestly": true,
	"look": true, "listen": true, "now": true, "today": true, "again": true, "because": true,
	"however": true, "otherwise": true, "thanks": true, "great": true, "congrats": true, "sure": true,
	"ok": true, "okay": true, "finally": true, "first": true, "plus": true, "sorry": true, "btw": true,
	"unfortunately": true, "yesterday": true, "recently": true, "frankly": true, "sadly": true,
}

// greetingLen returns how many bytes of the first body line are a
// greeting ("Hi {{first_name}},", "Dear Ms. Lee:", "Sam,"), or 0.
func greetingLen(line []byte) int {
	indent := len(line) - len(bytes.TrimLeft(line, " \t"))
	t := line[indent:]
	lower := strings.ToLower(string(t))
	for _, g := range greetingWords {
		if !strings.HasPrefix(lower, g) {
			continue
		}
		if len(lower) > len(g) && isWordByte(lower[len(g)]) {
			continue
		}
		if n := greetingEnd(t); n > 0 {
			return indent + n
		}
		return 0
	}
	// "Sam," or "{{first_name}}," alone on its line, or one name before the
	// prose; "Sam --" and "Sam —" greet the same way.
	comma, markLen := bytes.IndexByte(t, ','), 1
	for _, dash := range []string{" --", " —", " –"} {
		if d := bytes.Index(t, []byte(dash)); d > 0 && (comma < 0 || d < comma) {
			comma, markLen = d, len(dash)
		}
	}
	if comma <= 0 || comma > 40 {
		return 0
	}
	name := t[:comma]
	words := bytes.Fields(name)
	if len(words) == 0 || len(words) > 3 {
		return 0
	}
	for _, w := range words {
		if !nameLike(w) {
			return 0
		}
	}
	if isBlank(t[comma+markLen:]) {
		return len(line)
	}
	if len(words) == 1 && !nameGreetingStop[strings.ToLower(string(words[0]))] {
		return indent + comma + markLen
	}
	return 0
}

// greetingEnd finds where a greeting that opens t stops: at its first
// comma, colon, exclamation mark, dash or full stop, within six words; a
// short line with no such mark is all greeting.
func greetingEnd(t []byte) int {
	words := 0
	inWord := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == ',' || c == ':' || c == '!' || c == ';':
			return i + 1
		case c == '.' && (i+1 == len(t) || t[i+1] == ' '):
			w := i
			for w > 0 && isASCIILetter(t[w-1]) {
				w--
			}
			if neverFinal[strings.ToLower(string(t[w:i]))] { // "Dear Mrs. Lee:", "Hi Prof. Ng,"
				continue
			}
			return i + 1
		case c == '-' && i+1 < len(t) && t[i+1] == '-':
			return i
		case bytes.HasPrefix(t[i:], []byte("—")) || bytes.HasPrefix(t[i:], []byte("–")):
			return i
		case c == ' ' || c == '\t':
			inWord = false
		default:
			if !inWord {
				words++
				inWord = true
				if words > 6 {
					return 0
				}
			}
		}
	}
	if words <= 5 {
		return len(t)
	}
	return 0
}

// nameLike accepts a capitalised word, an initial or a merge field.
func nameLike(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case '{', '[', '%', '*', '$':
		return true
	}
	r, _ := utf8.DecodeRune(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w {
		if c == '.' || c == '!' || c == '?' || c == ':' {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool { return isASCIILetter(c) || isDigit(c) || c == '_' || c >= utf8.RuneSelf }

// replyHeader recognises the line that opens a quoted thread: "On … wrote:"
// (possibly wrapped over two lines), Outlook's "-----Original Message-----"
// and forwarded-message banners.
func replyHeader(text []byte, lines []Span, i int) bool {
	if b := bytes.TrimSpace(text[lines[i].Start:lines[i].End]); len(b) == 0 {
		return false
	} else if c := b[0] | 0x20; c != '-' && c != 'b' && c != 'o' && c != 'f' {
		return false // every header below starts with one of these; skip the lower-casing
	}
	t := strings.ToLower(strings.TrimSpace(string(text[lines[i].Start:lines[i].End])))
	switch {
	case strings.Contains(t, "original message") && strings.HasPrefix(t, "--"),
		strings.HasPrefix(t, "begin forwarded message"),
		strings.Contains(t, "forwarded message") && strings.HasPrefix(t, "--"):
		return true
	case strings.HasPrefix(t, "on ") && strings.HasSuffix(t, "wrote:"):
		return true
	case strings.HasPrefix(t, "on ") && len(t) < 120 && i+1 < len(lines):
		n := strings.ToLower(strings.TrimSpace(string(text[lines[i+1].Start:lines[i+1].End])))
		return strings.HasSuffix(n, "wrote:") && len(n) < 80
	case strings.HasPrefix(t, "from:") && i+1 < len(lines):
		for j := i + 1; j < min(len(lines), i+4); j++ {
			n := strings.ToLower(strings.TrimSpace(string(text[lines[j].Start:lines[j].End])))
			if strings.HasPrefix(n, "sent:") || strings.HasPrefix(n, "date:") {
				return true
			}
		}
	}
	return false
}

// signOffs are the closing words that open a signature block.
var signOffs = []string{
	"best regards", "kind regards", "warm regards", "warmest regards", "warmest", "regards", "best wishes",
	"all the best", "best", "many thanks", "thanks so much", "thanks again", "thanks in advance", "thanks",
	"thank you so much", "thank you", "thx", "cheers", "sincerely", "yours truly", "yours", "talk soon",
	"speak soon", "take care", "respectfully", "warmly", "with gratitude", "appreciate it", "chat soon",
}

// signature returns the line where the signature block starts and the line
// where the body resumes (a P.S.), or -1. A sign-off counts only when what
// follows it is short: a name, a title, a phone number.
func signature(text []byte, lines []Span, from, to int, spoken bool) (start, resume int) {
	for i := from; i < to; i++ {
		b := bytes.TrimSpace(text[lines[i].Start:lines[i].End])
		if len(b) == 0 || !mayClose(b) { // most lines: no string, no lower-casing
			continue
		}
		t := string(b)
		delim := delimiterLine(t)
		if !delim && (spoken || !signOffLine(t)) {
			continue
		}
		resume = to
		after := 0
		long := false
		for j := i + 1; j < to; j++ {
			l := bytes.TrimSpace(text[lines[j].Start:lines[j].End])
			if postscript(l) {
				resume = j
				break
			}
			if len(l) > 0 {
				after++
				long = long || wordCount(l) > 10
			}
			if !delim && (after > 6 || long) {
				break // cannot be a sign-off; stop, or many "Thanks" lines cost O(n²)
			}
		}
		if delim || (after <= 6 && !long) {
			return i, resume
		}
	}
	return -1, to
}

// mayClose reports whether t could open a signature: a quick test on the
// bytes before delimiterLine and signOffLine look closer.
func mayClose(t []byte) bool {
	if t[0] == '-' || bytes.HasPrefix(t, []byte("—")) || bytes.HasPrefix(t, []byte("–")) || hasPrefixFold(t, "sent from my ") {
		return true
	}
	for _, s := range signOffs {
		if hasPrefixFold(t, s) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether t starts with the lower-case ASCII prefix
// p, ignoring ASCII case, without lower-casing t.
func hasPrefixFold[T ~string | ~[]byte](t T, p string) bool {
	if len(t) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// wordCount counts the white-space separated words of b, as
// len(strings.Fields) would, without allocating.
func wordCount(b []byte) int {
	n, in := 0, false
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
		i += size
	}
	return n
}

func delimiterLine(t string) bool {
	switch {
	case t == "--" || t == "—" || t == "–" || t == "---":
		return true
	case strings.HasPrefix(t, "-- ") || strings.HasPrefix(t, "— "):
		return len(strings.Fields(t)) <= 6
	case hasPrefixFold(t, "sent from my "):
		return true
	}
	return false
}

func signOffLine(t string) bool {
	for _, s := range signOffs {
		if !hasPrefixFold(t, s) {
			continue
		}
		rest := t[len(s):]
		if rest != "" && isWordByte(rest[0]) {
			continue // "Bestselling", "Thanksgiving"
		}
		punct := strings.TrimLeft(rest, ",.!— -")
		if len(punct) < len(rest) || rest == "" {
			rest = punct
		} else {
			rest = strings.TrimSpace(rest)
		}
		if rest == "" {
			return true
		}
		// "Thanks, Sam" or "Best — {{sender}}", not "Thanks for your time."
		words := strings.Fields(rest)
		if len(words) > 4 {
			return false
		}
		for _, w := range words {
			if !nameLike([]byte(w)) && w != "&" {
				return false
			}
		}
		return true
	}
	return false
}

var postscripts = []string{"p.s.", "p.s", "ps:", "ps ", "p.p.s", "pps:", "ps."}

func postscript(l []byte) bool {
	for _, p := range postscripts {
		if hasPrefixFold(l, p) {
			return true
		}
	}
	return false
}

var footerCues = []string{"unsubscribe", "manage your preferences", "email preferences", "update your preferences",
	"no longer wish to receive", "to stop receiving", "opt out of these", "opt-out of these"}

// footers masks paragraphs that exist for compliance, not for the reader:
// those holding a footer cue at the start of a word. lower is text with
// ASCII lower-cased.
func footers(text, lower []byte, lines []Span) []Mask {
	var hits []Span
	// One pass that stops only at the rarest letter of some cue: stopping
	// at each cue's first letter meant every "t" and "e" of the message.
	for i, c := range lower {
		if !footerAnchorBytes[c] {
			continue
		}
		for _, cue := range footerAnchors[c] {
			start := i - cue.at
			if start >= 0 && bytes.HasPrefix(lower[start:], []byte(cue.text)) && (start == 0 || !asciiWord[lower[start-1]]) {
				hits = append(hits, Span{start, start + len(cue.text)})
			}
		}
	}
	if hits == nil {
		return nil
	}
	var out []Mask
	for _, p := range paragraphs(text, lines) {
		if slices.ContainsFunc(hits, func(h Span) bool { return p.Start <= h.Start && h.End <= p.End }) {
			out = append(out, Mask{p, MaskFooter})
		}
	}
	return out
}

// footerAnchor is a footer cue and the offset of its rarest letter in
// English.
type footerAnchor struct {
	text string
	at   int
}

// footerAnchors lists the footer cues by their rarest letter.
var footerAnchors = func() (by [256][]footerAnchor) {
	const byFrequency = "etaoinshrdlcumwfgypbvkjxqz"
	for _, c := range footerCues {
		at := 0
		for k := range len(c) {
			if strings.IndexByte(byFrequency, c[k]) > strings.IndexByte(byFrequency, c[at]) {
				at = k
			}
		}
		by[c[at]] = append(by[c[at]], footerAnchor{c, at})
	}
	return by
}()

// footerAnchorBytes marks the letters footerAnchors lists cues under.
var footerAnchorBytes = func() (set [256]bool) {
	for c, cues := range footerAnchors {
		set[c] = len(cues) > 0
	}
	return set
}()

// paragraphs groups non-blank lines separated by blank ones.
func paragraphs(text []byte, lines []Span) []Span {
	var out []Span
	start := -1
	for i, l := range lines {
		blankLine := isBlank(text[l.Start:l.End])
		if !blankLine && start < 0 {
			start = l.Start
		}
		if start >= 0 && (blankLine || i == len(lines)-1) {
			end := l.End
			if blankLine {
				end = lines[i-1].End
			}
			out = append(out, Span{start, end})
			start = -1
		}
	}
	return out
}

// splitBlocks cuts text into blocks at blank lines and at the adapter's
// breaks, trimming surrounding white space and dropping empty blocks.
func splitBlocks(text string, lines []Span, breaks []int) []Span {
	cuts := make([]Span, 0, len(breaks)+8)
	for _, b := range breaks {
		cuts = append(cuts, Span{b, b})
	}
	for _, l := range lines {
		if isBlankString(text[l.Start:l.End]) {
			cuts = append(cuts, l)
		}
	}
	slices.SortFunc(cuts, func(a, b Span) int { return a.Start - b.Start })
	var out []Span
	start := 0
	for _, c := range append(cuts, Span{len(text), len(text)}) {
		s, e := start, max(start, c.Start)
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = max(start, c.End)
	}
	return out
}

func isBlankString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
