package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/config"
)

// Sample messages for the tests below; each triggers a known set of fake rules.
const (
	cleanMsg    = "Hi Dana,\n\nHere is the checklist we use for onboarding reviews.\n\nWould a reply with your worst step help?\n"
	warningMsg  = "Hi Dana,\n\nCould we book a call about your onboarding?\n"                                                                                                                                                                                    // fake-ask-first (warning)
	errorMsg    = "Hi Dana,\n\nAct now, the checklist is only free today.\n"                                                                                                                                                                                     // fake-pressure (error)
	hintMsg     = "Hi Dana,\n\nHere is the checklist, just in case it helps.\n"                                                                                                                                                                                  // fake-filler (hint, safe fix)
	infoMsg     = "Hi Sam, here is the guide on freight costs that you asked about at the expo last week, and a short list of the three carriers that cut our own costs the most this year, with the numbers for each of them. It takes five minutes to read.\n" // fake-long-voicemail as a voicemail
	explodeMsg  = "Hi Dana,\n\nThe checklist will explode your pipeline.\n"                                                                                                                                                                                      // fake-broken fails
	utf8Invalid = "Hi Dana,\n\nThe checklist \xff is here.\n"
)

// paths returns the paths of the files in a --format json report.
func paths(t *testing.T, out string) []string {
	t.Helper()
	var doc struct{ Files []struct{ Path string } }
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	var ps []string
	for _, f := range doc.Files {
		ps = append(ps, filepath.ToSlash(f.Path))
	}
	return ps
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		args    []string
		want    int
		stderr  string
	}{
		{name: "clean", file: "a.txt", content: cleanMsg, want: ExitOK},
		{name: "error fails by default", file: "a.txt", content: errorMsg, want: ExitProblems},
		{name: "warning passes by default", file: "a.txt", content: warningMsg, want: ExitOK},
		{name: "warning fails at --fail-on warning", file: "a.txt", content: warningMsg, args: []string{"--fail-on", "warning"}, want: ExitProblems},
		{name: "hint fails at --fail-on hint", file: "a.txt", content: hintMsg, args: []string{"--fail-on=hint"}, want: ExitProblems},
		{name: "hint passes at --fail-on info", file: "a.txt", content: hintMsg, args: []string{"--fail-on=info"}, want: ExitOK},
		{name: "info fails at --fail-on info", file: "a.vm.txt", content: infoMsg, args: []string{"--fail-on=info"}, want: ExitProblems},
		{name: "never", file: "a.txt", content: errorMsg, args: []string{"--fail-on", "never"}, want: ExitOK},
		{name: "bad --fail-on", file: "a.txt", content: cleanMsg, args: []string{"--fail-on", "loud"}, want: ExitError, stderr: `unknown severity "loud"`},
		{name: "bad format", file: "a.txt", content: cleanMsg, args: []string{"--format", "xml"}, want: ExitError, stderr: `unknown format "xml"`},
		{name: "unknown flag", file: "a.txt", content: cleanMsg, args: []string{"--frobnicate"}, want: ExitError, stderr: "flag provided but not defined"},
		{name: "bad --jobs", file: "a.txt", content: cleanMsg, args: []string{"--jobs", "0"}, want: ExitError, stderr: "--jobs"},
		{name: "--diff with json", file: "a.txt", content: cleanMsg, args: []string{"--diff", "--format", "json"}, want: ExitError, stderr: "--diff"},
		{name: "rule failure", file: "a.txt", content: explodeMsg, want: ExitError, stderr: "a.txt: rule fake-broken: boom"},
		{name: "invalid UTF-8 wins over problems", file: "a.txt", content: utf8Invalid, want: ExitError, stderr: "a.txt:3:15: invalid UTF-8 at byte 24"},
		{name: "binary", file: "a.txt", content: "\x00\x01\x02", want: ExitError, stderr: "a.txt: binary file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, tt.file), tt.content)
			res := run(t, newTestApp(), dir, "", append(append([]string{"lint"}, tt.args...), tt.file)...)
			assert.Equal(t, tt.want, res.code, "stdout:\n%s\nstderr:\n%s", res.stdout, res.stderr)
			if tt.stderr != "" {
				assert.Contains(t, res.stderr, tt.stderr)
			} else {
				assert.Empty(t, res.stderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	res := run(t, newTestApp(), "", "", "lint", "--help")
	assert.Equal(t, ExitOK, res.code)
	assert.Contains(t, res.stdout, "--fail-on")
	assert.Empty(t, res.stderr)

	res = run(t, newTestApp(), "", "", "help")
	assert.Equal(t, ExitOK, res.code)
	assert.Contains(t, res.stdout, "explain")

	res = run(t, newTestApp(), "", "")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stderr, "Usage:")

	res = run(t, newTestApp(), "", "", "lintt")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stderr, `unknown command "lintt" (did you mean "lint"?)`)
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		want        int
		stdout      []string
		stderr      string
	}{
		{name: "plain", stdin: errorMsg, args: []string{"-"}, want: ExitProblems, stdout: []string{"<stdin>:3:1: error fake-pressure"}},
		{name: "filename picks the kind", stdin: infoMsg, args: []string{"--stdin-filename", "call.vm.txt", "-"}, want: ExitOK,
			stdout: []string{"call.vm.txt:1:", ": info fake-long-voicemail"}},
		{name: "filename picks the format", stdin: "---\nstep: 2\n---\n" + warningMsg, args: []string{"--stdin-filename=x.md", "--format=json", "-"}, want: ExitOK,
			stdout: []string{`"format":"markdown"`, `"kind":"followup"`}},
		{name: "diff", stdin: hintMsg, args: []string{"--diff", "-"}, want: ExitOK,
			stdout: []string{"--- a/<stdin>\n+++ b/<stdin>\n", "-Here is the checklist, just in case it helps.\n+Here is the checklist, in case it helps.\n"}},
		{name: "fix refuses", stdin: hintMsg, args: []string{"--fix", "-"}, want: ExitError, stderr: "--fix cannot write back to standard input"},
		{name: "twice", stdin: hintMsg, args: []string{"-", "-"}, want: ExitError, stderr: "only once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, newTestApp(), t.TempDir(), tt.stdin, append([]string{"lint"}, tt.args...)...)
			assert.Equal(t, tt.want, res.code, res.stderr)
			for _, s := range tt.stdout {
				assert.Contains(t, res.stdout, s)
			}
			if tt.stderr != "" {
				assert.Contains(t, res.stderr, tt.stderr)
			}
		})
	}
}

