package cli

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/config"
)

// newConfigApp uses the real config discovery with the fake rules.
func newConfigApp() *App {
	app := newTestApp()
	app.NewResolver = func(file string) Resolver {
		return config.NewResolver(config.Options{ConfigFile: file, Rules: fakeRules(),
			LinterOptions: []lint.LinterOption{lint.WithScorer(fakeScorer)}})
	}
	return app
}

func TestConfigFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n") // discovery stops here
	writeFile(t, filepath.Join(dir, ".givefirst.yaml"),
		"ignore:\n  - \"drafts/**\"\nextensions: [.tpl]\nkinds:\n  \"calls/**\": voicemail\nrules:\n  fake-pressure: warning\n")
	writeFile(t, filepath.Join(dir, "a.txt"), errorMsg)
	writeFile(t, filepath.Join(dir, "drafts", "d.txt"), cleanMsg)
	writeFile(t, filepath.Join(dir, "page.tpl"), cleanMsg)
	writeFile(t, filepath.Join(dir, "calls", "c.txt"), infoMsg)

	res := run(t, newConfigApp(), dir, "", "lint", "--format", "json", ".")
	require.Equal(t, ExitOK, res.code, "fake-pressure is only a warning here: %s", res.stderr)
	assert.Equal(t, []string{"a.txt", "calls/c.txt", "page.tpl"}, paths(t, res.stdout))
	assert.Contains(t, res.stdout, `"kind":"voicemail"`)
	assert.Contains(t, res.stdout, `"rule":"fake-pressure","severity":"warning"`)

	t.Run("--config replaces discovery", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "strict.yaml"), "rules:\n  fake-ask-first: error\n")
		writeFile(t, filepath.Join(dir, "ask.txt"), warningMsg)
		res := run(t, newConfigApp(), dir, "", "lint", "--config", "strict.yaml", "ask.txt")
		assert.Equal(t, ExitProblems, res.code, res.stderr)
		assert.Contains(t, res.stdout, "error fake-ask-first")
	})

	t.Run("a broken config is exit 2, reported once", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "team", ".givefirst.yaml"), "rulez:\n  fake-pressure: off\n")
		writeFile(t, filepath.Join(dir, "team", "x.txt"), cleanMsg)
		writeFile(t, filepath.Join(dir, "team", "y.txt"), cleanMsg)
		res := run(t, newConfigApp(), dir, "", "lint", "team")
		assert.Equal(t, ExitError, res.code)
		assert.Regexp(t, `^givefirst: team/x\.txt: config: .*team/\.givefirst\.yaml:1:1: .*rulez.*\n$`, res.stderr)
		assert.Contains(t, res.stdout, "2 files could not be checked")
	})
}
