package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

func TestDiscovery(t *testing.T) {
	root := repo(t, map[string]string{
		".givefirst.yaml":             "rules: {pushy-pressure: error}\n",
		"team/.givefirst.yml":         "rules: {pushy-pressure: info}\n",
		"team/deep/er/x.txt":          "",
		"other/y.txt":                 "",
		"nested-repo/.git/HEAD":       "",
		"nested-repo/sub/z.txt":       "",
		"explicit/custom-config.yaml": "rules: {pushy-pressure: hint}\n",
	})
	tests := []struct {
		name, path, configFile, env, want string
	}{
		{name: "the root config", path: "other/y.txt", want: ".givefirst.yaml"},
		{name: "a file beside the root config", path: "m.txt", want: ".givefirst.yaml"},
		{name: "the closest config wins", path: "team/deep/er/x.txt", want: "team/.givefirst.yml"},
		{name: "a file that does not exist yet", path: "team/new.md", want: "team/.givefirst.yml"},
		{name: "a repository root stops the walk", path: "nested-repo/sub/z.txt", want: ""},
		{name: "env beats discovery", path: "team/deep/er/x.txt", env: "explicit/custom-config.yaml", want: "explicit/custom-config.yaml"},
		{name: "ConfigFile beats env", path: "other/y.txt", configFile: "explicit/custom-config.yaml", env: "team/.givefirst.yml", want: "explicit/custom-config.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Rules: testRules()}
			if tt.configFile != "" {
				o.ConfigFile = filepath.Join(root, tt.configFile)
			}
			t.Setenv(EnvVar, "")
			if tt.env != "" {
				t.Setenv(EnvVar, filepath.Join(root, tt.env))
			}
			eff, err := NewResolver(o).For(filepath.Join(root, tt.path))
			require.NoError(t, err)
			want := ""
			if tt.want != "" {
				want = filepath.Join(root, tt.want)
			}
			assert.Equal(t, want, eff.ConfigPath)
			if want != "" {
				assert.Equal(t, filepath.Dir(want), eff.Root)
			}
		})
	}
}

func TestDiscoveryIgnoresWorkingDirectory(t *testing.T) {
	root := repo(t, map[string]string{"a/.givefirst.yaml": "extends: strict\n", "b/m.txt": ""})
	t.Chdir(filepath.Join(root, "a"))
	eff, err := newTest(t, Options{}).For(filepath.Join(root, "b", "m.txt"))
	require.NoError(t, err)
	assert.Empty(t, eff.ConfigPath)
}

func TestRelativeConfigFile(t *testing.T) {
	root := repo(t, map[string]string{"cfg.yaml": "rules: {pushy-pressure: off}\n"})
	t.Chdir(root)
	eff, err := newTest(t, Options{ConfigFile: "cfg.yaml"}).For("/elsewhere/m.txt")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "cfg.yaml"), eff.ConfigPath)
}

func TestBothNamesInOneFolder(t *testing.T) {
	root := repo(t, map[string]string{".givefirst.yaml": "", ".givefirst.yml": ""})
	_, err := newTest(t, Options{}).For(filepath.Join(root, "m.txt"))
	require.EqualError(t, err, filepath.Join(root, ".givefirst.yaml")+": both .givefirst.yaml and .givefirst.yml are here; keep one")
}

func TestMissingConfigFile(t *testing.T) {
	_, err := newTest(t, Options{ConfigFile: "/nonexistent/x.yaml"}).For("m.txt")
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "/nonexistent/x.yaml: no such file or directory", err.Error())
}

func TestDefaults(t *testing.T) {
	root := repo(t, nil)
	r := newTest(t, Options{})
	eff, err := r.For(filepath.Join(root, "m.txt"))
	require.NoError(t, err)
	assert.Equal(t, &Effective{Linter: eff.Linter}, eff)
	assert.Equal(t, []string{"3:5 pushy-pressure warning", "3:9 i-heavy warning"}, lintWith(t, eff, "m.txt", "Hi Sam,\n\nAct now I say.\n"))
	again, err := r.For(filepath.Join(root, "other.txt"))
	require.NoError(t, err)
	assert.Same(t, eff.Linter, again.Linter, "one linter per config")
}

