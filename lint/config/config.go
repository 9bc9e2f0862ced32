// Package config resolves the settings that apply to a file: the closest
// .givefirst.yaml above it (or an explicit one), merged over the built-in
// defaults, and turns them into a ready lint.Linter. The CLI, the language
// server and library callers all go through Resolver, so they read the same
// settings the same way.
package config

import (
	"sync"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

// Options configure a Resolver.
type Options struct {
	// ConfigFile, when set, is used for every path instead of discovery
	// (--config, GIVEFIRST_CONFIG).
	ConfigFile string
	// LinterOptions are passed to every linter the resolver builds
	// (for instance a memoising tagger in the language server).
	LinterOptions []lint.LinterOption
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

// Resolver finds and caches effective settings. It is safe for concurrent use.
type Resolver struct {
	opts Options
	mu   sync.Mutex
	def  *Effective
}

// NewResolver returns a resolver.
func NewResolver(o Options) *Resolver { return &Resolver{opts: o} }

// For returns the settings for path. A broken config file is an error
// naming the file, line and column.
func (r *Resolver) For(path string) (*Effective, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.def == nil {
		l, err := rules.New(lint.Settings{}, r.opts.LinterOptions...)
		if err != nil {
			return nil, err
		}
		r.def = &Effective{Linter: l}
	}
	return r.def, nil
}

// Invalidate forgets cached settings that depend on the config file at
// path, after it changed on disk.
func (r *Resolver) Invalidate(path string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.def = nil
}
