package config

import (
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/givefirst/givefirst/lint"
)

// globRule is a glob with the folder it is relative to: the folder of the
// file that wrote it, so an extended file's globs keep their meaning.
type globRule struct {
	base    string
	pattern string // normalised by normGlob
}

type kindRule struct {
	globRule
	kind lint.Kind
}

// normGlob drops the "./" or "/" that anchors a glob to its folder (every
// glob with a slash is anchored) and a trailing "/" (a folder matches
// everything in it anyway).
func normGlob(g string) string {
	g = strings.TrimSpace(g)
	g = strings.TrimPrefix(g, "./")
	g = strings.TrimPrefix(g, "/")
	return strings.TrimSuffix(g, "/")
}

// match reports whether path (absolute) matches, as .gitignore would: a
// glob without a slash matches a file or folder name at any depth; one with
// a slash matches the path from the base folder; and a glob that matches a
// folder matches everything in it.
func (g globRule) match(path string) bool {
	rel, err := filepath.Rel(g.base, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if !strings.Contains(g.pattern, "/") {
		for _, p := range parts {
			if doublestar.MatchUnvalidated(g.pattern, p) {
				return true
			}
		}
		return false
	}
	for i := 1; i <= len(parts); i++ {
		if doublestar.MatchUnvalidated(g.pattern, strings.Join(parts[:i], "/")) {
			return true
		}
	}
	return false
}
