package cli

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"

	"github.com/givefirst/givefirst/lint"
)

// SARIF 2.1.0, the format code-scanning services read. Columns are
// UTF-16 code units (the SARIF default), regions also carry byte offsets.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	projectURI   = "https://github.com/givefirst/givefirst"
)

type sarifReporter struct {
	version string
	rules   *ruleIndex
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	ShortDescription     sarifText       `json:"shortDescription"`
	Help                 *sarifText      `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	ByteOffset  int `json:"byteOffset"`
	ByteLength  int `json:"byteLength"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifFix struct {
	Description     sarifText     `json:"description"`
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        *int            `json:"ruleIndex,omitempty"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
	Properties       map[string]any  `json:"properties,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

// sarifLevel maps a severity onto SARIF's three levels.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

func (r *sarifReporter) begin(w io.Writer) error {
	driver := sarifDriver{Name: "givefirst", Version: r.version, InformationURI: projectURI, Rules: []sarifRule{}}
	for _, rule := range r.rules.list {
		sr := sarifRule{
			ID:                   rule.ID,
			ShortDescription:     sarifText{Text: cmp.Or(rule.Summary, rule.ID)},
			HelpURI:              rule.URL,
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(cmp.Or(rule.Severity, lint.Warning))},
		}
		if rule.Doc != "" {
			sr.Help = &sarifText{Text: rule.Doc, Markdown: rule.Doc}
		}
		kinds := make([]string, 0, len(rule.Kinds))
		for _, k := range rule.Kinds {
			kinds = append(kinds, string(k))
		}
		if len(kinds) > 0 {
			sr.Properties = map[string]any{"tags": kinds}
		}
		driver.Rules = append(driver.Rules, sr)
	}
	d, err := json.Marshal(driver)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "{\"$schema\":%q,\"version\":%q,\"runs\":[{\"tool\":{\"driver\":%s},\"columnKind\":\"utf16CodeUnits\",\"results\":[\n",
		sarifSchema, sarifVersion, d)
	return err
}

func (r *sarifReporter) sep() string { return ",\n" }

func (r *sarifReporter) file(buf *bytes.Buffer, f *fileReport) {
	if f.err != nil {
		return // listed as a notification of the invocation
	}
	doc := f.res.Doc
	art := sarifArtifactOf(f.path)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	for i, d := range f.res.Diagnostics {
		res := sarifResult{
			RuleID:    d.Rule,
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{Text: d.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: sarifRegionOf(doc, d.Span)}}},
		}
		if _, idx, ok := r.rules.get(d.Rule); ok {
			res.RuleIndex = &idx
		}
		if d.Severity == lint.Hint || d.Severity == lint.Info || d.Approximate {
			res.Properties = map[string]any{"severity": d.Severity.String()}
			if d.Approximate {
				res.Properties["approximate"] = true
			}
		}
		for j, rel := range d.Related {
			id := j + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &id,
				PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: sarifRegionOf(doc, rel.Span)},
				Message:          &sarifText{Text: rel.Message},
			})
		}
		for _, fx := range d.Fixes {
			ch := sarifChange{ArtifactLocation: art}
			for _, e := range fx.Edits {
				ch.Replacements = append(ch.Replacements, sarifReplacement{
					DeletedRegion:   *sarifRegionOf(doc, e.Span),
					InsertedContent: sarifText{Text: e.NewText},
				})
			}
			if len(ch.Replacements) > 0 {
				res.Fixes = append(res.Fixes, sarifFix{Description: sarifText{Text: fx.Title}, ArtifactChanges: []sarifChange{ch}})
			}
		}
		if i > 0 {
			buf.WriteString(",\n")
		}
		if err := enc.Encode(res); err != nil {
			// Only unencodable values get here; a result with the bare facts keeps the log valid.
			enc.Encode(sarifResult{RuleID: d.Rule, Level: res.Level, Message: res.Message, Locations: res.Locations})
		}
		buf.Truncate(buf.Len() - 1)
	}
}

func sarifRegionOf(doc *lint.Document, s lint.Span) *sarifRegion {
	l := locate(doc, s)
	return &sarifRegion{
		StartLine: l.startLine, StartColumn: l.startUTF16,
		EndLine: l.endLine, EndColumn: l.endUTF16,
		ByteOffset: s.Start, ByteLength: s.Len(),
	}
}

// sarifArtifactOf turns a path as shown into a URI: relative paths stay
// relative to the source root, which is how code-scanning services match
// results to files; absolute ones become file: URIs.
func sarifArtifactOf(p string) sarifArtifact {
	slash := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: slash}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: slash}).String(), URIBaseID: "%SRCROOT%"}
}

func (r *sarifReporter) end(w io.Writer, s *summary) error {
	inv := sarifInvocation{ExecutionSuccessful: s.failed == 0 && s.partial == 0}
	for _, msg := range s.errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{Text: msg}})
	}
	b, err := json.Marshal([]sarifInvocation{inv})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "\n],\"invocations\":%s}]}\n", b)
	return err
}