// ignoreTree builds a folder that exercises every way a file is skipped.
func ignoreTree(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"tree/.gitignore":        "# drafts are private\ndrafts/\n*.bak.txt\n!keep.bak.txt\n/rooted.txt\n{curly}.txt\ntrailing.txt   \n",
		"tree/a.txt":             cleanMsg,
		"tree/b.md":              cleanMsg,
		"tree/c.html":            cleanMsg,
		"tree/notes.go":          "package notes",
		"tree/page.tpl":          cleanMsg,
		"tree/.hidden/x.txt":     cleanMsg,
		"tree/.secret.txt":       cleanMsg,
		"tree/drafts/d.txt":      cleanMsg,
		"tree/old.bak.txt":       cleanMsg,
		"tree/keep.bak.txt":      cleanMsg,
		"tree/rooted.txt":        cleanMsg,
		"tree/sub/rooted.txt":    cleanMsg,
		"tree/{curly}.txt":       cleanMsg,
		"tree/trailing.txt":      cleanMsg,
		"tree/sub/.gitignore":    "*.md\n",
		"tree/sub/c.md":          cleanMsg,
		"tree/sub/c.txt":         cleanMsg,
		"tree/sub/deep/e.md":     cleanMsg,
		"tree/sub/deep/e.txt":    cleanMsg,
		"tree/vendor/v.txt":      cleanMsg,
		"tree/vendor/deep/w.txt": cleanMsg,
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	return dir
}

func TestWalkIgnores(t *testing.T) {
	dir := ignoreTree(t)
	app := newTestAppWith(&fakeResolver{ignore: []string{"tree/vendor/**"}, extensions: []string{"tpl"}})
	res := run(t, app, dir, "", "lint", "--format", "json", "tree")
	require.Equal(t, ExitOK, res.code, res.stderr)
	assert.Equal(t, []string{
		"tree/a.txt", "tree/b.md", "tree/c.html", "tree/keep.bak.txt", "tree/page.tpl",
		"tree/sub/c.txt", "tree/sub/deep/e.txt", "tree/sub/rooted.txt",
	}, paths(t, res.stdout))
}

