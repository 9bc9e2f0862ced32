package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
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

type jsonPos struct {
	Line        int `json:"line"`
	Column      int `json:"column"`
	UTF16Column int `json:"utf16_column"`
}

// jsonRange is a source span in bytes with its 1-based start and end.
type jsonRange struct {
	Span  lint.Span `json:"span"`
	Start jsonPos   `json:"start"`
	End   jsonPos   `json:"end"`
}

type jsonFile struct {
	Path        string      `json:"path"`
	Format      lint.Format `json:"format"`
	Kind        lint.Kind   `json:"kind"`
	Fixed       bool        `json:"fixed,omitempty"`
	Score       *jsonScore  `json:"score"`
	Ledger      *jsonLedger `json:"ledger"`
	Diagnostics []jsonDiag  `json:"diagnostics"`
}

type jsonFileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

type jsonScore struct {
	Value      int                   `json:"value"`
	Band       string                `json:"band"`
	Summary    string                `json:"summary,omitempty"`
	Components []lint.ScoreComponent `json:"components"`
}

type jsonLedger struct {
	SelfI     int         `json:"self_i"`
	SelfWe    int         `json:"self_we"`
	Reader    int         `json:"reader"`
	Words     int         `json:"words"`
	Sentences []jsonEntry `json:"sentences"`
}

type jsonEntry struct {
	Sentence int           `json:"sentence"`
	Role     rules.Role    `json:"role"`
	Also     rules.Role    `json:"also,omitempty"`
	Cue      string        `json:"cue,omitempty"`
	CueSpan  *lint.Span    `json:"cue_span,omitempty"`
	Size     rules.AskSize `json:"size,omitempty"`
	Weight   float64       `json:"weight"`
	Question bool          `json:"question"`
	// Rhetorical marks a question that expects no answer.
	Rhetorical bool `json:"rhetorical,omitempty"`
	jsonRange
}

type jsonDiag struct {
	Rule     string        `json:"rule"`
	Severity lint.Severity `json:"severity"`
	Message  string        `json:"message"`
	URL      string        `json:"url,omitempty"`
	jsonRange
	Approximate bool          `json:"approximate,omitempty"`
	Related     []jsonRelated `json:"related,omitempty"`
	Fixes       []jsonFix     `json:"fixes,omitempty"`
}

type jsonRelated struct {
	Message string `json:"message"`
	jsonRange
}

type jsonFix struct {
	Title string     `json:"title"`
	Safe  bool       `json:"safe"`
	Edits []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	jsonRange
	NewText string `json:"new_text"`
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

func (j *jsonReporter) file(buf *bytes.Buffer, f *fileReport) {
	var v any
	if f.err != nil {
		v = jsonFileError{Path: f.path, Error: errorMessage(f.path, f.err)}
	} else {
		v = j.fileObject(f)
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only unencodable values (NaN weights) get here; keep the document valid.
		buf.Reset()
		enc.Encode(jsonFileError{Path: f.path, Error: fmt.Sprintf("%s: cannot encode the result: %v", f.path, err)})
	}
	buf.Truncate(buf.Len() - 1) // the encoder's newline; sep adds one
}

func (j *jsonReporter) fileObject(f *fileReport) *jsonFile {
	res, doc := f.res, f.res.Doc
	out := &jsonFile{
		Path:        f.path,
		Format:      doc.Format,
		Kind:        doc.Kind,
		Fixed:       f.original != nil,
		Diagnostics: make([]jsonDiag, 0, len(res.Diagnostics)),
	}
	if sc := res.Score; sc != nil {
		out.Score = &jsonScore{Value: sc.Value, Band: sc.Band, Summary: sc.Summary, Components: sc.Components}
		if out.Score.Components == nil {
			out.Score.Components = []lint.ScoreComponent{}
		}
	}
	if l := ledgerOf(res); l != nil {
		jl := &jsonLedger{SelfI: l.SelfI, SelfWe: l.SelfWe, Reader: l.Reader, Words: l.Words,
			Sentences: make([]jsonEntry, 0, len(l.Entries))}
		for _, e := range l.Entries {
			span, _ := doc.SourceSpan(e.Span)
			je := jsonEntry{Sentence: e.Sentence, Role: e.Role, Also: e.Also, Cue: e.Cue, Size: e.Size,
				Weight: e.Weight, Question: e.Question, Rhetorical: e.Rhetorical, jsonRange: rangeOf(doc, span)}
			if e.Cue != "" {
				cs, _ := doc.SourceSpan(e.CueSpan)
				je.CueSpan = &cs
			}
			jl.Sentences = append(jl.Sentences, je)
		}
		out.Ledger = jl
	}
	for _, d := range res.Diagnostics {
		jd := jsonDiag{Rule: d.Rule, Severity: d.Severity, Message: d.Message, URL: j.rules.url(d.Rule),
			jsonRange: rangeOf(doc, d.Span), Approximate: d.Approximate}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{Message: r.Message, jsonRange: rangeOf(doc, r.Span)})
		}
		for _, fx := range d.Fixes {
			jf := jsonFix{Title: fx.Title, Safe: fx.Safe, Edits: make([]jsonEdit, 0, len(fx.Edits))}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{jsonRange: rangeOf(doc, e.Span), NewText: e.NewText})
			}
			jd.Fixes = append(jd.Fixes, jf)
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	return out
}

func rangeOf(doc *lint.Document, s lint.Span) jsonRange {
	l := locate(doc, s)
	return jsonRange{
		Span:  s,
		Start: jsonPos{l.startLine, l.startCol, l.startUTF16},
		End:   jsonPos{l.endLine, l.endCol, l.endUTF16},
	}
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
