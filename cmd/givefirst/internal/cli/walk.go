package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/givefirst/givefirst/lint/config"
)

// defaultExtensions are linted when found in a folder; a config file's
// extensions: add to them, and files named on the command line are linted
// whatever their extension.
var defaultExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".eml"}

// stdinConfigName stands for standard input when no --stdin-filename says
// where it belongs: config discovery then starts in the working folder.
const stdinConfigName = "stdin"

// input is one thing to check, in output order.
type input struct {
	path  string // as shown: the argument, joined with the names walked below it
	stdin bool
	eff   *config.Effective
	err   error // why it cannot be checked; the worker only reports it
}

// configError marks a config file problem, reported once per message
// however many files it affects.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// walker turns command-line arguments into inputs, in a stable order:
// arguments as given, folders in lexical order. It streams: nothing but
// the current folder listings is held, however many files there are.
type walker struct {
	resolver  Resolver
	stdinName string // --stdin-filename
	emit      func(input) bool
	// seen dedupes files reached through two overlapping arguments; nil
	// when there is a single argument, which cannot overlap itself.
	seen map[string]bool
}

// walk emits the inputs of args, until emit asks it to stop.
func (w *walker) walk(ctx context.Context, args []string) {
	if len(args) > 1 {
		w.seen = map[string]bool{}
	}
	for _, arg := range args {
		if ctx.Err() != nil || !w.arg(ctx, arg) {
			return
		}
	}
}

func (w *walker) arg(ctx context.Context, arg string) bool {
	if arg == "-" {
		return w.stdin()
	}
	fi, err := os.Stat(arg)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && hasGlobMeta(arg) {
			return w.glob(ctx, arg)
		}
		return w.emit(input{path: arg, err: ioReason(err)})
	}
	if !fi.IsDir() {
		// Named explicitly: linted whatever its extension, .gitignore and
		// hidden folders notwithstanding. Config ignore: globs still apply,
		// so hooks that pass every changed file respect them.
		return w.file(arg)
	}
	abs, err := absSlash(arg)
	if err != nil {
		return w.emit(input{path: arg, err: err})
	}
	return w.dir(ctx, arg, abs, "", ancestorIgnores(abs), nil)
}

func (w *walker) stdin() bool {
	name := w.stdinName
	if name == "" {
		name = stdinConfigName
	}
	eff, err := w.resolver.For(name)
	if err != nil {
		return w.emit(input{path: w.displayStdin(), err: &configError{err}})
	}
	if eff.Ignored {
		return true
	}
	return w.emit(input{path: w.displayStdin(), stdin: true, eff: eff})
}

func (w *walker) displayStdin() string {
	if w.stdinName != "" {
		return w.stdinName
	}
	return "<stdin>"
}

// glob walks the folder a pattern starts in and emits the files the
// pattern matches; like files named outright they are linted whatever
// their extension, but hidden and .gitignore'd paths stay skipped, since
// "**" would otherwise descend into .git and build output.
func (w *walker) glob(ctx context.Context, arg string) bool {
	base, pattern := doublestar.SplitPattern(filepath.ToSlash(arg))
	if !doublestar.ValidatePattern(pattern) {
		return w.emit(input{path: arg, err: errors.New("invalid glob pattern")})
	}
	fi, err := os.Stat(base)
	if err != nil || !fi.IsDir() {
		return w.emit(input{path: arg, err: errors.New("no files match this pattern")})
	}
	abs, err := absSlash(base)
	if err != nil {
		return w.emit(input{path: arg, err: err})
	}
	matched := false
	match := func(rel string) bool {
		ok := doublestar.MatchUnvalidated(pattern, rel)
		matched = matched || ok
		return ok
	}
	if !w.dir(ctx, filepath.FromSlash(base), abs, "", ancestorIgnores(abs), match) {
		return false
	}
	if !matched {
		return w.emit(input{path: arg, err: errors.New("no files match this pattern")})
	}
	return true
}

