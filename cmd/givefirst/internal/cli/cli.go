// Package cli is the givefirst command line: it parses arguments, finds the
// files to check, lints them in parallel and prints the results in the
// requested format. It is a package rather than main so that tests can
// drive it with fake rule sets and capture its output.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/config"
	"github.com/givefirst/givefirst/rules"
)

// Exit codes. A run that could not check everything it was asked to (a
// usage mistake, a broken config file, an unreadable file) exits ExitError
// even when it also found problems, so an incomplete check never passes for
// a complete one.
const (
	ExitOK       = 0 // nothing at or above the --fail-on level
	ExitProblems = 1 // diagnostics at or above the --fail-on level
	ExitError    = 2 // usage, config or input errors
)

// Resolver supplies the settings that apply to one file. *config.Resolver
// is the real one; tests pass fakes with tiny rule sets.
type Resolver interface {
	For(path string) (*config.Effective, error)
}

// App is the command line with its collaborators. The zero value is ready
// to use and behaves like the installed binary.
type App struct {
	// Rules lists the rules "givefirst rules", "explain" and SARIF output
	// describe; nil means rules.All.
	Rules func() []*lint.Rule
	// NewResolver builds the settings resolver for a run; configFile is
	// --config (or GIVEFIRST_CONFIG). Nil means config.NewResolver.
	NewResolver func(configFile string) Resolver
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// IsTerminal reports whether w is an interactive terminal, which turns
	// on colour and the progress bar; nil checks for a terminal *os.File.
	IsTerminal func(w io.Writer) bool
	// Version is printed by "givefirst version" and written into reports;
	// "" reads it from the build information.
	Version string

	// fixWriter wraps the writer of a file being fixed, so tests can make a
	// write fail half-way.
	fixWriter func(io.Writer) io.Writer
	// progressAfter is how long a run goes before the progress bar shows.
	progressAfter time.Duration
}

// Run runs the command line with the default App.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return (&App{}).Run(ctx, args, stdin, stdout, stderr)
}

// streams are the standard streams of one invocation.
type streams struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(a *App, ctx context.Context, s streams, args []string) int
}

func commands() []command {
	return []command{
		{"lint", "check files, folders, globs or standard input", (*App).lint},
		{"rules", "list the rules with their default severity and kinds", (*App).rulesCmd},
		{"explain", "show the documentation of one rule", (*App).explain},
		{"score", "show the reciprocity score and give/ask ledger of files", (*App).score},
		{"eval", "measure the rules against labelled messages (labels.jsonl + emails/)", (*App).evalCmd},
		{"init", "write a commented starter .givefirst.yaml", (*App).initCmd},
		{"version", "print the version", (*App).versionCmd},
	}
}

// Run runs one invocation and returns its exit code. It never panics on
// bad input: every problem becomes a message on stderr and ExitError.
func (a *App) Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := streams{stdin, stdout, stderr}
	if len(args) == 0 {
		a.usage(stderr)
		return ExitError
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 { // "givefirst help lint" shows the command's flags
			return a.Run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		a.usage(stdout)
		return ExitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(a, ctx, s, args[1:])
		}
	}
	fmt.Fprintf(stderr, "givefirst: unknown command %q%s\n", name, lint.DidYouMean(name, commandNames()))
	fmt.Fprintln(stderr, "Run 'givefirst help' for the list of commands.")
	return ExitError
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

func (a *App) usage(w io.Writer) {
	fmt.Fprint(w, `givefirst checks sales outreach for reciprocity: give first, keep the reader
at the centre, ask small and early, never pressure.

Usage:
  givefirst <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'givefirst <command> --help' for a command's flags; docs/cli.md has the
full reference.
`)
}

func (a *App) rules() []*lint.Rule {
	if a.Rules != nil {
		return a.Rules()
	}
	return rules.All()
}

func (a *App) getenv(k string) string {
	if a.Getenv != nil {
		return a.Getenv(k)
	}
	return os.Getenv(k)
}

func (a *App) isTerminal(w io.Writer) bool {
	if a.IsTerminal != nil {
		return a.IsTerminal(w)
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// resolver builds the settings resolver; --config wins over GIVEFIRST_CONFIG.
func (a *App) resolver(configFile string) Resolver {
	if configFile == "" {
		configFile = a.getenv("GIVEFIRST_CONFIG")
	}
	if a.NewResolver != nil {
		return a.NewResolver(configFile)
	}
	// The linter keeps lint's default tagger, which memoises nothing: a
	// batch run sees each sentence once, so a memo would only cost memory.
	return config.NewResolver(config.Options{ConfigFile: configFile})
}

// newFlagSet returns a flag set whose errors go to stderr and whose usage
// lists the flags with the double dash the documentation uses.
func newFlagSet(s streams, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	fs.Usage = func() { printUsage(fs.Output(), fs, name, synopsis) }
	return fs
}

func printUsage(w io.Writer, fs *flag.FlagSet, name, synopsis string) {
	fmt.Fprintf(w, "Usage: givefirst %s %s\n", name, synopsis)
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprintln(w, "\nFlags:")
			first = false
		}
		arg, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s", f.Name)
		if arg != "" {
			fmt.Fprintf(w, " %s", arg)
		}
		fmt.Fprintf(w, "\n      %s", usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// parseArgs parses flags wherever they appear among the arguments
// ("givefirst lint docs/ --format json"), as users of linters expect; "--"
// ends the flags. -h and --help print the usage to stdout.
func parseArgs(fs *flag.FlagSet, s streams, args []string) (positional []string, code int, ok bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(s.stdout)
			fs.Usage()
			return nil, ExitOK, false
		}
	}
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, ExitError, false // flag has already printed the problem and the usage
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	return positional, ExitOK, true
}

// usageError prints a usage mistake and returns ExitError.
func usageError(s streams, cmd, format string, args ...any) int {
	fmt.Fprintf(s.stderr, "givefirst %s: %s\n", cmd, fmt.Sprintf(format, args...))
	fmt.Fprintf(s.stderr, "Run 'givefirst %s --help' for usage.\n", cmd)
	return ExitError
}