func TestBuiltinRulesDefaults(t *testing.T) {
	t.Setenv(EnvVar, "")
	root := repo(t, nil)
	eff, err := NewResolver(Options{}).For(filepath.Join(root, "m.txt"))
	require.NoError(t, err)
	assert.NotNil(t, eff.Linter)
}

func TestRulesSettings(t *testing.T) {
	eff, err := parseConfig(t, `
rules:
  pushy-pressure: error
  i-heavy: off
  multiple-asks:
    severity: hint
  cliche-opener: {severity: warning}
`)
	require.NoError(t, err)
	got := lintWith(t, eff, "m.txt", "Hi Sam,\n\nI hope we can call now.\n")
	assert.Equal(t, []string{"3:3 cliche-opener warning", "3:15 multiple-asks hint", "3:20 pushy-pressure error"}, got)
}

func TestRuleOptions(t *testing.T) {
	root := repo(t, map[string]string{".givefirst.yaml": `
rules:
  i-heavy:
    min_ratio: 2
    min_self: 10.0
    count_we: true
    greeting: hello
`})
	r := newTest(t, Options{})
	cfg := r.load(filepath.Join(root, ".givefirst.yaml"))
	require.NoError(t, cfg.err)
	s, unused := cfg.cfg.settings()
	assert.Equal(t, lint.Hint, unused)
	assert.Equal(t, map[string]any{"min_ratio": 2.0, "min_self": 10, "count_we": true, "greeting": "hello"}, s.Rules["i-heavy"].Options)
}

func TestPresets(t *testing.T) {
	text := "Hi Sam,\n\nI hope to utilize a demo call now.\n"
	tests := []struct {
		preset string
		want   []string
	}{
		{"recommended", []string{"3:1 i-heavy warning", "3:3 cliche-opener info", "3:11 reading-level hint", "3:21 no-value-first warning", "3:26 multiple-asks error", "3:31 pushy-pressure warning"}},
		{"strict", []string{"3:1 i-heavy warning", "3:3 cliche-opener warning", "3:11 reading-level warning", "3:21 no-value-first error", "3:26 multiple-asks error", "3:31 pushy-pressure error"}},
		{"lenient", []string{"3:1 i-heavy info", "3:21 no-value-first info", "3:26 multiple-asks info", "3:31 pushy-pressure warning"}},
		{"[strict, recommended]", []string{"3:1 i-heavy warning", "3:3 cliche-opener info", "3:11 reading-level hint", "3:21 no-value-first warning", "3:26 multiple-asks error", "3:31 pushy-pressure warning"}},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			eff, err := parseConfig(t, "extends: "+tt.preset+"\n")
			require.NoError(t, err)
			assert.Equal(t, tt.want, lintWith(t, eff, "m.txt", text))
		})
	}
	t.Run("the file's own rules win over the preset", func(t *testing.T) {
		eff, err := parseConfig(t, "extends: lenient\nrules:\n  reading-level: error\n  pushy-pressure: off\n")
		require.NoError(t, err)
		assert.Equal(t, []string{"3:1 i-heavy info", "3:11 reading-level error", "3:21 no-value-first info", "3:26 multiple-asks info"}, lintWith(t, eff, "m.txt", text))
	})
}

func TestCuesReachOptions(t *testing.T) {
	eff, err := parseConfig(t, `
rules:
  pushy-pressure:
    extra_cues: [act fast]
cues:
  gives: ["Free Teardown", "benchmark  report"]
  asks:
    micro: [thumbs up]
    small: [quick call]
    large: [procurement review]
  pitch: [our platform]
  pushy: [offer ends]
  cliche: [hope this finds you well]
`)
	require.NoError(t, err)
	doc, err := lint.Parse("m.txt", []byte("Hi Sam,\n\nHope this finds you well. Offer ends soon, act fast.\n"), eff.Parse)
	require.NoError(t, err)
	res, err := eff.Linter.Lint(context.Background(), doc)
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{
		"extra_gives":      {"free teardown", "benchmark report"},
		"extra_asks_micro": {"thumbs up"},
		"extra_asks_small": {"quick call"},
		"extra_asks_large": {"procurement review"},
		"extra_pitch":      {"our platform"},
	}, res.Facts["ledger"])
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.Rule+": "+d.Message)
	}
	assert.ElementsMatch(t, []string{
		"cliche-opener: hope",
		"cliche-opener: cue hope this finds you well",
		"pushy-pressure: cue act fast",
		"pushy-pressure: cue offer ends",
	}, got)
}

