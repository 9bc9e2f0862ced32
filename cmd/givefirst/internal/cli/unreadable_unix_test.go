//go:build unix

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnreadableFilesAreReportedAndTheRunGoesOn(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), cleanMsg)
	writeFile(t, filepath.Join(dir, "b.txt"), "Hi\x00")
	require.NoError(t, os.Symlink("missing.txt", filepath.Join(dir, "c.txt")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "d.txt"), 0o644))
	writeFile(t, filepath.Join(dir, "e.txt"), cleanMsg)
	wantErrs := []string{
		"givefirst: b.txt: binary file (contains NUL bytes)",
		"givefirst: c.txt: cannot read: no such file or directory",
		"givefirst: d.txt: not a regular file (named pipe)",
	}
	if os.Geteuid() != 0 {
		// Root reads through any permission bits; the dangling link and the
		// FIFO above cover unreadable entries there.
		writeFile(t, filepath.Join(dir, "f.txt"), cleanMsg)
		require.NoError(t, os.Chmod(filepath.Join(dir, "f.txt"), 0))
		wantErrs = append(wantErrs, "givefirst: f.txt: cannot read: permission denied")
	}
	res := run(t, newTestApp(), dir, "", "lint", "--format", "json", ".")
	assert.Equal(t, ExitError, res.code)
	assert.Equal(t, strings.Join(wantErrs, "\n")+"\n", res.stderr)
	var doc struct {
		Files   []map[string]any
		Summary struct{ Files, Failed int }
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &doc))
	assert.Equal(t, 2, doc.Summary.Files)
	assert.Equal(t, len(wantErrs), doc.Summary.Failed)
}

// A fix replaces the file by renaming a new one over it; the new one gets
// the original's owner and group, so fixing a teammate's template as root
// does not make it root's.
func TestFixKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file another owner needs root")
	}
	dir := t.TempDir()
	fixable := filepath.Join(dir, "fixable.txt")
	writeFile(t, fixable, "Hi Dana,\n\nI just wanted to share the checklist.\n")
	require.NoError(t, os.Chown(fixable, 4321, 8765))

	res := run(t, newTestApp(), dir, "", "lint", "--fix", "--fail-on", "never", ".")
	require.Equal(t, ExitOK, res.code, res.stderr)
	require.Contains(t, res.stdout, "Fixed 1 file.")
	info, err := os.Stat(fixable)
	require.NoError(t, err)
	st := info.Sys().(*syscall.Stat_t)
	assert.Equal(t, [2]uint32{4321, 8765}, [2]uint32{st.Uid, st.Gid})
}
