// Package config resolves the settings that apply to a file: the closest
// .givefirst.yaml above it (or an explicit one), merged over the built-in
// defaults, and turns them into a ready lint.Linter. The CLI, the language
// server and library callers all go through Resolver, so they read the same
// settings the same way.
package config

import (
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

// FileNames are the names a config file may have, in the order they are
// looked for. Both in one folder is an error.
var FileNames = []string{".givefirst.yaml", ".givefirst.yml"}

// EnvVar names the environment variable that points at a config file for
// every path, unless Options.ConfigFile is set.
const EnvVar = "GIVEFIRST_CONFIG"

// Options configure a Resolver.
type Options struct {
	// ConfigFile, when set, is used for every path instead of discovery
	// (--config, GIVEFIRST_CONFIG).
	ConfigFile string
	// LinterOptions are passed to every linter the resolver builds
	// (for instance a memoising tagger in the language server).
	LinterOptions []lint.LinterOption
	// Rules replaces the built-in rule set: configs are checked against it
	// and linters are built with lint.New instead of rules.New, so attach a
	// scorer through LinterOptions if one is wanted. Tests and programs
	// with rules of their own use it; nil means the built-in rules.
	Rules []*lint.Rule
}

// Effective is what applies to one file.
type Effective struct {
	ConfigPath string            // the config file used; "" for built-in defaults
	Root       string            // the folder globs are relative to
	Linter     *lint.Linter      // built once per config file and shared
	Parse      lint.ParseOptions // kind from kinds:, extra placeholders
	Ignored    bool              // the path matches an ignore: glob
	Extensions []string          // extra file extensions to lint (".tpl")
}

// recheckFolders is how long a folder's discovered config is trusted
// before the walk is redone, so a config created later is found without
// an Invalidate.
const recheckFolders = time.Second

// Resolver finds and caches effective settings. It is safe for concurrent use.
//
// Config files are found from each file's folder upward, stopping at the
// repository root (a folder holding .git) or the filesystem root. What a
// folder resolves to is cached and walked again after a second; a loaded
// config is checked against the files it was read from (size and
// modification time) on every call, so a long-running process sees edits.
type Resolver struct {
	opts     Options
	rs       *ruleSet
	explicit string        // ConfigFile or $GIVEFIRST_CONFIG, absolute
	recheck  time.Duration // how long a folder's discovery result is trusted

	mu      sync.Mutex
	folders map[string]folder
	configs map[string]*loaded // by config path; "" is the built-in defaults
}

// folder is what discovery found for one folder.
type folder struct {
	config string // "" when no config applies
	err    error
	at     time.Time
}

// loaded is a config file read and turned into a linter. done closes when
// loading finishes; the other fields are fixed from then on.
type loaded struct {
	done   chan struct{}
	cfg    *config
	linter *lint.Linter
	err    error
	stamps []stamp
}

// stamp is what a file looked like when it was read.
type stamp struct {
	path   string
	exists bool
	size   int64
	mod    time.Time
}

func statStamp(path string) stamp {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{path: path}
	}
	return stamp{path: path, exists: true, size: fi.Size(), mod: fi.ModTime()}
}

// NewResolver returns a resolver. GIVEFIRST_CONFIG is read now.
func NewResolver(o Options) *Resolver {
	r := &Resolver{opts: o, recheck: recheckFolders, folders: map[string]folder{}, configs: map[string]*loaded{}}
	ruleList := o.Rules
	if ruleList == nil {
		ruleList = rules.All()
	}
	r.rs = newRuleSet(ruleList)
	explicit := o.ConfigFile
	if explicit == "" {
		explicit = os.Getenv(EnvVar)
	}
	if explicit != "" {
		if abs, err := filepath.Abs(explicit); err == nil {
			explicit = abs
		}
		r.explicit = explicit
	}
	return r
}

// For returns the settings for path. A broken config file is an error
// naming the file, line and column: an *Error, or several joined.
func (r *Resolver) For(path string) (*Effective, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cfgPath := r.explicit
	if cfgPath == "" {
		if cfgPath, err = r.discover(filepath.Dir(abs)); err != nil {
			return nil, err
		}
	}
	l := r.load(cfgPath)
	if l.err != nil {
		return nil, l.err
	}
	return l.cfg.effective(abs, l.linter), nil
}

