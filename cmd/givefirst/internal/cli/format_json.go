package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
)

// jsonSchemaVersion is the version of the --format json document; bump it
// on any change that could break a reader (docs/json-output.md).
const jsonSchemaVersion = 1

// jsonReporter writes one JSON document, one file object per line, as
// described in docs/json-output.md and docs/json-output.schema.json.
type jsonReporter struct {
	version string
	rules   *ruleIndex
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonSummary struct {
	Files      int            `json:"files"`
	Failed     int            `json:"failed"`
	Fixed      int            `json:"fixed"`
	Problems   int            `json:"problems"`
	BySeverity map[string]int `json:"by_severity"`
	Fixable    int            `json:"fixable"`
	MeanScore  *float64       `json:"mean_score"`
	Lowest     []jsonLowest   `json:"lowest_scores"`
}

type jsonLowest struct {
	Path  string `json:"path"`
	Value int    `json:"value"`
	Band  string `json:"band"`
}

func (j *jsonReporter) begin(w io.Writer) error {
	tool, err := json.Marshal(jsonTool{"givefirst", j.version})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "{\"version\":%d,\"tool\":%s,\"files\":[\n", jsonSchemaVersion, tool)
	return err
}

func (j *jsonReporter) sep() string { return ",\n" }

// file writes one file object by hand: encoding/json's reflection was
// the largest cost of the CLI itself on a large corpus, and the shape is
// fixed. The field order is the one docs/json-output.md shows.
func (j *jsonReporter) file(buf *bytes.Buffer, f *fileReport) {
	o := jsonOut{b: buf.AvailableBuffer()}
	o.raw(`{"path":`)
	o.str(f.path)
	if f.err != nil {
		o.raw(`,"error":`)
		o.str(errorMessage(f.path, f.err))
		o.raw("}")
		buf.Write(o.b)
		return
	}
	res, doc := f.res, f.res.Doc
	o.raw(`,"format":`)
	o.str(string(doc.Format))
	o.raw(`,"kind":`)
	o.str(string(doc.Kind))
	if f.original != nil {
		o.raw(`,"fixed":true`)
	}
	o.raw(`,"score":`)
	if sc := res.Score; sc == nil {
		o.raw("null")
	} else {
		o.raw(`{"value":`)
		o.int(sc.Value)
		o.raw(`,"band":`)
		o.str(sc.Band)
		if sc.Summary != "" {
			o.raw(`,"summary":`)
			o.str(sc.Summary)
		}
		o.raw(`,"components":[`)
		for i, c := range sc.Components {
			o.comma(i)
			o.raw(`{"name":`)
			o.str(c.Name)
			o.raw(`,"points":`)
			o.float(c.Points)
			o.raw(`,"max":`)
			o.float(c.Max)
			if c.Note != "" {
				o.raw(`,"note":`)
				o.str(c.Note)
			}
			o.raw("}")
		}
		o.raw("]}")
	}
	o.raw(`,"ledger":`)
	if l := ledgerOf(res); l == nil {
		o.raw("null")
	} else {
		o.raw(`{"self_i":`)
		o.int(l.SelfI)
		o.raw(`,"self_we":`)
		o.int(l.SelfWe)
		o.raw(`,"reader":`)
		o.int(l.Reader)
		o.raw(`,"words":`)
		o.int(l.Words)
		o.raw(`,"sentences":[`)
		for i, e := range l.Entries {
			o.comma(i)
			o.raw(`{"sentence":`)
			o.int(e.Sentence)
			o.raw(`,"role":`)
			o.str(string(e.Role))
			if e.Also != "" {
				o.raw(`,"also":`)
				o.str(string(e.Also))
			}
			if e.Cue != "" {
				o.raw(`,"cue":`)
				o.str(e.Cue)
				cs, _ := doc.SourceSpan(e.CueSpan)
				o.raw(`,"cue_span":`)
				o.span(cs)
			}
			if e.Size != "" {
				o.raw(`,"size":`)
				o.str(string(e.Size))
			}
			o.raw(`,"weight":`)
			o.float(e.Weight)
			o.raw(`,"question":`)
			o.bool(e.Question)
			if e.Rhetorical {
				o.raw(`,"rhetorical":true`)
			}
			span, _ := doc.SourceSpan(e.Span)
			o.raw(",")
			o.rangeOf(doc, span)
			o.raw("}")
		}
		o.raw("]}")
	}
	o.raw(`,"diagnostics":[`)
	for i, d := range res.Diagnostics {
		o.comma(i)
		o.raw(`{"rule":`)
		o.str(d.Rule)
		o.raw(`,"severity":`)
		o.str(d.Severity.String())
		o.raw(`,"message":`)
		o.str(d.Message)
		if u := j.rules.url(d.Rule); u != "" {
			o.raw(`,"url":`)
			o.str(u)
		}
		o.raw(",")
		o.rangeOf(doc, d.Span)
		if d.Approximate {
			o.raw(`,"approximate":true`)
		}
		if len(d.Related) > 0 {
			o.raw(`,"related":[`)
			for k, r := range d.Related {
				o.comma(k)
				o.raw(`{"message":`)
				o.str(r.Message)
				o.raw(",")
				o.rangeOf(doc, r.Span)
				o.raw("}")
			}
			o.raw("]")
		}
		if len(d.Fixes) > 0 {
			o.raw(`,"fixes":[`)
			for k, fx := range d.Fixes {
				o.comma(k)
				o.raw(`{"title":`)
				o.str(fx.Title)
				o.raw(`,"safe":`)
				o.bool(fx.Safe)
				o.raw(`,"edits":[`)
				for m, e := range fx.Edits {
					o.comma(m)
					o.raw("{")
					o.rangeOf(doc, e.Span)
					o.raw(`,"new_text":`)
					o.str(e.NewText)
					o.raw("}")
				}
				o.raw("]}")
			}
			o.raw("]")
		}
		o.raw("}")
	}
	o.raw("]}")
	buf.Write(o.b)
}