func TestExplicitFilesIgnoreGitignoreButNotConfig(t *testing.T) {
	dir := ignoreTree(t)
	app := newTestAppWith(&fakeResolver{ignore: []string{"tree/vendor/**"}})
	res := run(t, app, dir, "", "lint", "--format", "json",
		"tree/drafts/d.txt", "tree/.hidden/x.txt", "tree/notes.go", "tree/vendor/v.txt", "tree/a.txt", "./tree/a.txt")
	require.Equal(t, ExitOK, res.code, res.stderr)
	assert.Equal(t, []string{"tree/drafts/d.txt", "tree/.hidden/x.txt", "tree/notes.go", "tree/a.txt"}, paths(t, res.stdout))
}

func TestGlobs(t *testing.T) {
	dir := ignoreTree(t)
	tests := []struct {
		name, pattern string
		want          []string
	}{
		{"double star", "tree/**/*.txt", []string{"tree/a.txt", "tree/keep.bak.txt", "tree/sub/c.txt", "tree/sub/deep/e.txt", "tree/sub/rooted.txt", "tree/vendor/deep/w.txt", "tree/vendor/v.txt"}},
		{"any extension", "tree/*.{go,tpl}", []string{"tree/notes.go", "tree/page.tpl"}},
		{"gitignored stay out", "tree/**/*.bak.txt", []string{"tree/keep.bak.txt"}},
		{"no match", "tree/**/*.nothing", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, newTestApp(), dir, "", "lint", "--format", "json", tt.pattern)
			if tt.want == nil {
				assert.Equal(t, ExitError, res.code)
				assert.Contains(t, res.stderr, "givefirst: tree/**/*.nothing: no files match this pattern")
				return
			}
			require.Equal(t, ExitOK, res.code, res.stderr)
			assert.Equal(t, tt.want, paths(t, res.stdout))
		})
	}
}

func TestAncestorGitignore(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(dir, ".gitignore"), "generated/\n")
	writeFile(t, filepath.Join(dir, "proj", "a.txt"), cleanMsg)
	writeFile(t, filepath.Join(dir, "proj", "generated", "g.txt"), cleanMsg)
	res := run(t, newTestApp(), filepath.Join(dir, "proj"), "", "lint", "--format", "json", ".")
	require.Equal(t, ExitOK, res.code, res.stderr)
	assert.Equal(t, []string{"a.txt"}, paths(t, res.stdout))
}

// .git/info/exclude applies from the repository root, whether the walk
// starts there or below it, and any .gitignore overrides it.
func TestRepositoryExcludes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "info", "exclude"), "# local only\nscratch/\n*.local.txt\n")
	writeFile(t, filepath.Join(dir, "proj", ".gitignore"), "!kept.local.txt\n")
	for _, name := range []string{"a.txt", "scratch/s.txt", "b.local.txt", "proj/p.txt", "proj/scratch/t.txt", "proj/x.local.txt", "proj/kept.local.txt"} {
		writeFile(t, filepath.Join(dir, name), cleanMsg)
	}
	res := run(t, newTestApp(), dir, "", "lint", "--format", "json", ".")
	require.Equal(t, ExitOK, res.code, res.stderr)
	assert.Equal(t, []string{"a.txt", "proj/kept.local.txt", "proj/p.txt"}, paths(t, res.stdout))

	res = run(t, newTestApp(), filepath.Join(dir, "proj"), "", "lint", "--format", "json", ".")
	require.Equal(t, ExitOK, res.code, res.stderr)
	assert.Equal(t, []string{"kept.local.txt", "p.txt"}, paths(t, res.stdout))
}

func TestMissingPath(t *testing.T) {
	res := run(t, newTestApp(), t.TempDir(), "", "lint", "nope.txt")
	assert.Equal(t, ExitError, res.code)
	assert.Equal(t, "givefirst: nope.txt: cannot read: no such file or directory\n", res.stderr)
	assert.Equal(t, "1 file could not be checked (see the errors above).\n", res.stdout)
}

