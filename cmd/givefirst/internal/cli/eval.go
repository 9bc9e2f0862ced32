package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/givefirst/givefirst/rules/eval"
)

// evalCmd measures the built-in rules against a labelled folder
// (labels.jsonl + emails/), so a team sees how well the rules fit its own
// templates, and CI can hold the line with --min-f1.
func (a *App) evalCmd(ctx context.Context, s streams, args []string) int {
	fs := newFlagSet(s, "eval", "[--json] [--verbose] [--labels FILE] [--min-f1 LABEL=F1,...] DIR")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	verbose := fs.Bool("verbose", false, "list the messages and sentences where rules and labels disagree")
	labels := fs.String("labels", "", "labels file inside DIR (default labels.jsonl)")
	floors := fs.String("min-f1", "", "comma-separated LABEL=F1 floors; a label below its floor makes the run exit 1")
	pos, code, ok := parseArgs(fs, s, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(s, "eval", "want one labelled folder, got %d arguments", len(pos))
	}
	floorSet, err := parseFloors(*floors)
	if err != nil {
		return usageError(s, "eval", "--min-f1: %v", err)
	}
	rep, err := eval.Run(ctx, pos[0], eval.Options{Labels: *labels})
	if err != nil {
		fmt.Fprintf(s.stderr, "givefirst eval: %v\n", err)
		return ExitError
	}
	if *asJSON {
		enc := json.NewEncoder(s.stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteText(s.stdout, *verbose)
	}
	if err != nil {
		fmt.Fprintf(s.stderr, "givefirst eval: %v\n", err)
		return ExitError
	}
	if missed := rep.Floors(floorSet); len(missed) > 0 {
		for _, m := range missed {
			fmt.Fprintf(s.stderr, "givefirst eval: %s\n", m)
		}
		return ExitProblems
	}
	return ExitOK
}

// parseFloors reads "i_heavy=0.9,pushy=0.8".
func parseFloors(s string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, val, ok := strings.Cut(part, "=")
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || name == "" || err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("%q: want LABEL=F1 with F1 between 0 and 1", part)
		}
		out[strings.TrimSpace(name)] = f
	}
	return out, nil
}
