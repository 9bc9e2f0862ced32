// Package linttest runs rules over fixture files whose expectations are
// written inline, in the manner of go/analysis/analysistest.
//
// A fixture is an ordinary document (text, Markdown, HTML, .eml). A line
// that should raise a diagnostic ends with a want comment naming the rule
// and, optionally, a regular expression the message must match:
//
//	I wanted to reach out about our platform. // want self-centred-opener "about you"
//
// The comment (from " // want" to the end of the line) is cut out before
// linting, so line and column numbers stay those of the fixture. Every
// diagnostic must be expected on the line where it starts, and every
// expectation must be met. A fixture with no want comments asserts that the
// rules stay quiet on it. With -update, a .golden file next to each fixture
// records every diagnostic with its exact span and fixes; without it the
// golden file is compared.
package linttest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/givefirst/givefirst/lint"
)

var update = flag.Bool("update", false, "rewrite .golden files from the current diagnostics")

// Config adjusts a run.
type Config struct {
	Settings lint.Settings
	Options  []lint.LinterOption
	Parse    lint.ParseOptions
	// Golden turns on .golden comparison (and writing with -update).
	Golden bool
}

type expectation struct {
	line int
	rule string
	msg  *regexp.Regexp
	met  bool
}

var wantRE = regexp.MustCompile(` // want((?: +[a-z0-9-]+(?: +"(?:[^"\\]|\\.)*")?)+) *$`)
var wantItemRE = regexp.MustCompile(`([a-z0-9-]+)(?: +"((?:[^"\\]|\\.)*)")?`)

// Run lints every file in dir (not recursing) and checks its expectations.
// It returns the results by file name for further assertions.
func Run(t *testing.T, dir string, rules []*lint.Rule, cfg Config) map[string]*lint.Result {
	t.Helper()
	l, err := lint.New(rules, cfg.Settings, cfg.Options...)
	if err != nil {
		t.Fatalf("building linter: %v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading fixtures: %v", err)
	}
	out := map[string]*lint.Result{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".golden") || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		t.Run(name, func(t *testing.T) {
			out[name] = runFile(t, l, path, cfg)
		})
	}
	return out
}

func runFile(t *testing.T, l *lint.Linter, path string, cfg Config) *lint.Result {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src, wants, err := parseWants(raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	doc, err := lint.Parse(path, src, cfg.Parse)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	res, err := l.Lint(context.Background(), doc)
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	for _, problem := range check(doc, res.Diagnostics, wants) {
		t.Errorf("%s:%s", filepath.Base(path), problem)
	}
	if cfg.Golden {
		checkGolden(t, path+".golden", Format(res))
	}
	return res
}

func (w *expectation) msgString() string {
	if w.msg == nil {
		return ""
	}
	return fmt.Sprintf("%q", w.msg.String())
}

// check matches diagnostics to expectations and describes every mismatch.
func check(doc *lint.Document, diags []lint.Diagnostic, wants []*expectation) []string {
	var problems []string
	for _, d := range diags {
		p := doc.Position(d.Span.Start)
		if !meet(wants, p.Line+1, d) {
			problems = append(problems, fmt.Sprintf("%d:%d: unexpected %s: %s", p.Line+1, p.Column+1, d.Rule, d.Message))
		}
	}
	for _, w := range wants {
		if !w.met {
			problems = append(problems, fmt.Sprintf("%d: expected %s %s, got none", w.line, w.rule, w.msgString()))
		}
	}
	return problems
}

func meet(wants []*expectation, line int, d lint.Diagnostic) bool {
	for _, w := range wants {
		if !w.met && w.line == line && w.rule == d.Rule && (w.msg == nil || w.msg.MatchString(d.Message)) {
			w.met = true
			return true
		}
	}
	return false
}

// parseWants cuts the want comments out of a fixture and returns the
// source to lint with the expectations, by 1-based line.
func parseWants(raw []byte) ([]byte, []*expectation, error) {
	var out bytes.Buffer
	var wants []*expectation
	line := 1
	for len(raw) > 0 {
		end := bytes.IndexByte(raw, '\n')
		if end < 0 {
			end = len(raw)
		} else {
			end++
		}
		l := raw[:end]
		raw = raw[end:]
		body := bytes.TrimRight(l, "\r\n")
		term := l[len(body):]
		if m := wantRE.FindSubmatchIndex(body); m != nil {
			for _, item := range wantItemRE.FindAllSubmatch(body[m[2]:m[3]], -1) {
				w := &expectation{line: line, rule: string(item[1])}
				if len(item[2]) > 0 {
					re, err := regexp.Compile(strings.ReplaceAll(string(item[2]), `\"`, `"`))
					if err != nil {
						return nil, nil, fmt.Errorf("line %d: bad want pattern: %w", line, err)
					}
					w.msg = re
				}
				wants = append(wants, w)
			}
			body = body[:m[0]]
		}
		out.Write(body)
		out.Write(term)
		line++
	}
	return out.Bytes(), wants, nil
}

// Format renders a result's diagnostics one per line with exact spans (as
// 1-based line:column in bytes), the covered text and the fixes — the
// golden-file form.
func Format(res *lint.Result) string {
	var b strings.Builder
	src := res.Doc.Source
	for _, d := range res.Diagnostics {
		s, e := res.Doc.Position(d.Span.Start), res.Doc.Position(d.Span.End)
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s: %s «%s»\n", s.Line+1, s.Column+1, e.Line+1, e.Column+1,
			d.Severity, d.Rule, d.Message, clip(src, d.Span))
		for _, r := range d.Related {
			p := res.Doc.Position(r.Span.Start)
			fmt.Fprintf(&b, "\trelated %d:%d %s «%s»\n", p.Line+1, p.Column+1, r.Message, clip(src, r.Span))
		}
		for _, f := range d.Fixes {
			edits := make([]string, len(f.Edits))
			for i, ed := range f.Edits {
				edits[i] = fmt.Sprintf("%d-%d→%q", ed.Span.Start, ed.Span.End, ed.NewText)
			}
			sort.Strings(edits)
			safe := ""
			if f.Safe {
				safe = " (safe)"
			}
			fmt.Fprintf(&b, "\tfix%s %s: %s\n", safe, f.Title, strings.Join(edits, " "))
		}
	}
	return b.String()
}

func clip(src []byte, s lint.Span) string {
	s.Start, s.End = max(0, min(s.Start, len(src))), max(0, min(s.End, len(src)))
	t := strings.Join(strings.Fields(string(src[s.Start:max(s.Start, s.End)])), " ")
	if len(t) > 80 {
		t = t[:60] + "…" + t[len(t)-16:]
	}
	return t
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run with -update to accept):\n--- want\n%s--- got\n%s", filepath.Base(path), want, got)
	}
}