// dir walks one folder: dir is its path as shown, abs its absolute
// slash-separated path, rel its path below the argument. match, when set,
// picks files instead of the extension list.
func (w *walker) dir(ctx context.Context, dir, abs, rel string, ig ignoreStack, match func(rel string) bool) bool {
	if ctx.Err() != nil {
		return false
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return w.emit(input{path: dir, err: ioReason(err)})
	}
	if slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == ".git" && e.IsDir() }) {
		ig = ig.push(repoExcludes(abs)) // below the folder's .gitignore, as in git
	}
	for _, e := range entries {
		if e.Name() == ".gitignore" && !e.IsDir() {
			data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
			if err != nil {
				// Linting what the user meant to exclude would be wrong;
				// say so instead.
				if !w.emit(input{path: filepath.Join(dir, ".gitignore"), err: ioReason(err)}) {
					return false
				}
				break
			}
			ig = ig.push(parseGitignore(abs, data))
			break
		}
	}
	exts := extensionSet{resolver: w.resolver}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden files and folders: .git, .github, editor backups
		}
		p := filepath.Join(dir, name)
		pAbs := joinSlash(abs, name)
		pRel := path.Join(rel, name)
		mode := e.Type()
		var linkErr error
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			switch {
			case err != nil:
				linkErr = ioReason(err) // a dangling link: reported if we would have linted it
			case fi.IsDir():
				continue // never follow links to folders: no cycles, no escaping the tree
			default:
				mode = fi.Mode().Type()
			}
		}
		isDir := mode.IsDir()
		if ig.ignored(pAbs, isDir) {
			continue
		}
		if isDir {
			if !w.dir(ctx, p, pAbs, pRel, ig, match) {
				return false
			}
			continue
		}
		var wanted bool
		if match != nil {
			wanted = match(pRel)
		} else {
			wanted = exts.lintable(p)
		}
		switch {
		case !wanted:
		case linkErr != nil:
			if !w.emit(input{path: p, err: linkErr}) {
				return false
			}
		case !mode.IsRegular():
			// Reading a FIFO or a device found by a walk could block forever.
			if !w.emit(input{path: p, err: fmt.Errorf("not a regular file (%s)", modeName(mode))}) {
				return false
			}
		default:
			if !w.file(p) {
				return false
			}
		}
	}
	return true
}

// file resolves the settings of one file and emits it unless a config
// ignore: glob matches it.
func (w *walker) file(p string) bool {
	if w.seen != nil {
		key := filepath.Clean(p)
		if w.seen[key] {
			return true
		}
		w.seen[key] = true
	}
	eff, err := w.resolver.For(p)
	if err != nil {
		return w.emit(input{path: p, err: &configError{err}})
	}
	if eff.Ignored {
		return true
	}
	return w.emit(input{path: p, eff: eff})
}

// extensionSet decides which files of one folder are linted: the default
// extensions plus those of the config file that applies there. Every file
// of a folder shares one config file, so it is asked once per folder, and
// only when a file's extension is not a default one.
type extensionSet struct {
	resolver Resolver
	extra    map[string]bool // nil until asked
}

func (s *extensionSet) lintable(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, d := range defaultExtensions {
		if ext == d {
			return true
		}
	}
	if ext == "" {
		return false
	}
	if s.extra == nil {
		s.extra = map[string]bool{}
		// A config error shows up on the first file that is linted.
		if eff, err := s.resolver.For(p); err == nil {
			for _, e := range eff.Extensions {
				e = strings.ToLower(e)
				if !strings.HasPrefix(e, ".") {
					e = "." + e
				}
				s.extra[e] = true
			}
		}
	}
	return s.extra[ext]
}

// ancestorIgnores loads the .gitignore files between the top of the git
// work tree holding abs and abs's parent, so "givefirst lint sub/" honours
// the repository's root .gitignore as git would. Outside a work tree
// there are none.
func ancestorIgnores(abs string) ignoreStack {
	if exists(joinSlash(abs, ".git")) {
		return nil // dir pushes the repository's own excludes
	}
	var dirs []string
	for d := path.Dir(abs); ; d = path.Dir(d) {
		dirs = append(dirs, d)
		if exists(joinSlash(d, ".git")) {
			break
		}
		if d == path.Dir(d) || d == "." {
			return nil
		}
	}
	s := ignoreStack{}.push(repoExcludes(dirs[len(dirs)-1]))
	for i := len(dirs) - 1; i >= 0; i-- {
		if data, err := os.ReadFile(filepath.FromSlash(joinSlash(dirs[i], ".gitignore"))); err == nil {
			s = s.push(parseGitignore(dirs[i], data))
		}
	}
	return s
}

// repoExcludes reads the repository's own ignore list, .git/info/exclude
// of the repository rooted at root; its patterns are relative to root and
// yield to every .gitignore, as in git.
func repoExcludes(root string) *ignoreFile {
	data, err := os.ReadFile(filepath.FromSlash(joinSlash(root, ".git/info/exclude")))
	if err != nil {
		return &ignoreFile{dir: root} // none: most repositories have only comments there
	}
	return parseGitignore(root, data)
}

func exists(p string) bool {
	_, err := os.Lstat(filepath.FromSlash(p))
	return err == nil
}

func absSlash(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("cannot resolve path: %w", err)
	}
	return filepath.ToSlash(abs), nil
}

func joinSlash(dir, name string) string {
	if strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

func hasGlobMeta(s string) bool { return strings.ContainsAny(s, "*?[{") }

func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return m.String()
}

// ioReason strips the path from an I/O error, since reports put the path
// first themselves: "a.txt: cannot read: permission denied".
func ioReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}
