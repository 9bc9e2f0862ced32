package lint

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustParse(t testing.TB, path, src string) *Document {
	t.Helper()
	doc, err := Parse(path, []byte(src), ParseOptions{})
	require.NoError(t, err)
	return doc
}

// masksOf lists a document's masks as "reason: source text", in text order.
func masksOf(doc *Document) []string {
	var out []string
	for _, m := range doc.Masks {
		s, _ := doc.SourceSpan(m.Span)
		out = append(out, m.Reason+": "+string(doc.Source[s.Start:s.End]))
	}
	return out
}

// blocksOf lists the prose of each block.
func blocksOf(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, doc.TextOf(b))
	}
	return out
}

func TestParseFrontMatter(t *testing.T) {
	src := "---\nkind: followup\nsubject: \"Re: a 15-minute idea\"\nstep: 2\nstage: Demo\nsequence: q3-ops\nmode: Manual\nowner: sam\ntags: [a, b]\n---\nHi Lee,\n\nHere is the guide.\n"
	doc := mustParse(t, "seq/step2.txt", src)
	assert.Equal(t, KindFollowup, doc.Kind)
	assert.Equal(t, "Re: a 15-minute idea", doc.Meta.Subject)
	assert.True(t, doc.Meta.HasSubject)
	assert.Equal(t, `"Re: a 15-minute idea"`, string(doc.Source[doc.Meta.SubjectSpan.Start:doc.Meta.SubjectSpan.End]))
	assert.Equal(t, 2, doc.Meta.Step)
	assert.Equal(t, "demo", doc.Meta.Stage)
	assert.Equal(t, "q3-ops", doc.Meta.Sequence)
	assert.Equal(t, "manual", doc.Meta.Mode)
	// Lists belong to other tools and are left out of Fields.
	assert.Equal(t, map[string]string{"kind": "followup", "subject": "Re: a 15-minute idea", "step": "2",
		"stage": "Demo", "sequence": "q3-ops", "mode": "Manual", "owner": "sam"}, doc.Meta.Fields)

	fmEnd := strings.Index(src, "Hi Lee")
	assert.Equal(t, Mask{Span{0, fmEnd}, MaskFrontMatter}, doc.Masks[0])
	assert.Equal(t, len(src), len(doc.Text), "blanking keeps offsets")
	assert.Equal(t, strings.Count(src[:fmEnd], "\n"), strings.Count(doc.Text[:fmEnd], "\n"), "blanking keeps line breaks")
	assert.Empty(t, strings.TrimSpace(doc.Text[:fmEnd]))
	assert.Equal(t, []string{"Here is the guide."}, blocksOf(doc))
}

func TestParseFrontMatterVariants(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		matter     bool // whether a front-matter mask is expected
		kind       Kind
		step       int
		firstProse string
	}{
		{"closed by dots", "---\nstep: 3\n...\nBody text.\n", true, KindFollowup, 3, "Body text."},
		{"CRLF", "---\r\nstep: 1\r\n---\r\nBody text.\r\n", true, KindEmail, 1, "Body text."},
		{"empty block", "---\n---\nBody text.", true, KindEmail, 0, "Body text."},
		{"BOM before the block", "\ufeff---\nkind: voicemail\n---\nBody text.", true, KindVoicemail, 0, "Body text."},
		{"closing line with trailing spaces", "---\nstep: 2\n---  \nBody text.", true, KindFollowup, 2, "Body text."},
		{"unclosed is not front matter", "---\nBody text: not YAML at all.\n\nMore.", false, KindEmail, 0, "---\nBody text: not YAML at all."},
		{"dashes later in the text", "Body text.\n\n---\nkind: voicemail\n---\n", false, KindEmail, 0, "Body text."},
		{"four dashes", "----\nkind: voicemail\n---\nBody.", false, KindEmail, 0, "----\nkind: voicemail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "a.txt", tt.src)
			has := false
			for _, m := range doc.Masks {
				has = has || m.Reason == MaskFrontMatter
			}
			assert.Equal(t, tt.matter, has)
			assert.Equal(t, tt.kind, doc.Kind)
			assert.Equal(t, tt.step, doc.Meta.Step)
			require.NotEmpty(t, doc.Blocks)
			assert.Equal(t, tt.firstProse, doc.TextOf(doc.Blocks[0]))
		})
	}
}

func TestParseFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"bad kind", "---\nsubject: Hi\nkind: newsletter\n---\nBody", 3, 7, `front matter: kind: unknown kind "newsletter"`},
		{"non-integer step", "---\nstep: two\n---\nBody", 2, 7, `front matter: step: want a whole number from 1, got "two"`},
		{"fractional step after non-ASCII", "---\nsubject: Café ☕ chat\nstep:   1.5\n---\n", 3, 9, `got "1.5"`},
		{"zero step", "---\nstep: 0\n---\n", 2, 7, `got "0"`},
		{"step on a CRLF line", "---\r\nkind: email\r\nstep: x\r\n---\r\n", 3, 7, `got "x"`},
		{"broken YAML", "---\nkind: email\nsubject: [unclosed\nstep: 2\n---\nBody", 0, 1, "front matter: "},
		{"bad indentation", "---\nkind: email\n  step: 2\n---\nBody", 3, 1, "mapping values are not allowed"},
		{"a list, not a mapping", "---\n- a\n- b\n---\n", 2, 1, "front matter: want a mapping of fields, got a list"},
		{"a scalar, not a mapping", "---\njust words\n---\n", 2, 1, "got a single value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("m.txt", []byte(tt.src), ParseOptions{})
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			if tt.line > 0 {
				assert.Equal(t, tt.line, pe.Line, "line")
				assert.Equal(t, tt.col, pe.Col, "column")
				assert.True(t, strings.HasPrefix(err.Error(), fmt.Sprintf("m.txt:%d:%d: ", tt.line, tt.col)), err.Error())
			} else {
				assert.Positive(t, pe.Line, "a YAML error carries its line")
			}
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestKindFromPath(t *testing.T) {
	tests := []struct {
		path string
		want Kind
	}{
		{"intro.vm.txt", KindVoicemail},
		{"calls/INTRO.VM.TXT", KindVoicemail},
		{"step1.voicemail.md", KindVoicemail},
		{"step1.voicemail", KindVoicemail},
		{"voicemail.txt", ""},
		{"vm.txt", ""},
		{"voicemails/intro.txt", ""},
		{"intro.vm.md", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, KindFromPath(tt.path))
		})
	}
}

func TestParseKindPrecedence(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		src    string
		forced Kind
		want   Kind
	}{
		{"default", "a.txt", "Body.", "", KindEmail},
		{"file name", "a.vm.txt", "Body.", "", KindVoicemail},
		{"later step is a follow-up", "a.txt", "---\nstep: 2\n---\nBody.", "", KindFollowup},
		{"first step stays an email", "a.txt", "---\nstep: 1\n---\nBody.", "", KindEmail},
		{"front matter beats the file name", "a.vm.txt", "---\nkind: email\n---\nBody.", "", KindEmail},
		{"front matter beats the step", "a.txt", "---\nkind: voicemail\nstep: 4\n---\nBody.", "", KindVoicemail},
		{"file name beats the step", "a.vm.txt", "---\nstep: 4\n---\nBody.", "", KindVoicemail},
		{"options beat front matter", "a.txt", "---\nkind: voicemail\n---\nBody.", KindFollowup, KindFollowup},
		{"options beat the file name", "a.voicemail.txt", "Body.", KindEmail, KindEmail},
		{"options skip checking the front-matter kind", "a.txt", "---\nkind: bogus\n---\nBody.", KindEmail, KindEmail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.path, []byte(tt.src), ParseOptions{Kind: tt.forced})
			require.NoError(t, err)
			assert.Equal(t, tt.want, doc.Kind)
		})
	}
}

