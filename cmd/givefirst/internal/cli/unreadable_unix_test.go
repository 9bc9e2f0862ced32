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
