// Package eval measures how well the rules agree with a team's own labels.
//
// A labelled folder holds labels.jsonl (one JSON object per message) and
// emails/ (the messages). Each boolean label is compared with the rule that
// checks it, giving precision, recall and F1; the ledger's asks and gives
// are compared with the labelled sentences. The schema is the one
// documented in docs/eval.md.
package eval

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

// Label is one line of labels.jsonl. Booleans are pointers: a label left
// out is not scored.
type Label struct {
	File              string   `json:"file"`
	Kind              string   `json:"kind"`
	IHeavy            *bool    `json:"i_heavy"`
	SelfCentredOpener *bool    `json:"self_centred_opener"`
	AskWithoutGive    *bool    `json:"ask_without_give"`
	ValueFirst        *bool    `json:"value_first"`
	GiveWithoutAsk    *bool    `json:"give_without_ask"`
	Interrogation     *bool    `json:"interrogation"`
	Pushy             *bool    `json:"pushy"`
	Asks              []string `json:"asks"`
	Gives             []string `json:"gives"`

	sentences bool // asks and gives were labelled (even as empty lists)
}

// Check names a label and how the rules predict it.
type Check struct {
	Label string   // the field in labels.jsonl
	Rules []string // the rules whose diagnostics predict it (any of them); see Predict
}

// Checks are the labels scored, in report order. i_heavy is predicted by
// i-heavy or self-centred-opener because the label's own definition
// includes a self-centred opener; ask_without_give by either of the two
// order rules, which share its meaning at two severities; value_first is
// "the ledger has a give and neither order rule fired".
var Checks = []Check{
	{"i_heavy", []string{"i-heavy", "self-centred-opener"}},
	{"self_centred_opener", []string{"self-centred-opener"}},
	{"ask_without_give", []string{"ask-without-offer", "no-value-first"}},
	{"value_first", []string{"ask-without-offer", "no-value-first"}},
	{"give_without_ask", []string{"give-without-ask"}},
	{"interrogation", []string{"interrogation"}},
	{"pushy", []string{"pushy-pressure"}},
}

// Options adjust a run.
type Options struct {
	// MinSeverity is the weakest diagnostic that counts as the rule firing;
	// hints are the rules saying "unsure", so the default is Info.
	MinSeverity lint.Severity
	// Settings apply to the linter (a team's config).
	Settings lint.Settings
	// Labels names the labels file inside the folder; default labels.jsonl
	// (a second annotator's file can be scored the same way).
	Labels string
}

