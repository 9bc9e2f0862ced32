package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesCommand(t *testing.T) {
	res := run(t, newTestApp(), "", "", "rules")
	assert.Equal(t, ExitOK, res.code)
	golden(t, "rules.txt", res.stdout)

	res = run(t, newTestApp(), "", "", "rules", "--json")
	assert.Equal(t, ExitOK, res.code)
	golden(t, "rules.json", res.stdout)
	var list []map[string]any
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &list))
	assert.Len(t, list, len(fakeRules()))

	res = run(t, newTestApp(), "", "", "rules", "extra")
	assert.Equal(t, ExitError, res.code)
}

func TestExplain(t *testing.T) {
	res := run(t, newTestApp(), "", "", "explain", "fake-pressure")
	assert.Equal(t, ExitOK, res.code)
	golden(t, "explain.txt", res.stdout)

	res = run(t, newTestApp(), "", "", "explain", "fake-presure")
	assert.Equal(t, ExitError, res.code)
	assert.Equal(t, "givefirst explain: unknown rule \"fake-presure\" (did you mean \"fake-pressure\"?)\nRun 'givefirst rules' for the list of rules.\n", res.stderr)

	res = run(t, newTestApp(), "", "", "explain")
	assert.Equal(t, ExitError, res.code)
}

func TestScoreCommand(t *testing.T) {
	res := run(t, newTestApp(), testdata(), "", "score", "fixtures/good.txt", "fixtures/bad.txt")
	assert.Equal(t, ExitOK, res.code, res.stderr)
	golden(t, "score.txt", res.stdout)

	res = run(t, newTestApp(), "", cleanMsg, "score", "--stdin-filename", "note.txt", "-")
	assert.Equal(t, ExitOK, res.code, res.stderr)
	assert.Contains(t, res.stdout, "note.txt: 85/100 (strong)")

	res = run(t, newTestApp(), t.TempDir(), "", "score", "missing.txt")
	assert.Equal(t, ExitError, res.code)
	assert.Equal(t, "givefirst: missing.txt: cannot read: no such file or directory\n", res.stderr)

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "boom.txt"), explodeMsg)
	res = run(t, newTestApp(), dir, "", "score", "boom.txt")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stdout, "boom.txt: ")
	assert.Contains(t, res.stderr, "rule fake-broken: boom")

	res = run(t, newTestApp(), "", "", "score")
	assert.Equal(t, ExitError, res.code)
}

func TestVersion(t *testing.T) {
	res := run(t, newTestApp(), "", "", "version")
	assert.Equal(t, ExitOK, res.code)
	assert.Regexp(t, `^givefirst test \(go[0-9.]+\S* \w+/\w+\)\n$`, res.stdout)
	res = run(t, newTestApp(), "", "", "--version")
	assert.Equal(t, ExitOK, res.code)
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	res := run(t, newTestApp(), dir, "", "init")
	assert.Equal(t, ExitOK, res.code, res.stderr)
	assert.Contains(t, res.stdout, "Wrote .givefirst.yaml")
	assert.FileExists(t, filepath.Join(dir, ".givefirst.yaml"))

	res = run(t, newTestApp(), dir, "", "init")
	assert.Equal(t, ExitError, res.code)
	assert.Contains(t, res.stderr, "already exists")
	assert.Contains(t, res.stderr, "--force")

	res = run(t, newTestApp(), dir, "", "init", "--force", ".")
	assert.Equal(t, ExitOK, res.code, res.stderr)
}