func TestConfigErrorIsReportedOnce(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"ok/a.txt", "bad/a.txt", "bad/b.txt", "bad/c.txt"} {
		writeFile(t, filepath.Join(dir, name), cleanMsg)
	}
	app := newTestAppWith(&fakeResolver{brokenDir: "bad"})
	res := run(t, app, dir, "", "lint", "bad", "ok")
	assert.Equal(t, ExitError, res.code)
	assert.Equal(t, "givefirst: bad/a.txt: config: bad/.givefirst.yaml:3:1: unknown key \"rulez\"\n", res.stderr)
	assert.Contains(t, res.stdout, "3 files could not be checked")
}

func TestLargeFiles(t *testing.T) {
	dir := t.TempDir()
	// 10 MB of prose with a problem at the very end.
	para := strings.Repeat("Here is the checklist we use for onboarding reviews. ", 20) + "\n\n"
	big := strings.Repeat(para, 10<<20/len(para)+1) + "Act now.\n"
	writeFile(t, filepath.Join(dir, "big.txt"), big)
	res := run(t, newTestApp(), dir, "", "lint", "--format", "json", "big.txt")
	assert.Equal(t, ExitProblems, res.code, res.stderr)
	assert.Contains(t, res.stdout, `"rule":"fake-pressure"`)

	t.Run("over the limit", func(t *testing.T) {
		app := newTestAppWith(&fakeResolver{maxBytes: 1 << 20})
		res := run(t, app, dir, "", "lint", "big.txt")
		assert.Equal(t, ExitError, res.code)
		assert.Equal(t, fmt.Sprintf("givefirst: big.txt: file too large: %d bytes, the limit is 1048576\n", len(big)), res.stderr)
	})
}

func TestOutputOrderIsStable(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := range 600 {
		name := fmt.Sprintf("d%d/m%03d.txt", i%7, i)
		content := cleanMsg
		if i%5 == 0 {
			content = errorMsg
		}
		writeFile(t, filepath.Join(dir, name), content)
		want = append(want, name)
	}
	// Walk order: folders and files in lexical order.
	slices.Sort(want)
	for _, jobs := range []string{"1", "3", "8"} {
		res := run(t, newTestApp(), dir, "", "lint", "--jobs", jobs, "--format", "json", ".")
		assert.Equal(t, ExitProblems, res.code)
		assert.Equal(t, want, paths(t, res.stdout), "jobs=%s", jobs)
	}
}

func TestColourAndNoColor(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), errorMsg)
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		colour bool
	}{
		{name: "terminal", colour: true},
		{name: "--no-color", args: []string{"--no-color"}},
		{name: "NO_COLOR", env: map[string]string{"NO_COLOR": "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := newTestApp()
			app.IsTerminal = func(io.Writer) bool { return true }
			app.Getenv = func(k string) string { return tt.env[k] }
			app.progressAfter = 1 << 62 // no progress bar in this test
			res := run(t, app, dir, "", append(append([]string{"lint"}, tt.args...), "a.txt")...)
			assert.Equal(t, tt.colour, strings.Contains(res.stdout, "\x1b["), res.stdout)
		})
	}
}

func TestProgressBarOnlyOnATerminal(t *testing.T) {
	dir := t.TempDir()
	for i := range 20 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("m%02d.txt", i)), cleanMsg)
	}
	for _, terminal := range []bool{false, true} {
		t.Run(fmt.Sprint("terminal=", terminal), func(t *testing.T) {
			app := newTestApp()
			app.IsTerminal = func(io.Writer) bool { return terminal }
			app.progressAfter = 1 // show at once: the run is faster than a real second
			res := run(t, app, dir, "", "lint", "--format", "json", ".")
			require.Equal(t, ExitOK, res.code)
			assert.Equal(t, terminal, strings.Contains(res.stderr, "checking"), "stderr: %q", res.stderr)
			assert.NotContains(t, res.stdout, "checking")
			assert.Len(t, paths(t, res.stdout), 20)
		})
	}
}