func TestKindsIgnorePlaceholdersExtensions(t *testing.T) {
	root := repo(t, map[string]string{".givefirst.yaml": `
kinds:
  "voicemail/**": voicemail
  "*.fu.md": followup
  "campaigns/*/step1.md": email
  "campaigns": followup
ignore:
  - drafts
  - "/archive/*.txt"
placeholders: ['<<[a-z_]+>>']
extensions: [tpl, .Liquid]
`})
	r := newTest(t, Options{})
	tests := []struct {
		path    string
		kind    lint.Kind
		ignored bool
	}{
		{"voicemail/a/b.txt", lint.KindVoicemail, false},
		{"x/y/intro.fu.md", lint.KindFollowup, false},
		{"campaigns/q3/step1.md", lint.KindEmail, false},
		{"campaigns/q3/step2.md", lint.KindFollowup, false},
		{"notes/drafts/a.md", "", true},
		{"archive/old.txt", "", true},
		{"x/archive/old.txt", "", false},
		{"plain.md", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			eff, err := r.For(filepath.Join(root, tt.path))
			require.NoError(t, err)
			assert.Equal(t, tt.kind, eff.Parse.Kind)
			assert.Equal(t, tt.ignored, eff.Ignored)
			assert.Equal(t, []string{"<<[a-z_]+>>"}, eff.Parse.Placeholders)
			assert.Equal(t, []string{".tpl", ".liquid"}, eff.Extensions)
		})
	}
	outside, err := newTest(t, Options{ConfigFile: filepath.Join(root, ".givefirst.yaml")}).For("/somewhere/else/drafts/voicemail/x.txt")
	require.NoError(t, err)
	assert.False(t, outside.Ignored, "globs never match outside the config's folder")
	assert.Empty(t, outside.Parse.Kind)
}

func TestExtendsFiles(t *testing.T) {
	root := repo(t, map[string]string{
		"shared/base.yaml": `
extends: strict
rules:
  i-heavy: {severity: hint, min_ratio: 3}
kinds:
  "vm/**": voicemail
ignore: [old]
cues:
  pushy: [offer ends]
custom:
  - id: no-synergy
    type: existence
    phrases: [synergy]
`,
		"team/.givefirst.yaml": `
extends: [../shared/base.yaml]
rules:
  i-heavy: {min_self: 5}
  no-synergy: error
kinds:
  "vm/**": followup
cues:
  pushy: [last chance]
`,
	})
	r := newTest(t, Options{})
	eff, err := r.For(filepath.Join(root, "team", "vm", "m.txt"))
	require.NoError(t, err)
	assert.Equal(t, lint.KindFollowup, eff.Parse.Kind, "the extending file's kinds come first")
	l := r.load(filepath.Join(root, "team", ".givefirst.yaml"))
	s, _ := l.cfg.settings()
	assert.Equal(t, lint.RuleSettings{Severity: lint.Hint, Options: map[string]any{"min_ratio": 3.0, "min_self": 5}}, s.Rules["i-heavy"])
	assert.Equal(t, lint.Error, s.Rules["pushy-pressure"].Severity, "strict from the base")
	assert.Equal(t, []string{"offer ends", "last chance"}, s.Rules["pushy-pressure"].Options["extra_cues"])
	assert.Equal(t, lint.Error, s.Rules["no-synergy"].Severity)
	assert.Equal(t, []string{"no-synergy: Avoid \"Synergy\"."}, messages(t, eff, "Hi Sam,\n\nSynergy.\n"))
	ignored, err := r.For(filepath.Join(root, "shared", "old", "x.txt"))
	require.NoError(t, err)
	assert.Empty(t, ignored.ConfigPath, "shared/ has no config of its own")
	viaTeam, err := r.For(filepath.Join(root, "team", "old", "x.txt"))
	require.NoError(t, err)
	assert.False(t, viaTeam.Ignored, "the base's globs stay relative to the base's folder")
}