// Score is precision/recall for one label or ledger role.
type Score struct {
	Name      string   `json:"name"`
	Rules     []string `json:"rules,omitempty"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
	// Misses lists the files (or sentences) that disagree, for reading.
	FalsePositives []string `json:"false_positives,omitempty"`
	FalseNegatives []string `json:"false_negatives,omitempty"`
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

func (s *Score) add(predicted, actual bool, item string) {
	switch {
	case predicted && actual:
		s.TP++
	case predicted:
		s.FP++
		s.FalsePositives = append(s.FalsePositives, item)
	case actual:
		s.FN++
		s.FalseNegatives = append(s.FalseNegatives, item)
	}
}

// Report is the outcome of an evaluation.
type Report struct {
	Dir        string  `json:"dir"`
	LabelsFile string  `json:"labels_file"`
	Files      int     `json:"files"`
	Labels     []Score `json:"labels"`
	Ledger     []Score `json:"ledger"` // sentence level: asks, gives
}

// Get returns the score named name.
func (r *Report) Get(name string) (Score, bool) {
	for _, s := range append(r.Labels, r.Ledger...) {
		if s.Name == name {
			return s, true
		}
	}
	return Score{}, false
}

// ReadLabels reads labels.jsonl, reporting bad lines with their number.
func ReadLabels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var l Label
		if err := json.Unmarshal(line, &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if l.File == "" {
			return nil, fmt.Errorf("%s:%d: missing \"file\"", path, n)
		}
		var raw map[string]json.RawMessage
		_ = json.Unmarshal(line, &raw)
		_, hasAsks := raw["asks"]
		_, hasGives := raw["gives"]
		l.sentences = hasAsks && hasGives
		out = append(out, l)
	}
	return out, sc.Err()
}

// Run evaluates the rules on dir.
func Run(ctx context.Context, dir string, o Options) (*Report, error) {
	if o.MinSeverity == 0 {
		o.MinSeverity = lint.Info
	}
	labelsPath := filepath.Join(dir, cmp.Or(o.Labels, "labels.jsonl"))
	labels, err := ReadLabels(labelsPath)
	if err != nil {
		return nil, err
	}
	if len(labels) == 0 {
		return nil, errors.New(labelsPath + ": no labels")
	}
	l, err := rules.New(o.Settings)
	if err != nil {
		return nil, err
	}
	rep := &Report{Dir: dir, LabelsFile: filepath.Base(labelsPath)}
	scores := make([]Score, len(Checks))
	for i, c := range Checks {
		scores[i] = Score{Name: c.Label, Rules: c.Rules}
	}
	asks, gives := Score{Name: "ledger asks"}, Score{Name: "ledger gives"}
	for _, lab := range labels {
		path := filepath.Join(dir, "emails", lab.File)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		popts := lint.ParseOptions{}
		if k, err := lint.ParseKind(lab.Kind); err == nil {
			popts.Kind = k
		}
		doc, err := lint.Parse(path, src, popts)
		if err != nil {
			return nil, err
		}
		res, err := l.Lint(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		rep.Files++
		fired := map[string]bool{}
		for _, d := range res.Diagnostics {
			if d.Severity >= o.MinSeverity {
				fired[d.Rule] = true
			}
		}
		led, _ := res.Facts[rules.LedgerAnalyzer.Name].(*rules.Ledger)
		for i, c := range Checks {
			actual := lab.value(c.Label)
			if actual == nil {
				continue
			}
			scores[i].add(Predict(c, fired, led), *actual, lab.File)
		}
		if lab.sentences && led != nil {
			scoreSentences(&asks, doc, led, lab.Asks, lab.File, rules.Entry.Asks)
			scoreSentences(&gives, doc, led, lab.Gives, lab.File, rules.Entry.Gives)
		}
	}
	for i := range scores {
		scores[i].finish()
	}
	asks.finish()
	gives.finish()
	rep.Labels = scores
	rep.Ledger = []Score{asks, gives}
	return rep, nil
}

// Predict says whether the rules predict check c is true for one message.
func Predict(c Check, fired map[string]bool, led *rules.Ledger) bool {
	hit := false
	for _, r := range c.Rules {
		hit = hit || fired[r]
	}
	if c.Label == "value_first" {
		return led != nil && led.FirstGive() >= 0 && !hit
	}
	return hit
}

func (l Label) value(name string) *bool {
	switch name {
	case "i_heavy":
		return l.IHeavy
	case "self_centred_opener":
		return l.SelfCentredOpener
	case "ask_without_give":
		return l.AskWithoutGive
	case "value_first":
		return l.ValueFirst
	case "give_without_ask":
		return l.GiveWithoutAsk
	case "interrogation":
		return l.Interrogation
	case "pushy":
		return l.Pushy
	}
	return nil
}

// scoreSentences matches predicted sentences to labelled ones. Labels copy
// sentences with white space collapsed and sometimes join or split them
// differently, so a prediction matches a label when either contains the
// other.
func scoreSentences(s *Score, doc *lint.Document, led *rules.Ledger, labelled []string, file string, role func(rules.Entry) bool) {
	norm := func(x string) string { return strings.Join(strings.Fields(x), " ") }
	matched := make([]bool, len(labelled))
	for _, e := range led.Entries {
		if !role(e) {
			continue
		}
		text := norm(doc.TextOf(e.Span))
		hit := false
		for i, l := range labelled {
			l = norm(l)
			if strings.Contains(l, text) || strings.Contains(text, l) {
				matched[i], hit = true, true
			}
		}
		if hit {
			s.TP++
		} else {
			s.FP++
			s.FalsePositives = append(s.FalsePositives, file+": "+text)
		}
	}
	for i, m := range matched {
		if !m {
			s.FN++
			s.FalseNegatives = append(s.FalseNegatives, file+": "+norm(labelled[i]))
		}
	}
}

// WriteText prints the report as a table; verbose adds the disagreements.
func (r *Report) WriteText(w io.Writer, verbose bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d labelled messages in %s (%s)\n\n", r.Files, r.Dir, r.LabelsFile)
	fmt.Fprintf(&b, "%-22s %-38s %4s %4s %4s %9s %7s %5s\n", "label", "rule", "TP", "FP", "FN", "precision", "recall", "F1")
	row := func(s Score) {
		fmt.Fprintf(&b, "%-22s %-38s %4d %4d %4d %9.2f %7.2f %5.2f\n", s.Name, strings.Join(s.Rules, " | "), s.TP, s.FP, s.FN, s.Precision, s.Recall, s.F1)
	}
	for _, s := range r.Labels {
		row(s)
	}
	b.WriteString("\n")
	for _, s := range r.Ledger {
		row(s)
	}
	if verbose {
		for _, s := range append(slices.Clone(r.Labels), r.Ledger...) {
			if len(s.FalsePositives)+len(s.FalseNegatives) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n%s\n", s.Name)
			for _, f := range s.FalsePositives {
				fmt.Fprintf(&b, "  false positive: %s\n", f)
			}
			for _, f := range s.FalseNegatives {
				fmt.Fprintf(&b, "  false negative: %s\n", f)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Floors checks minimum F1 scores, such as {"i_heavy": 0.9}, and
// describes each one missed, in name order.
func (r *Report) Floors(min map[string]float64) []string {
	var names []string
	for n := range min {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		s, ok := r.Get(n)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: not measured (is it labelled?)", n))
		case s.F1 < min[n]:
			out = append(out, fmt.Sprintf("%s: F1 %.2f is below the floor %.2f", n, s.F1, min[n]))
		}
	}
	return out
}
