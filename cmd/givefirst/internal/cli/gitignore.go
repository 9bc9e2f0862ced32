package cli

import (
	"bytes"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// The .gitignore matcher is written here on top of doublestar rather than
// taken from a library: go-git's is correct but brings go-git's whole
// module graph, and the small standalone ones are unmaintained and get
// anchoring and negation wrong. What a walk needs is small: the patterns
// of each .gitignore, matched against paths relative to its folder, the
// deepest file and its last matching line deciding.

// ignoreFile holds the patterns of one .gitignore file.
type ignoreFile struct {
	dir      string // absolute folder of the file; patterns are relative to it
	patterns []ignorePattern
}

// ignorePattern is one line of a .gitignore translated to doublestar.
type ignorePattern struct {
	glob    string
	negate  bool // "!pattern" re-includes what an earlier line excluded
	dirOnly bool // "pattern/" matches folders only
}

// parseGitignore reads the patterns of a .gitignore in dir, following
// gitignore(5): blank lines and # comments are skipped, unescaped
// trailing spaces dropped, a slash at the start or in the middle anchors a
// pattern to dir, otherwise it matches at any depth. Lines that are not
// valid patterns are skipped, as git skips them.
func parseGitignore(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{dir: dir}
	for _, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimSuffix(string(raw), "\r")
		line = trimTrailingSpaces(line)
		if line == "" || line[0] == '#' {
			continue
		}
		var p ignorePattern
		if line[0] == '!' {
			p.negate = true
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			p.dirOnly = true
			line = strings.TrimRight(line, "/")
		}
		if line == "" {
			continue
		}
		anchored := strings.Contains(line, "/")
		line = strings.TrimPrefix(line, "/")
		// Braces are literal in gitignore but alternatives in doublestar.
		line = strings.NewReplacer("{", `\{`, "}", `\}`).Replace(line)
		if !anchored {
			line = "**/" + line
		}
		if !doublestar.ValidatePattern(line) {
			continue
		}
		p.glob = line
		f.patterns = append(f.patterns, p)
	}
	return f
}

// trimTrailingSpaces drops trailing spaces unless escaped with a backslash.
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	return s
}

// ignoreStack lists the .gitignore files that apply in a folder,
// outermost first. Pushing returns a new stack, so a walk can hand each
// subfolder its own without copying.
type ignoreStack []*ignoreFile

func (s ignoreStack) push(f *ignoreFile) ignoreStack {
	if len(f.patterns) == 0 {
		return s
	}
	return append(s[:len(s):len(s)], f)
}

// ignored reports whether the path abs (absolute, a file or a folder)
// is ignored: the deepest .gitignore with a matching line decides, and
// within a file the last matching line does.
func (s ignoreStack) ignored(abs string, isDir bool) bool {
	for i := len(s) - 1; i >= 0; i-- {
		f := s[i]
		rel, ok := relativeTo(f.dir, abs)
		if !ok {
			continue
		}
		for j := len(f.patterns) - 1; j >= 0; j-- {
			p := f.patterns[j]
			if p.dirOnly && !isDir {
				continue
			}
			if doublestar.MatchUnvalidated(p.glob, rel) {
				return !p.negate
			}
		}
	}
	return false
}

// relativeTo returns abs relative to dir, slash-separated, when abs lies
// inside dir.
func relativeTo(dir, abs string) (string, bool) {
	if dir == "/" {
		return strings.TrimPrefix(abs, "/"), strings.HasPrefix(abs, "/")
	}
	if len(abs) <= len(dir) || !strings.HasPrefix(abs, dir) || abs[len(dir)] != '/' {
		return "", false
	}
	return abs[len(dir)+1:], true
}
