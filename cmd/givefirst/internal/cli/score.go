package cli

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

// score is "givefirst score FILE...": the reciprocity score, its
// components and the give/ask ledger of each file, as tables.
func (a *App) score(ctx context.Context, s streams, args []string) int {
	fs := newFlagSet(s, "score", "[flags] FILE...")
	configFile := fs.String("config", "", "config `file` to use instead of discovering .givefirst.yaml (default $GIVEFIRST_CONFIG)")
	stdinName := fs.String("stdin-filename", "", "file `name` standard input (-) stands for")
	pos, code, ok := parseArgs(fs, s, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return usageError(s, "score", "name at least one file (or - for standard input)")
	}
	resolver := a.resolver(*configFile)
	code = ExitOK
	for i, p := range pos {
		if i > 0 {
			fmt.Fprintln(s.stdout)
		}
		if err := a.scoreOne(ctx, s, resolver, p, *stdinName); err != nil {
			fmt.Fprintf(s.stderr, "givefirst: %s\n", err)
			code = ExitError
		}
	}
	return code
}

func (a *App) scoreOne(ctx context.Context, s streams, resolver Resolver, arg, stdinName string) error {
	in := input{path: arg}
	lookup := arg
	if arg == "-" {
		in = input{path: cmp.Or(stdinName, "<stdin>"), stdin: true}
		lookup = cmp.Or(stdinName, stdinConfigName)
	}
	eff, err := resolver.For(lookup)
	if err != nil {
		return fmt.Errorf("%s", errorMessage(in.path, &configError{err}))
	}
	in.eff = eff
	src, _, err := readInput(in, s.stdin)
	if err != nil {
		return fmt.Errorf("%s", errorMessage(in.path, err))
	}
	doc, err := lint.Parse(in.path, src, eff.Parse)
	if err != nil {
		return err
	}
	res, lerr := eff.Linter.Lint(ctx, doc)
	if res == nil {
		return fmt.Errorf("%s: %w", in.path, lerr)
	}
	writeScore(s.stdout, in.path, res)
	if lerr != nil {
		return fmt.Errorf("%s: %w", in.path, lerr)
	}
	return nil
}

// writeScore prints one file's score and ledger.
func writeScore(w io.Writer, path string, res *lint.Result) {
	sc := res.Score
	if sc == nil {
		fmt.Fprintf(w, "%s: no score (the rule set has no scorer)\n", path)
	} else {
		fmt.Fprintf(w, "%s: %d/100 (%s)\n", path, sc.Value, sc.Band)
		if sc.Summary != "" {
			fmt.Fprintf(w, "  %s\n", sc.Summary)
		}
		if len(sc.Components) > 0 {
			fmt.Fprintln(w)
			tw := newTable(w)
			fmt.Fprintln(tw, "  COMPONENT\tPOINTS\tNOTE")
			for _, c := range sc.Components {
				fmt.Fprintf(tw, "  %s\t%s/%s\t%s\n", c.Name, num(c.Points), num(c.Max), c.Note)
			}
			tw.Flush()
		}
	}
	l := ledgerOf(res)
	if l == nil {
		fmt.Fprintln(w, "\n  No give/ask ledger (no rule computes one).")
		return
	}
	fmt.Fprintf(w, "\n  Ledger: %s, I %d, we %d, you %d.\n", plural(l.Words, "word", "words"), l.SelfI, l.SelfWe, l.Reader)
	if len(l.Entries) == 0 {
		return
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "  LINE\tROLE\tSIZE\tWEIGHT\tCUE\tSENTENCE")
	doc := res.Doc
	for _, e := range l.Entries {
		span, _ := doc.SourceSpan(e.Span)
		role := string(e.Role)
		if e.Also != "" {
			role += "+" + string(e.Also)
		}
		size := "-"
		if e.Size != "" {
			size = string(e.Size)
		}
		weight := "-"
		if e.Role == rules.RoleGive || e.Also == rules.RoleGive {
			weight = num(e.Weight)
		}
		// The words that decided the role read better than the cue
		// pattern that matched them.
		cue := "-"
		if e.CueSpan.Len() > 0 {
			cue = strconv.Quote(clip(strings.Join(strings.Fields(doc.TextOf(e.CueSpan)), " "), 30))
		} else if e.Cue != "" {
			cue = strconv.Quote(clip(e.Cue, 30))
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\n", doc.Position(span.Start).Line+1, role, size, weight, cue,
			clip(strings.Join(strings.Fields(doc.TextOf(e.Span)), " "), 60))
	}
	tw.Flush()
}

// table is a tabwriter whose lines lose the padding an empty last cell
// leaves behind.
type table struct {
	*tabwriter.Writer
	buf bytes.Buffer
	out io.Writer
}

func newTable(w io.Writer) *table {
	t := &table{out: w}
	t.Writer = tabwriter.NewWriter(&t.buf, 0, 0, 2, ' ', 0)
	return t
}

// Flush writes the aligned table.
func (t *table) Flush() error {
	if err := t.Writer.Flush(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(t.buf.String(), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(t.out, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	t.buf.Reset()
	return nil
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// clip shortens s to at most n characters, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