func TestParseKind(t *testing.T) {
	for _, s := range []string{"email", " Email ", "FOLLOWUP", "voicemail"} {
		k, err := ParseKind(s)
		require.NoError(t, err, s)
		assert.Contains(t, Kinds, k)
	}
	_, err := ParseKind("newsletter")
	assert.EqualError(t, err, `unknown kind "newsletter" (want email, followup or voicemail)`)
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		path, src string
		want      Format
	}{
		{"a.md", "", FormatMarkdown},
		{"a.Markdown", "", FormatMarkdown},
		{"a.HTML", "", FormatHTML},
		{"a.htm", "", FormatHTML},
		{"a.eml", "", FormatEmail},
		{"a.txt", "<html><body>hi</body></html>", FormatText},
		{"", "<!DOCTYPE html><p>hi</p>", FormatHTML},
		{"", "\ufeff\n  <HTML>", FormatHTML},
		{"", "Hi Sam, <b>quick</b> note", FormatText},
		{"template", "", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.src, func(t *testing.T) {
			assert.Equal(t, tt.want, DetectFormat(tt.path, []byte(tt.src)))
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		opts      ParseOptions
		is        error
		line, col int
		msg       string
	}{
		{"NUL byte", "Hi\x00there", ParseOptions{}, ErrBinary, 0, 0, "x.txt: binary file (contains NUL bytes)"},
		{"invalid UTF-8", "ok\nab\xffc", ParseOptions{}, ErrInvalidUTF8, 2, 3, "x.txt:2:3: invalid UTF-8 at byte 5"},
		{"invalid UTF-8 after CRLF and emoji", "a\r\n😀\xc3(", ParseOptions{}, ErrInvalidUTF8, 2, 5, "invalid UTF-8 at byte 7"},
		{"truncated sequence at EOF", "abc\xe2\x82", ParseOptions{}, ErrInvalidUTF8, 1, 4, "at byte 3"},
		{"too large", "12345678901", ParseOptions{MaxBytes: 10}, ErrTooLarge, 0, 0, "x.txt: file too large: 11 bytes, the limit is 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("x.txt", []byte(tt.src), tt.opts)
			assert.Nil(t, doc)
			require.ErrorIs(t, err, tt.is)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "x.txt", pe.Path)
			assert.Equal(t, tt.line, pe.Line)
			assert.Equal(t, tt.col, pe.Col)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	// The limit is inclusive, and an unnamed buffer reads as <input>.
	_, err := Parse("", []byte("1234567890"), ParseOptions{MaxBytes: 10})
	require.NoError(t, err)
	_, err = Parse("", []byte("\x00"), ParseOptions{})
	assert.EqualError(t, err, "<input>: binary file (contains NUL bytes)")
	assert.True(t, errors.Is(err, ErrBinary))
}

func TestParseKeepsSource(t *testing.T) {
	src := []byte("Subject: Hi\n\nHi Sam,\n\nA note for you.\n\nBest,\nLee\n")
	orig := string(src)
	doc, err := Parse("a.txt", src, ParseOptions{})
	require.NoError(t, err)
	assert.Equal(t, orig, string(src), "Parse never modifies src")
	assert.Equal(t, FormatText, doc.Format)
	assert.Equal(t, len(src), len(doc.Text))
}

func TestProseMasks(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		masks  []string
		blocks []string
	}{
		{
			name:   "subject line",
			src:    "Subject: A guide for your team\n\nWe wrote a guide.\n",
			masks:  []string{"subject: Subject: A guide for your team"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "greeting with a placeholder",
			src:    "Hi {{first_name}},\n\nWe wrote a guide.\n",
			masks:  []string{"greeting: Hi {{first_name}},"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "greeting with a title",
			src:    "Dear Ms. Lee:\nWe wrote a guide.",
			masks:  []string{"greeting: Dear Ms. Lee:"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "greeting with Mrs.",
			src:    "Dear Mrs. Lee,\nWe wrote a guide.",
			masks:  []string{"greeting: Dear Mrs. Lee,"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "greeting with Prof.",
			src:    "Hello Prof. Ng!\nWe wrote a guide.",
			masks:  []string{"greeting: Hello Prof. Ng!"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "name alone",
			src:    "Sam,\n\nWe wrote a guide.",
			masks:  []string{"greeting: Sam,"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "name before the prose",
			src:    "Wayne, I'm reaching out because we wrote a guide.",
			masks:  []string{"greeting: Wayne,"},
			blocks: []string{"I'm reaching out because we wrote a guide."},
		},
		{
			name:   "opener with a comma is not a greeting",
			src:    "Quick question, are you the right person?",
			blocks: []string{"Quick question, are you the right person?"},
		},
		{
			name:   "two-word opener with a lower-case word is not a greeting",
			src:    "Hiring is hard, right?",
			blocks: []string{"Hiring is hard, right?"},
		},
		{
			name:   "greeting without punctuation",
			src:    "Hey there\nWe wrote a guide.",
			masks:  []string{"greeting: Hey there"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "greeting and the first sentence on one line",
			src:    "Hi Sam, we wrote a guide.",
			masks:  []string{"greeting: Hi Sam,"},
			blocks: []string{"we wrote a guide."},
		},
		{
			name:   "greeting with a dash",
			src:    "Hi Sam -- we wrote a guide.",
			masks:  []string{"greeting: Hi Sam "},
			blocks: []string{"-- we wrote a guide."},
		},
		{
			name:   "dash-delimited signature",
			src:    "Hi,\nWe wrote a guide.\n\n-- \nSam Lee\nAcme | 555-0100\n",
			masks:  []string{"greeting: Hi,", "signature: -- \nSam Lee\nAcme | 555-0100\n"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "sign-off and name",
			src:    "Hi,\nWe wrote a guide.\n\nBest,\nSam",
			masks:  []string{"greeting: Hi,", "signature: Best,\nSam"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "sign-off with the name on its line",
			src:    "Hi,\nWe wrote a guide.\nCheers — {{sender_name}}",
			masks:  []string{"greeting: Hi,", "signature: Cheers — {{sender_name}}"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "Thanks! as the last line",
			src:    "Hi,\nWe wrote a guide.\nThanks!",
			masks:  []string{"greeting: Hi,", "signature: Thanks!"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "thanks in a sentence is prose",
			src:    "Hi,\nWe wrote a guide.\nThanks for your time.",
			masks:  []string{"greeting: Hi,"},
			blocks: []string{"We wrote a guide.\nThanks for your time."},
		},
		{
			name:   "sign-off followed by a long paragraph is prose",
			src:    "Hi,\nBest of all, the guide is free.\nIt covers the three questions every ops lead asks us before they sign anything at all.",
			masks:  []string{"greeting: Hi,"},
			blocks: []string{"Best of all, the guide is free.\nIt covers the three questions every ops lead asks us before they sign anything at all."},
		},
		{
			name:   "P.S. after the signature stays prose",
			src:    "Hi,\nWe wrote a guide.\n\nBest,\nSam\n\nP.S. It is free.\n",
			masks:  []string{"greeting: Hi,", "signature: Best,\nSam\n\n"},
			blocks: []string{"We wrote a guide.", "P.S. It is free."},
		},
		{
			name:   "sent from my phone",
			src:    "Hi,\nWe wrote a guide.\n\nSent from my iPhone",
			masks:  []string{"greeting: Hi,", "signature: Sent from my iPhone"},
			blocks: []string{"We wrote a guide."},
		},
		{
			name:   "quoted lines",
			src:    "Hi Sam,\nHappy to help.\n\n> Can you send the guide?\n>> earlier\n",
			masks:  []string{"greeting: Hi Sam,", "quote: > Can you send the guide?", "quote: >> earlier"},
			blocks: []string{"Happy to help."},
		},
		{
			name:   "reply header",
			src:    "Hi Sam,\nHappy to help.\n\nOn Mon, Mar 2, 2026 at 9:14 AM Lee Ng <lee@acme.io> wrote:\nCan you send it?\n",
			masks:  []string{"greeting: Hi Sam,", "quote: On Mon, Mar 2, 2026 at 9:14 AM Lee Ng <lee@acme.io> wrote:\nCan you send it?\n"},
			blocks: []string{"Happy to help."},
		},
		{
			name:   "reply header wrapped over two lines",
			src:    "Hi Sam,\nHappy to help.\n\nOn Mon, Mar 2, 2026 at 9:14 AM Lee Ng\n<lee@acme.io> wrote:\n> Can you send it?",
			masks:  []string{"greeting: Hi Sam,", "quote: On Mon, Mar 2, 2026 at 9:14 AM Lee Ng\n<lee@acme.io> wrote:\n> Can you send it?"},
			blocks: []string{"Happy to help."},
		},
		{
			name:   "Outlook original message",
			src:    "Hi Sam,\nHappy to help.\n\nBest,\nLee\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\nCan you send it?",
			masks:  []string{"greeting: Hi Sam,", "quote: -----Original Message-----\nFrom: Sam\nSent: Monday\nCan you send it?", "signature: Best,\nLee\n\n"},
			blocks: []string{"Happy to help."},
		},
		{
			name:   "Outlook header block",
			src:    "Hi Sam,\nHappy to help.\n\nFrom: Sam Ng\nSent: Monday\nSubject: guide\n\nCan you send it?",
			masks:  []string{"greeting: Hi Sam,", "quote: From: Sam Ng\nSent: Monday\nSubject: guide\n\nCan you send it?"},
			blocks: []string{"Happy to help."},
		},
		{
			name:   "sentence starting with On is prose",
			src:    "Hi Sam,\nOn Monday we shipped the export.\nIt is live.",
			masks:  []string{"greeting: Hi Sam,"},
			blocks: []string{"On Monday we shipped the export.\nIt is live."},
		},
		{
			name:   "unsubscribe footer",
			src:    "Hi Sam,\nHere is the guide.\n\nAcme Inc, 1 Main St.\nTo unsubscribe, reply STOP.",
			masks:  []string{"greeting: Hi Sam,", "footer: Acme Inc, 1 Main St.\nTo unsubscribe, reply STOP."},
			blocks: []string{"Here is the guide."},
		},
		{
			name:   "footer cues ignore case",
			src:    "Hi Sam,\nHere is the guide.\n\nMANAGE YOUR Preferences or Opt-Out of these emails.",
			masks:  []string{"greeting: Hi Sam,", "footer: MANAGE YOUR Preferences or Opt-Out of these emails."},
			blocks: []string{"Here is the guide."},
		},
		{
			name:   "a footer cue inside a longer word is prose",
			src:    "Hi Sam,\nHere is the guide.\n\nOur preunsubscribe flow is new.",
			masks:  []string{"greeting: Hi Sam,"},
			blocks: []string{"Here is the guide.", "Our preunsubscribe flow is new."},
		},
		{
			name:   "only the paragraph holding the cue is a footer",
			src:    "Hi Sam,\nHere is the guide.\n\nNo longer\nwish to receive these? Reply stop.\n\nIf you no longer wish to receive these, reply stop.",
			masks:  []string{"greeting: Hi Sam,", "footer: If you no longer wish to receive these, reply stop."},
			blocks: []string{"Here is the guide.", "No longer\nwish to receive these? Reply stop."},
		},
		{
			name:   "a paragraph that only mentions subscribing is prose",
			src:    "Hi Sam,\nHere is the guide.\n\nYou can subscribe to the digest.",
			masks:  []string{"greeting: Hi Sam,"},
			blocks: []string{"Here is the guide.", "You can subscribe to the digest."},
		},
		{
			name:   "CRLF throughout",
			src:    "Subject: Guide\r\n\r\nHi Sam,\r\nHere is the guide.\r\n\r\nBest,\r\nLee\r\n",
			masks:  []string{"subject: Subject: Guide", "greeting: Hi Sam,", "signature: Best,\r\nLee\r\n"},
			blocks: []string{"Here is the guide."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "a.txt", tt.src)
			assert.Equal(t, tt.masks, masksOf(doc))
			assert.Equal(t, tt.blocks, blocksOf(doc))
		})
	}
}

func TestParseManySignOffLinesIsLinear(t *testing.T) {
	// Every "Thanks" line is a sign-off candidate; each used to scan every
	// line after it, so 200 kB took twelve seconds; it takes milliseconds.
	src := "Hello.\n" + strings.Repeat("Thanks\nWe wrote a guide for your team.\n", 5000)
	start := time.Now()
	doc := mustParse(t, "a.txt", src)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Len(t, doc.Blocks, 1, "no signature: every sign-off is followed by too many lines")
}

func TestSubjectLineMeta(t *testing.T) {
	doc := mustParse(t, "a.txt", "\n  Subject:   A guide for {{company}}  \nHi,\nBody.")
	assert.Equal(t, "A guide for {{company}}", doc.Meta.Subject)
	assert.Equal(t, "A guide for {{company}}  ", string(doc.Source[doc.Meta.SubjectSpan.Start:doc.Meta.SubjectSpan.End]))

	// Front matter's subject wins; the line is still not prose.
	doc = mustParse(t, "a.txt", "---\nsubject: From matter\n---\nSubject: From the line\nBody.")
	assert.Equal(t, "From matter", doc.Meta.Subject)
	assert.Equal(t, []string{"Body."}, blocksOf(doc))

	// An empty "Subject:" line is still the subject line.
	doc = mustParse(t, "a.txt", "Subject:\nBody.")
	assert.True(t, doc.Meta.HasSubject)
	assert.Equal(t, "", doc.Meta.Subject)
	assert.Equal(t, []string{"Body."}, blocksOf(doc))

	for _, src := range []string{"Subjects: a\nBody.", "Subject -- a\nBody.", "Re: Subject: a\nBody."} {
		doc = mustParse(t, "a.txt", src)
		assert.False(t, doc.Meta.HasSubject, src)
	}
}

func TestBulletsAndBlocks(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		blocks []string
		marks  int // list markers masked
	}{
		{"dash and star", "We help with:\n- speed\n* cost\n+ focus", []string{"We help with:", "speed", "cost", "focus"}, 3},
		{"bullets and dashes", "• one\n· two\n– three", []string{"one", "two", "three"}, 3},
		{"numbered", "1. one\n2) two\n10. ten\n  a) indented", []string{"one", "two", "ten", "indented"}, 4},
		{"not bullets", "-5% off\n1.5 million\n100. too many digits\ni) roman", []string{"-5% off\n1.5 million\n100. too many digits\ni) roman"}, 0},
		{"blank lines with spaces split blocks", "one\n   \t\ntwo\r\n\r\nthree\r\rfour", []string{"one", "two", "three", "four"}, 0},
		{"a wrapped paragraph is one block", "one line\nand the next\n", []string{"one line\nand the next"}, 0},
		{"empty", "", nil, 0},
		{"only white space", " \n\t\r\n ", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "a.txt", tt.src)
			assert.Equal(t, tt.blocks, blocksOf(doc))
			n := 0
			for _, m := range doc.Masks {
				if m.Reason == MaskMarkup {
					n++
				}
			}
			assert.Equal(t, tt.marks, n)
		})
	}
}

func TestDocumentHelpers(t *testing.T) {
	doc := mustParse(t, "a.txt", "Hi Sam,\nA short note 😀.\r\nBest,\nLee")
	m, ok := doc.Masked(1)
	assert.True(t, ok)
	assert.Equal(t, MaskGreeting, m.Reason)
	_, ok = doc.Masked(9)
	assert.False(t, ok)

	assert.Equal(t, "", doc.TextOf(Span{5, 2}))
	assert.Equal(t, "note 😀.", doc.TextOf(Span{16, 26}))
	assert.Equal(t, "   ", doc.TextOf(Span{len(doc.Text) - 3, len(doc.Text) + 10}), "spans clamp to the text; the signature is blanked")

	p := doc.Position(strings.Index(string(doc.Source), "."))
	assert.Equal(t, Position{Offset: 25, Line: 1, Column: 17, RuneColumn: 14, UTF16Column: 15}, p)
	assert.Same(t, doc.Lines(), doc.Lines(), "the line index is built once")

	span, exact := doc.SourceSpan(Span{8, 13})
	assert.Equal(t, Span{8, 13}, span, "text documents map one to one")
	assert.True(t, exact)
}