func (j *jsonReporter) end(w io.Writer, s *summary) error {
	js := jsonSummary{
		Files:      s.files,
		Failed:     s.failed,
		Fixed:      s.fixed,
		Problems:   s.problems(),
		BySeverity: map[string]int{},
		Fixable:    s.fixable,
		Lowest:     []jsonLowest{},
	}
	for sev := lint.Hint; sev <= lint.Error; sev++ {
		js.BySeverity[sev.String()] = s.counts[sev]
	}
	if s.scored > 0 {
		m := s.meanScore()
		js.MeanScore = &m
	}
	for _, f := range s.worst {
		js.Lowest = append(js.Lowest, jsonLowest{f.path, f.value, f.band})
	}
	sum, err := json.Marshal(js)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "\n],\"summary\":%s}\n", sum)
	return err
}

// jsonOut appends JSON to a byte slice.
type jsonOut struct{ b []byte }

func (o *jsonOut) raw(s string) { o.b = append(o.b, s...) }

func (o *jsonOut) int(n int) { o.b = strconv.AppendInt(o.b, int64(n), 10) }

func (o *jsonOut) bool(v bool) { o.b = strconv.AppendBool(o.b, v) }

func (o *jsonOut) comma(i int) {
	if i > 0 {
		o.b = append(o.b, ',')
	}
}

// float writes f as encoding/json does; NaN and infinities, which JSON
// cannot hold, become 0.
func (o *jsonOut) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && !math.Signbit(f) { // weights and points are mostly whole: skip float formatting
		o.b = strconv.AppendInt(o.b, int64(f), 10)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	o.b = strconv.AppendFloat(o.b, f, format, -1, 64)
	if n := len(o.b); format == 'e' && n >= 4 && o.b[n-4] == 'e' && o.b[n-3] == '-' && o.b[n-2] == '0' {
		o.b[n-2] = o.b[n-1] // e-07 → e-7
		o.b = o.b[:n-1]
	}
}

// str writes a JSON string as encoding/json does without HTML escaping:
// quotes, backslashes and control characters escaped, U+2028 and U+2029
// escaped for JavaScript, invalid UTF-8 replaced by U+FFFD.
func (o *jsonOut) str(s string) {
	const hex = "0123456789abcdef"
	b := append(o.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	o.b = append(b, '"')
}

// jsonPlain marks the ASCII bytes a JSON string holds as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (o *jsonOut) span(s lint.Span) {
	o.raw(`{"start":`)
	o.int(s.Start)
	o.raw(`,"end":`)
	o.int(s.End)
	o.raw("}")
}

func (o *jsonOut) pos(line, col, utf16 int) {
	o.raw(`{"line":`)
	o.int(line)
	o.raw(`,"column":`)
	o.int(col)
	o.raw(`,"utf16_column":`)
	o.int(utf16)
	o.raw("}")
}

// rangeOf writes the span, start and end fields of a source span.
func (o *jsonOut) rangeOf(doc *lint.Document, s lint.Span) {
	l := locate(doc, s)
	o.raw(`"span":`)
	o.span(s)
	o.raw(`,"start":`)
	o.pos(l.startLine, l.startCol, l.startUTF16)
	o.raw(`,"end":`)
	o.pos(l.endLine, l.endCol, l.endUTF16)
}