func TestChangesAreNoticed(t *testing.T) {
	root := repo(t, map[string]string{".givefirst.yaml": "rules: {pushy-pressure: error}\n", "sub/m.txt": ""})
	r := newTest(t, Options{})
	file := filepath.Join(root, "sub", "m.txt")
	sev := func() []string {
		eff, err := r.For(file)
		require.NoError(t, err)
		return lintWith(t, eff, "m.txt", "Hi Sam,\n\nAct now.\n")
	}
	assert.Equal(t, []string{"3:5 pushy-pressure error"}, sev())

	// An edit changes the size: noticed without Invalidate.
	writeFile(t, filepath.Join(root, ".givefirst.yaml"), "rules: {pushy-pressure: info}\n")
	assert.Equal(t, []string{"3:5 pushy-pressure info"}, sev())

	// A same-size edit with a new modification time.
	writeFile(t, filepath.Join(root, ".givefirst.yaml"), "rules: {pushy-pressure: hint}\n")
	later := time.Now().Add(time.Hour)
	require.NoError(t, os.Chtimes(filepath.Join(root, ".givefirst.yaml"), later, later))
	assert.Equal(t, []string{"3:5 pushy-pressure hint"}, sev())

	// A new, closer config.
	writeFile(t, filepath.Join(root, "sub", ".givefirst.yaml"), "rules: {pushy-pressure: off}\n")
	assert.Equal(t, []string{}, sev())

	// A broken config is an error until it is fixed.
	writeFile(t, filepath.Join(root, "sub", ".givefirst.yaml"), "rules: {pushy-pressure: loud}\n")
	_, err := r.For(file)
	require.Error(t, err)
	writeFile(t, filepath.Join(root, "sub", ".givefirst.yaml"), "rules: {pushy-pressure: error}\n")
	assert.Equal(t, []string{"3:5 pushy-pressure error"}, sev())

	// Deleted: back to the parent.
	require.NoError(t, os.Remove(filepath.Join(root, "sub", ".givefirst.yaml")))
	assert.Equal(t, []string{"3:5 pushy-pressure hint"}, sev())
}

func TestInvalidate(t *testing.T) {
	root := repo(t, map[string]string{
		".givefirst.yaml": "extends: ./base.yaml\n",
		"base.yaml":       "rules: {pushy-pressure: error}\n",
	})
	t.Setenv(EnvVar, "")
	r := NewResolver(Options{Rules: testRules()})
	r.recheck = time.Hour // so only Invalidate can make it look again
	file := filepath.Join(root, "sub", "m.txt")
	first, err := r.For(file)
	require.NoError(t, err)

	writeFile(t, filepath.Join(root, "sub", ".givefirst.yaml"), "rules: {pushy-pressure: off}\n")
	cached, err := r.For(file)
	require.NoError(t, err)
	assert.Equal(t, first.ConfigPath, cached.ConfigPath, "within the recheck interval the folder is trusted")

	r.Invalidate(filepath.Join(root, "sub", ".givefirst.yaml"))
	fresh, err := r.For(file)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "sub", ".givefirst.yaml"), fresh.ConfigPath)

	top, err := r.For(filepath.Join(root, "m.txt"))
	require.NoError(t, err)
	r.Invalidate(filepath.Join(root, "base.yaml"))
	again, err := r.For(filepath.Join(root, "m.txt"))
	require.NoError(t, err)
	assert.NotSame(t, top.Linter, again.Linter, "a config that extends the file is rebuilt")
}

func TestConcurrentFor(t *testing.T) {
	root := repo(t, map[string]string{".givefirst.yaml": "extends: strict\n", "a/.givefirst.yaml": "extends: lenient\n"})
	r := newTest(t, Options{})
	var wg sync.WaitGroup
	linters := make([]*lint.Linter, 64)
	for i := range linters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dir := root
			if i%2 == 1 {
				dir = filepath.Join(root, "a")
				r.Invalidate(filepath.Join(dir, ".givefirst.yaml"))
			}
			eff, err := r.For(filepath.Join(dir, "m.txt"))
			assert.NoError(t, err)
			if err == nil {
				linters[i] = eff.Linter
			}
		}()
	}
	wg.Wait()
	for i := 2; i < len(linters); i += 2 {
		assert.Same(t, linters[0], linters[i])
	}
}

func TestErrorsAreErrorValues(t *testing.T) {
	_, err := parseConfig(t, "rulez: {}\nignore: {}\n")
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 1, ce.Line)
	var all interface{ Unwrap() []error }
	require.True(t, errors.As(err, &all))
	assert.Len(t, all.Unwrap(), 2)
}