// discover returns the config that applies in dir.
func (r *Resolver) discover(dir string) (string, error) {
	now := time.Now()
	fresh := func(d string) (folder, bool) {
		r.mu.Lock()
		defer r.mu.Unlock()
		f, ok := r.folders[d]
		return f, ok && now.Sub(f.at) < r.recheck
	}
	var walked []string
	var found folder
	for d := dir; ; {
		if f, ok := fresh(d); ok {
			found = f
			break
		}
		walked = append(walked, d)
		found.config, found.err = configIn(d)
		if found.config != "" || found.err != nil || isRepoRoot(d) {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	found.at = now
	r.mu.Lock()
	for _, d := range walked {
		r.folders[d] = found
	}
	r.mu.Unlock()
	return found.config, found.err
}

// configIn returns the config file in dir, if any.
func configIn(dir string) (string, error) {
	var have []string
	for _, name := range FileNames {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && !fi.IsDir() {
			have = append(have, filepath.Join(dir, name))
		}
	}
	if len(have) > 1 {
		return "", &Error{File: have[0], Msg: "both .givefirst.yaml and .givefirst.yml are here; keep one"}
	}
	if len(have) == 1 {
		return have[0], nil
	}
	return "", nil
}

// isRepoRoot reports whether dir holds .git (a folder, or a file in
// worktrees and submodules).
func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// load returns the loaded config at path, reading it again when any file
// it came from changed since.
func (r *Resolver) load(path string) *loaded {
	r.mu.Lock()
	cur := r.configs[path]
	r.mu.Unlock()
	if cur != nil {
		<-cur.done
		if !changed(cur.stamps) {
			return cur
		}
	}
	r.mu.Lock()
	if now := r.configs[path]; now != cur { // another caller is already reloading it
		r.mu.Unlock()
		<-now.done
		return now
	}
	l := &loaded{done: make(chan struct{})}
	r.configs[path] = l
	r.mu.Unlock()
	defer close(l.done)
	l.cfg, l.linter, l.stamps, l.err = r.build(path)
	return l
}

func changed(stamps []stamp) bool {
	return slices.ContainsFunc(stamps, func(s stamp) bool {
		now := statStamp(s.path)
		return now.exists != s.exists || now.size != s.size || !now.mod.Equal(s.mod)
	})
}

// build reads the config at path ("" for the defaults) and makes its linter.
func (r *Resolver) build(path string) (*config, *lint.Linter, []stamp, error) {
	cfg := newConfig("")
	var stamps []stamp
	if path != "" {
		ld := &loader{rs: r.rs}
		cfg = ld.load(path, nil, nil, "")
		stamps = ld.stamps
		if len(ld.errs) > 0 {
			sortErrors(ld.errs)
			errs := make([]error, len(ld.errs))
			for i, e := range ld.errs {
				errs[i] = e
			}
			return nil, nil, stamps, errors.Join(errs...)
		}
	}
	settings, unused := cfg.settings()
	opts := append(slices.Clip(r.opts.LinterOptions), lint.WithUnusedSuppressions(unused))
	if len(cfg.custom) > 0 {
		opts = append(opts, lint.WithRules(cfg.custom...))
	}
	var l *lint.Linter
	var err error
	if r.opts.Rules != nil {
		l, err = lint.New(r.opts.Rules, settings, opts...)
	} else {
		l, err = rules.New(settings, opts...)
	}
	if err != nil { // the config was checked against the same rules, so this is a bug
		return nil, nil, stamps, &Error{File: cmp.Or(path, "<defaults>"), Msg: err.Error()}
	}
	return cfg, l, stamps, nil
}

// effective applies the config to one file.
func (c *config) effective(path string, l *lint.Linter) *Effective {
	e := &Effective{ConfigPath: c.path, Root: c.root, Linter: l, Extensions: slices.Clone(c.extensions)}
	e.Parse.Placeholders = slices.Clone(c.placeholders)
	for _, k := range c.kinds {
		if k.match(path) {
			e.Parse.Kind = k.kind
			break
		}
	}
	e.Ignored = slices.ContainsFunc(c.ignore, func(g globRule) bool { return g.match(path) })
	return e
}

// Invalidate forgets cached settings that depend on the config file at
// path, after it changed on disk, appeared or was deleted: the configs read
// from it (directly or through extends:) and what folders at or below its
// folder resolved to.
func (r *Resolver) Invalidate(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	dir := filepath.Dir(abs)
	r.mu.Lock()
	defer r.mu.Unlock()
	for p, l := range r.configs {
		select {
		case <-l.done:
			if p == abs || slices.ContainsFunc(l.stamps, func(s stamp) bool { return s.path == abs }) {
				delete(r.configs, p)
			}
		default: // still loading: it will be checked against its stamps on the next call
		}
	}
	for d := range r.folders {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			delete(r.folders, d)
		}
	}
}