func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), cleanMsg)
	res := run(t, newTestApp(), dir, "", "lint", "--cpuprofile", "cpu.out", "a.txt")
	require.Equal(t, ExitOK, res.code, res.stderr)
	prof, err := os.ReadFile(filepath.Join(dir, "cpu.out"))
	require.NoError(t, err)
	require.Greater(t, len(prof), 2)
	assert.Equal(t, []byte{0x1f, 0x8b}, prof[:2], "a gzipped pprof profile")

	res = run(t, newTestApp(), dir, "", "lint", "--cpuprofile", filepath.Join(dir, "no", "such", "cpu.out"), "a.txt")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stderr, "--cpuprofile: open ")
}

func TestStats(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), cleanMsg)
	res := run(t, newTestApp(), dir, "", "lint", "--stats", "a.txt")
	assert.Equal(t, ExitOK, res.code)
	assert.Regexp(t, regexp.MustCompile(`^givefirst: 1 files \(0 could not be checked\), 0\.0 MB in [0-9.]+ s: [0-9]+ files/s, [0-9.]+ MB/s\n$`), res.stderr)
}

func TestFix(t *testing.T) {
	dir := t.TempDir()
	fixable := filepath.Join(dir, "fixable.txt")
	untouched := filepath.Join(dir, "untouched.txt")
	writeFile(t, fixable, "Hi Dana,\n\nI just wanted to share the checklist, just so you have it. Reply ASAP.\n")
	writeFile(t, untouched, errorMsg)
	require.NoError(t, os.Chmod(fixable, 0o640))
	before, err := os.Stat(untouched)
	require.NoError(t, err)

	res := run(t, newTestApp(), dir, "", "lint", "--fix", ".")
	assert.Equal(t, ExitProblems, res.code, res.stderr) // the errors have no safe fix
	assert.Empty(t, res.stderr)
	assert.NotContains(t, res.stdout, "fake-filler", "fixed problems are not reported")
	assert.Contains(t, res.stdout, "Fixed 1 file.")

	got, err := os.ReadFile(fixable)
	require.NoError(t, err)
	assert.Equal(t, "Hi Dana,\n\nI wanted to share the checklist, so you have it. Reply ASAP.\n", string(got), "only safe fixes are applied")
	info, err := os.Stat(fixable)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm(), "permissions are kept")

	after, err := os.Stat(untouched)
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after) && before.ModTime().Equal(after.ModTime()), "a file without fixes is not rewritten")
	assertNoTempFiles(t, dir)
}

func TestFixFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "real", "msg.txt"), hintMsg)
	require.NoError(t, os.Symlink(filepath.Join("real", "msg.txt"), filepath.Join(dir, "link.txt")))
	res := run(t, newTestApp(), dir, "", "lint", "--fix", "link.txt")
	assert.Equal(t, ExitOK, res.code, res.stderr)
	fi, err := os.Lstat(filepath.Join(dir, "link.txt"))
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	got, err := os.ReadFile(filepath.Join(dir, "real", "msg.txt"))
	require.NoError(t, err)
	assert.NotContains(t, string(got), "just")
}

// failingWriter writes half of what it is given, then fails, like a full disk.
type failingWriter struct{ w io.Writer }

func (f failingWriter) Write(p []byte) (int, error) {
	n, _ := f.w.Write(p[:len(p)/2])
	return n, errors.New("no space left on device")
}

func TestFixIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "msg.txt")
	writeFile(t, path, hintMsg)
	app := newTestApp()
	app.fixWriter = func(w io.Writer) io.Writer { return failingWriter{w} }
	res := run(t, app, dir, "", "lint", "--fix", "msg.txt")
	assert.Equal(t, ExitError, res.code)
	assert.Equal(t, "givefirst: msg.txt: not fixed: cannot write: no space left on device\n", res.stderr)
	assert.Contains(t, res.stdout, "fake-filler", "the file is reported as it still is")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, hintMsg, string(got), "the original is intact")
	assertNoTempFiles(t, dir)
}

func TestWriteAtomicRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "msg.txt")
	writeFile(t, path, "old")
	before, err := os.Stat(path)
	require.NoError(t, err)
	writeFile(t, path, "changed by someone else")
	err = (&App{}).writeAtomic(path, []byte("new"), before)
	assert.ErrorIs(t, err, errChanged)
	got, _ := os.ReadFile(path)
	assert.Equal(t, "changed by someone else", string(got))
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, ".*givefirst-*"))
	require.NoError(t, err)
	assert.Empty(t, matches, "temporary files left behind")
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "fixtures", "a.txt"), "Hi Dana,\n\nI just wanted to share the checklist.\n\nReply ASAP.\n")
	writeFile(t, filepath.Join(dir, "fixtures", "b.txt"), errorMsg)
	res := run(t, newTestApp(), dir, "", "lint", "--diff", "fixtures")
	assert.Equal(t, ExitProblems, res.code, "the exit code reflects what is left after the fixes")
	golden(t, "diff.txt", res.stdout)
	got, err := os.ReadFile(filepath.Join(dir, "fixtures", "a.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(got), "just", "--diff writes nothing")
}

func TestSafeEdits(t *testing.T) {
	edit := func(start, end int, text string) lint.TextEdit {
		return lint.TextEdit{Span: lint.Span{Start: start, End: end}, NewText: text}
	}
	diag := func(fixes ...lint.Fix) lint.Diagnostic { return lint.Diagnostic{Fixes: fixes} }
	safe := func(edits ...lint.TextEdit) lint.Fix { return lint.Fix{Safe: true, Edits: edits} }
	tests := []struct {
		name  string
		diags []lint.Diagnostic
		want  []lint.TextEdit
	}{
		{"unsafe skipped", []lint.Diagnostic{diag(lint.Fix{Edits: []lint.TextEdit{edit(0, 1, "x")}})}, nil},
		{"disjoint kept in order", []lint.Diagnostic{diag(safe(edit(5, 6, "b"))), diag(safe(edit(0, 1, "a")))},
			[]lint.TextEdit{edit(0, 1, "a"), edit(5, 6, "b")}},
		{"overlap: first wins", []lint.Diagnostic{diag(safe(edit(0, 4, "a"))), diag(safe(edit(2, 6, "b")))},
			[]lint.TextEdit{edit(0, 4, "a")}},
		{"touching is fine", []lint.Diagnostic{diag(safe(edit(0, 2, "a"))), diag(safe(edit(2, 4, "b")))},
			[]lint.TextEdit{edit(0, 2, "a"), edit(2, 4, "b")}},
		{"two insertions at one point clash", []lint.Diagnostic{diag(safe(edit(3, 3, "a"))), diag(safe(edit(3, 3, "b")))},
			[]lint.TextEdit{edit(3, 3, "a")}},
		{"a fix is taken whole or not at all", []lint.Diagnostic{diag(safe(edit(0, 2, "a"))), diag(safe(edit(8, 9, "b"), edit(1, 3, "c")))},
			[]lint.TextEdit{edit(0, 2, "a")}},
		{"second safe fix of a diagnostic is an alternative", []lint.Diagnostic{diag(safe(edit(0, 1, "a")), safe(edit(4, 5, "b")))},
			[]lint.TextEdit{edit(0, 1, "a")}},
		{"blocked first alternative falls back to the next", []lint.Diagnostic{diag(safe(edit(0, 2, "a"))), diag(safe(edit(1, 2, "b")), safe(edit(6, 7, "c")))},
			[]lint.TextEdit{edit(0, 2, "a"), edit(6, 7, "c")}},
		{"out of range", []lint.Diagnostic{diag(safe(edit(8, 20, "a")))}, nil},
		{"self-overlapping fix", []lint.Diagnostic{diag(safe(edit(0, 3, "a"), edit(2, 4, "b")))}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, safeEdits(tt.diags, 10))
		})
	}
	assert.Equal(t, "xA-Bz", string(applyEdits([]byte("xay-z"), []lint.TextEdit{edit(1, 2, "A-"), edit(2, 4, "B")})))
}

// brokenResolver hands out settings without a linter, which makes linting
// panic: the run must report it as an error, not crash.
type brokenResolver struct{}

func (brokenResolver) For(string) (*config.Effective, error) { return &config.Effective{}, nil }

func TestPanicsDoNotReachTheUser(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), cleanMsg)
	app := newTestApp()
	app.NewResolver = func(string) Resolver { return brokenResolver{} }
	res := run(t, app, dir, "", "lint", "--format", "json", "a.txt")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stderr, "givefirst: a.txt: internal error: ")
	assert.Equal(t, []string{"a.txt"}, paths(t, res.stdout))
}
