package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/config"
)

// rulesCmd is "givefirst rules": the rule table, or JSON for tools.
func (a *App) rulesCmd(_ context.Context, s streams, args []string) int {
	fs := newFlagSet(s, "rules", "[--json]")
	asJSON := fs.Bool("json", false, "print the rules as a JSON array")
	pos, code, ok := parseArgs(fs, s, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(s, "rules", "unexpected argument %q", pos[0])
	}
	list := a.rules()
	if *asJSON {
		type option struct {
			Name    string `json:"name"`
			Type    string `json:"type"`
			Default any    `json:"default"`
			Doc     string `json:"doc,omitempty"`
		}
		type rule struct {
			ID       string        `json:"id"`
			Severity lint.Severity `json:"severity"`
			Kinds    []lint.Kind   `json:"kinds"`
			Summary  string        `json:"summary"`
			URL      string        `json:"url,omitempty"`
			Options  []option      `json:"options"`
		}
		out := make([]rule, 0, len(list))
		for _, r := range list {
			jr := rule{ID: r.ID, Severity: defaultSeverity(r), Kinds: kindsOf(r), Summary: r.Summary, URL: r.URL, Options: []option{}}
			for _, o := range r.Options {
				jr.Options = append(jr.Options, option{o.Name, o.TypeName(), o.Default, o.Doc})
			}
			out = append(out, jr)
		}
		enc := json.NewEncoder(s.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(s.stderr, "givefirst rules: %v\n", err)
			return ExitError
		}
		return ExitOK
	}
	if len(list) == 0 {
		fmt.Fprintln(s.stdout, "No rules are built in.")
		return ExitOK
	}
	tw := newTable(s.stdout)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tKINDS\tSUMMARY")
	for _, r := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, defaultSeverity(r), kindNames(r), r.Summary)
	}
	tw.Flush()
	return ExitOK
}

// defaultSeverity is what a rule reports at unless configured: lint
// treats an unset severity as a warning.
func defaultSeverity(r *lint.Rule) lint.Severity {
	if r.Severity == 0 {
		return lint.Warning
	}
	return r.Severity
}

// kindsOf lists the kinds a rule checks; every kind when it names none.
func kindsOf(r *lint.Rule) []lint.Kind {
	if len(r.Kinds) == 0 {
		return lint.Kinds
	}
	return r.Kinds
}

func kindNames(r *lint.Rule) string {
	if len(r.Kinds) == 0 {
		return "all"
	}
	names := make([]string, len(r.Kinds))
	for i, k := range r.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ",")
}

// explain is "givefirst explain RULE": the rule's documentation.
func (a *App) explain(_ context.Context, s streams, args []string) int {
	fs := newFlagSet(s, "explain", "RULE")
	pos, code, ok := parseArgs(fs, s, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(s, "explain", "name one rule (see 'givefirst rules')")
	}
	list := a.rules()
	var ids []string
	for _, r := range list {
		if r.ID == pos[0] {
			printRuleDoc(s, r)
			return ExitOK
		}
		ids = append(ids, r.ID)
	}
	fmt.Fprintf(s.stderr, "givefirst explain: unknown rule %q%s\n", pos[0], lint.DidYouMean(pos[0], ids))
	fmt.Fprintln(s.stderr, "Run 'givefirst rules' for the list of rules.")
	return ExitError
}

func printRuleDoc(s streams, r *lint.Rule) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	if r.Summary != "" {
		fmt.Fprintf(&b, "%s\n\n", r.Summary)
	}
	fmt.Fprintf(&b, "Default severity: %s. Applies to: %s.\n", defaultSeverity(r), strings.ReplaceAll(kindNames(r), ",", ", "))
	if r.URL != "" {
		fmt.Fprintf(&b, "More: %s\n", r.URL)
	}
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		fmt.Fprintf(&b, "\n%s\n", doc)
	}
	if len(r.Options) > 0 {
		b.WriteString("\n## Options\n\n")
		for _, o := range r.Options {
			def, _ := json.Marshal(o.Default)
			fmt.Fprintf(&b, "- `%s` (%s, default `%s`)", o.Name, o.TypeName(), def)
			if o.Doc != "" {
				fmt.Fprintf(&b, ": %s", o.Doc)
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprint(s.stdout, b.String())
}

// initCmd is "givefirst init [--force] [DIR]": a starter config file.
func (a *App) initCmd(_ context.Context, s streams, args []string) int {
	flags := newFlagSet(s, "init", "[--force] [DIR]")
	force := flags.Bool("force", false, "replace an existing config file")
	pos, code, ok := parseArgs(flags, s, args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return usageError(s, "init", "name at most one folder")
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	path, err := config.WriteStarter(dir, *force)
	if err != nil {
		fmt.Fprintf(s.stderr, "givefirst init: %v\n", err)
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintln(s.stderr, "Use --force to replace it.")
		}
		return ExitError
	}
	fmt.Fprintf(s.stdout, "Wrote %s; docs/config.md explains each setting.\n", path)
	return ExitOK
}

// versionCmd is "givefirst version".
func (a *App) versionCmd(_ context.Context, s streams, args []string) int {
	fs := newFlagSet(s, "version", "")
	pos, code, ok := parseArgs(fs, s, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(s, "version", "unexpected argument %q", pos[0])
	}
	fmt.Fprintf(s.stdout, "givefirst %s (%s %s/%s)\n", a.version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}

func (a *App) version() string {
	if a.Version != "" {
		return a.Version
	}
	return buildVersion(debug.ReadBuildInfo())
}

// buildVersion is the module version "go install" stamps into the binary;
// a build from a checkout has none and gets "devel", with the commit when
// the build recorded it.
func buildVersion(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.modified":
			if kv.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel+" + rev[:min(12, len(rev))] + dirty
}
