package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

// reporter renders a lint run in one output format. begin and end run on
// the writing goroutine; file runs on the workers, in parallel, so the
// costly part of formatting scales with the cores and the writer only
// copies finished chunks out in order.
type reporter interface {
	begin(w io.Writer) error
	// file renders one file into buf. It must not keep f.
	file(buf *bytes.Buffer, f *fileReport)
	// sep goes between two non-empty chunks, as a JSON array needs commas.
	sep() string
	end(w io.Writer, s *summary) error
}

// fileReport is what a reporter sees of one file.
type fileReport struct {
	path string
	res  *lint.Result // nil when err is set
	err  error        // the file could not be checked
	// original is the source before --fix changed it; nil when nothing changed.
	original []byte
}

// summary accumulates over a run, in output order.
type summary struct {
	files    int // files checked
	failed   int // files that could not be checked
	fixed    int // files --fix changed (or --diff would change)
	bytes    int64
	counts   [lint.Error + 1]int // diagnostics by severity
	fixable  int                 // diagnostics with a safe fix
	scored   int
	scoreSum int
	worst    []scoredFile // lowest scores, worst first
	errors   []string     // error messages, the first maxErrorsKept
	partial  int          // files checked with errors: a rule failed, a fix was not written
}

type scoredFile struct {
	path  string
	value int
	band  string
}

// worstKept is how many lowest-scoring files a summary lists.
const worstKept = 5

// maxErrorsKept bounds the error messages a summary keeps for reports that
// list them at the end (SARIF); all of them go to stderr as they happen.
const maxErrorsKept = 1000

func (s *summary) addScore(path string, sc *lint.Score) {
	s.scored++
	s.scoreSum += sc.Value
	f := scoredFile{path, sc.Value, sc.Band}
	i, _ := slices.BinarySearchFunc(s.worst, f, func(a, b scoredFile) int {
		if a.value != b.value {
			return a.value - b.value
		}
		return strings.Compare(a.path, b.path)
	})
	if i < worstKept {
		s.worst = slices.Insert(s.worst, i, f)
		if len(s.worst) > worstKept {
			s.worst = s.worst[:worstKept]
		}
	}
}

func (s *summary) problems() int {
	n := 0
	for _, c := range s.counts {
		n += c
	}
	return n
}

func (s *summary) meanScore() float64 {
	if s.scored == 0 {
		return 0
	}
	return float64(s.scoreSum) / float64(s.scored)
}

// errorMessage is how a file that could not be checked is described on
// stderr and in reports: the path, then the reason.
func errorMessage(path string, err error) string {
	var pe *lint.ParseError
	if errors.As(err, &pe) && pe.Path != "" {
		return pe.Error() // already "path[:line:col]: reason"
	}
	var ce *configError
	if errors.As(err, &ce) {
		return fmt.Sprintf("%s: config: %v", path, ce.err)
	}
	return fmt.Sprintf("%s: %v", path, err)
}

// span1 is a span with 1-based lines and columns in each unit.
type span1 struct {
	startLine, startCol, startUTF16, startByte int
	endLine, endCol, endUTF16, endByte         int
}

// locate converts a source span into 1-based positions.
func locate(doc *lint.Document, s lint.Span) span1 {
	a, b := doc.Range(s)
	return span1{
		a.Line + 1, a.RuneColumn + 1, a.UTF16Column + 1, a.Column + 1,
		b.Line + 1, b.RuneColumn + 1, b.UTF16Column + 1, b.Column + 1,
	}
}

// ledgerOf returns the give/ask ledger the rules computed, if any.
func ledgerOf(res *lint.Result) *rules.Ledger {
	l, _ := res.Facts["ledger"].(*rules.Ledger)
	return l
}

// ruleIndex maps rule IDs to the rules a report describes.
type ruleIndex struct {
	list []*lint.Rule
	byID map[string]int
}

func newRuleIndex(list []*lint.Rule) *ruleIndex {
	x := &ruleIndex{list: list, byID: make(map[string]int, len(list))}
	for i, r := range list {
		x.byID[r.ID] = i
	}
	return x
}

func (x *ruleIndex) get(id string) (*lint.Rule, int, bool) {
	i, ok := x.byID[id]
	if !ok {
		return nil, -1, false
	}
	return x.list[i], i, true
}

func (x *ruleIndex) url(id string) string {
	if r, _, ok := x.get(id); ok {
		return r.URL
	}
	return ""
}

// plural returns "1 file" or "2 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
