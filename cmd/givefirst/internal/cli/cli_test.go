package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/cli/golden")

// repoPath returns a path inside the repository.
func repoPath(parts ...string) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..", "..")
	return filepath.Join(append([]string{root}, parts...)...)
}

func testdata(parts ...string) string {
	return repoPath(append([]string{"testdata", "cli"}, parts...)...)
}

// newTestApp returns an App with the fake rule set and no terminal.
func newTestApp() *App {
	return newTestAppWith(&fakeResolver{})
}

func newTestAppWith(r *fakeResolver) *App {
	r.linter = newFakeLinter()
	return &App{
		Rules:       fakeRules,
		NewResolver: func(string) Resolver { return r },
		Getenv:      func(string) string { return "" },
		IsTerminal:  func(io.Writer) bool { return false },
		Version:     "test",
	}
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs the app in dir (when set) with stdin as standard input.
func run(t *testing.T, app *App, dir, stdin string, args ...string) result {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errOut bytes.Buffer
	code := app.Run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return result{out.String(), errOut.String(), code}
}

// golden compares got with testdata/cli/golden/name, or rewrites it
// under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := testdata("golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./cmd/... -run %s -update", t.Name())
	assert.Equal(t, string(want), got)
}

// compileSchema loads a JSON Schema file.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	url := "file://" + filepath.ToSlash(path)
	require.NoError(t, c.AddResource(url, doc))
	s, err := c.Compile(url)
	require.NoError(t, err)
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	require.NoError(t, err, "output is not JSON:\n%s", out)
	assert.NoError(t, s.Validate(inst))
}

func TestFormatsGolden(t *testing.T) {
	tests := []struct {
		name, golden string
		args         []string
		terminal     bool
	}{
		{name: "text", golden: "lint.txt", args: []string{"lint", "fixtures"}},
		{name: "text in colour", golden: "lint-color.txt", args: []string{"lint", "fixtures"}, terminal: true},
		{name: "json", golden: "lint.json", args: []string{"lint", "--format", "json", "fixtures"}},
		{name: "sarif", golden: "lint.sarif", args: []string{"lint", "--format", "sarif", "fixtures"}},
		{name: "github", golden: "lint.github.txt", args: []string{"lint", "--format=github", "fixtures"}},
		{name: "rdjson", golden: "lint.rdjson", args: []string{"lint", "fixtures", "--format", "rdjson"}},
		{name: "checkstyle", golden: "lint.checkstyle.xml", args: []string{"lint", "--format", "checkstyle", "fixtures"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := newTestApp()
			app.IsTerminal = func(io.Writer) bool { return tt.terminal }
			res := run(t, app, testdata(), "", tt.args...)
			assert.Equal(t, ExitProblems, res.code, res.stderr)
			assert.Empty(t, res.stderr)
			golden(t, tt.golden, res.stdout)
		})
	}
}

func TestJSONMatchesSchema(t *testing.T) {
	schema := compileSchema(t, repoPath("docs", "json-output.schema.json"))
	dir := t.TempDir()
	copyDir(t, testdata("fixtures"), dir)
	writeFile(t, filepath.Join(dir, "binary.txt"), "Hi\x00there")
	res := run(t, newTestApp(), dir, "", "lint", "--format", "json", ".")
	assert.Equal(t, ExitError, res.code)
	validate(t, schema, res.stdout)

	var doc struct {
		Version int
		Files   []map[string]any
		Summary map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &doc))
	assert.Equal(t, jsonSchemaVersion, doc.Version)
	require.Len(t, doc.Files, 6)
	assert.Equal(t, "binary.txt", doc.Files[1]["path"], "files come in path order")
	assert.Contains(t, doc.Files[1]["error"], "binary file")
	assert.EqualValues(t, 1, doc.Summary["failed"])
}

func TestSARIFMatchesOfficialSchema(t *testing.T) {
	schema := compileSchema(t, testdata("schemas", "sarif-schema-2.1.0.json"))
	dir := t.TempDir()
	copyDir(t, testdata("fixtures"), dir)
	writeFile(t, filepath.Join(dir, "binary.txt"), "Hi\x00there")
	res := run(t, newTestApp(), dir, "", "lint", "--format", "sarif", ".")
	assert.Equal(t, ExitError, res.code)
	validate(t, schema, res.stdout)
	assert.Contains(t, res.stdout, `"executionSuccessful":false`)
	assert.Contains(t, res.stdout, "binary.txt: binary file")
}

// copyDir copies the regular files of src into dst (one level).
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		writeFile(t, filepath.Join(dst, e.Name()), string(data))
	}
}

// writeFile writes content, creating folders as needed.
func writeFile(t testing.TB, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}
