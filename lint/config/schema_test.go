package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite docs/schema/givefirst.schema.json")

const schemaFile = "../../docs/schema/givefirst.schema.json"

// TestSchemaUpToDate fails when the committed schema no longer matches the
// config types and the built-in rules' options. Regenerate it with
// `go generate ./lint/config` (or `go test ./lint/config -run TestSchemaUpToDate -update`).
func TestSchemaUpToDate(t *testing.T) {
	got, err := Schema(nil)
	require.NoError(t, err)
	if *update {
		require.NoError(t, writeFileAtomic(schemaFile, got, false))
	}
	want, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	if !bytes.Equal(want, got) {
		t.Fatalf("%s is stale: run `go generate ./lint/config`", schemaFile)
	}
}

// compileSchema compiles a generated schema.
func compileSchema(t *testing.T, raw []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(SchemaURL, doc))
	s, err := c.Compile(SchemaURL)
	require.NoError(t, err)
	return s
}

// yamlAsJSON converts a YAML config into the JSON value a schema checks.
func yamlAsJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(src, &v))
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	return out
}

func TestSchemaAcceptsGoodConfigs(t *testing.T) {
	raw, err := Schema(testRules())
	require.NoError(t, err)
	s := compileSchema(t, raw)
	files, err := filepath.Glob("../../testdata/config/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range append(files, "starter.yaml") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			assert.NoError(t, s.Validate(yamlAsJSON(t, src)))
		})
	}
}

func TestSchemaRejectsBadConfigs(t *testing.T) {
	raw, err := Schema(testRules())
	require.NoError(t, err)
	s := compileSchema(t, raw)
	for _, src := range []string{
		"rulez: {}\n",
		"rules: {i-heavy: loud}\n",
		"rules: {i-heavy: {min_self: lots}}\n",
		"rules: {i-heavy: {min_ration: 2}}\n",
		"rules: {ledger: {severity: error}}\n",
		"kinds: {'a/**': voice-mail}\n",
		"extends: stric\n",
		"custom: [{id: a, type: existence}]\n",
		"custom: [{id: a, type: existence, phrases: [x], swap: {a: b}}]\n",
		"custom: [{id: No Synergy, type: required, phrases: [x]}]\n",
		"placeholders: ['[a-']\n",
	} {
		t.Run(src, func(t *testing.T) {
			assert.Error(t, s.Validate(yamlAsJSON(t, []byte(src))))
		})
	}
}

func TestCommittedSchemaCompiles(t *testing.T) {
	raw, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	compileSchema(t, raw)
}

func TestTestdataConfigsLoad(t *testing.T) {
	files, err := filepath.Glob("../../testdata/config/*.yaml")
	require.NoError(t, err)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			abs, err := filepath.Abs(f)
			require.NoError(t, err)
			_, err = newTest(t, Options{ConfigFile: abs}).For("m.txt")
			assert.NoError(t, err)
		})
	}
}

func TestStarter(t *testing.T) {
	dir := t.TempDir()
	path, err := WriteStarter(dir, false)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, ".givefirst.yaml"), path)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, starter, got)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), fi.Mode().Perm())

	t.Run("validates against the built-in rules", func(t *testing.T) {
		t.Setenv(EnvVar, "")
		_, err := NewResolver(Options{ConfigFile: path}).For(filepath.Join(dir, "m.txt"))
		assert.NoError(t, err)
	})
	t.Run("refuses to overwrite", func(t *testing.T) {
		require.NoError(t, os.WriteFile(path, []byte("extends: strict\n"), 0o644))
		_, err := WriteStarter(dir, false)
		require.ErrorIs(t, err, fs.ErrExist)
		assert.Equal(t, path+" already exists: file already exists", err.Error())
		kept, _ := os.ReadFile(path)
		assert.Equal(t, "extends: strict\n", string(kept))
	})
	t.Run("force overwrites", func(t *testing.T) {
		p, err := WriteStarter(dir, true)
		require.NoError(t, err)
		assert.Equal(t, path, p)
		again, _ := os.ReadFile(path)
		assert.Equal(t, starter, again)
	})
	t.Run("the other name counts too", func(t *testing.T) {
		other := t.TempDir()
		yml := filepath.Join(other, ".givefirst.yml")
		require.NoError(t, os.WriteFile(yml, []byte("{}\n"), 0o644))
		_, err := WriteStarter(other, false)
		require.True(t, errors.Is(err, fs.ErrExist))
		p, err := WriteStarter(other, true)
		require.NoError(t, err)
		assert.Equal(t, yml, p, "force rewrites the existing file rather than adding a second")
	})
	t.Run("no stray temporary files", func(t *testing.T) {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		require.Len(t, entries, 1)
	})
	t.Run("missing folder", func(t *testing.T) {
		_, err := WriteStarter(filepath.Join(dir, "nope"), false)
		assert.Error(t, err)
	})
}
