package cli

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/rules"
)

// The built-in rules change as they are tuned, so these tests check the
// shape of the output on the bundled examples, not its exact text.

func TestSmokeBuiltinRulesOnExamples(t *testing.T) {
	app := &App{Version: "test"}
	res := run(t, app, repoPath(), "", "lint", "--format", "json", "examples")
	require.Contains(t, []int{ExitOK, ExitProblems}, res.code, res.stderr)
	assert.Empty(t, res.stderr)
	validate(t, compileSchema(t, repoPath("docs", "json-output.schema.json")), res.stdout)

	var doc struct {
		Files []struct {
			Path, Format, Kind string
			Ledger             *struct{ Words int }
			Diagnostics        []struct{ Rule string }
		}
		Summary struct{ Files, Failed int }
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &doc))
	assert.Equal(t, 6, doc.Summary.Files)
	assert.Zero(t, doc.Summary.Failed)
	byPath := map[string]int{}
	for i, f := range doc.Files {
		byPath[f.Path] = i
		if assert.NotNil(t, f.Ledger, f.Path) {
			assert.Positive(t, f.Ledger.Words, f.Path)
		}
	}
	require.Contains(t, byPath, "examples/voicemail.vm.txt")
	assert.Equal(t, "voicemail", doc.Files[byPath["examples/voicemail.vm.txt"]].Kind)
	require.Contains(t, byPath, "examples/cadence/step2.md")
	assert.Equal(t, "markdown", doc.Files[byPath["examples/cadence/step2.md"]].Format)
	assert.Equal(t, "followup", doc.Files[byPath["examples/cadence/step2.md"]].Kind)
	assert.NotEmpty(t, doc.Files[byPath["examples/pushy-cold-email.txt"]].Diagnostics, "the pushy example is flagged")

	sarif := run(t, app, repoPath(), "", "lint", "--format", "sarif", "examples")
	validate(t, compileSchema(t, testdata("schemas", "sarif-schema-2.1.0.json")), sarif.stdout)
}

func TestSmokeBuiltinRulesCommands(t *testing.T) {
	app := &App{Version: "test"}
	res := run(t, app, "", "", "rules", "--json")
	require.Equal(t, ExitOK, res.code)
	var list []struct{ ID, Summary string }
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &list))
	require.Len(t, list, len(rules.All()))
	for _, r := range list {
		assert.NotEmpty(t, r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		ex := run(t, app, "", "", "explain", r.ID)
		assert.Equal(t, ExitOK, ex.code, r.ID)
		assert.Contains(t, ex.stdout, "# "+r.ID)
	}
	res = run(t, app, repoPath(), "", "score", "examples/good-cold-email.txt")
	assert.Equal(t, ExitOK, res.code, res.stderr)
	assert.Contains(t, res.stdout, "Ledger:")
}
