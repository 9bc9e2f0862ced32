package rules

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// The shared scan must give each list exactly what the list's own matcher
// finds, in the same order, on every sentence of every rule fixture.
func TestCueScanAgreesWithEachList(t *testing.T) {
	files, err := filepath.Glob("../testdata/rules/*/*.*")
	require.NoError(t, err)
	// Each list indexed again on its own, outside the shared index.
	own := map[int]*matcher{}
	for _, p := range sharedCues().phrases {
		if own[p.list] == nil {
			own[p.list] = newMatcher()
		}
		own[p.list].add(p)
	}
	require.Len(t, own, 6)
	checked := 0
	for _, f := range files {
		if filepath.Ext(f) == ".golden" {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := lint.Parse(f, src, lint.ParseOptions{})
		if err != nil {
			continue // fixtures of bad input
		}
		a := lint.Analyze(doc, nil)
		scan := scanCues(a)
		for i := range a.Sentences {
			toks := a.SentenceTokens(i)
			for id, m := range own {
				shared := &matcher{list: id}
				assert.Equal(t, m.all(toks), scan.all(shared, i, toks), "%s sentence %d list %d: all", f, i, id)
				var want, got []hit
				m.each(toks, func(h hit) bool { want = append(want, h); return true })
				scan.each(shared, i, toks, func(h hit) bool { got = append(got, h); return true })
				assert.Equal(t, want, got, "%s sentence %d list %d: each", f, i, id)
				checked += len(want)
			}
		}
	}
	assert.Greater(t, checked, 100, "the fixtures should hold many cues")
}

// A list the user extends is matched on its own and still fires.
func TestCueScanKeepsUserCues(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{
		"spam-trigger":    {Options: map[string]any{"extra_cues": []any{"mega deal"}}},
		"fake-obligation": {Options: map[string]any{"extra_cues": []any{"you owe us one"}}},
	}}
	l, err := New(s)
	require.NoError(t, err)
	doc, err := lint.Parse("x.txt", []byte("Hi Sam,\n\nThis is a mega deal. After the audit, you owe us one, so book a call.\n"), lint.ParseOptions{})
	require.NoError(t, err)
	res, err := l.Lint(t.Context(), doc)
	require.NoError(t, err)
	fired := map[string]bool{}
	for _, d := range res.Diagnostics {
		fired[d.Rule] = true
	}
	assert.True(t, fired["spam-trigger"], "user spam cue")
	assert.True(t, fired["fake-obligation"], "user obligation cue")
}

// Documents linted at once, some with user cues and some without, share
// the scan index and the default models; the race detector watches.
func TestCueScanConcurrent(t *testing.T) {
	plain, err := New(lint.Settings{})
	require.NoError(t, err)
	extended, err := New(lint.Settings{Rules: map[string]lint.RuleSettings{
		"pushy-pressure": {Options: map[string]any{"extra_cues": []any{"no time like the present"}}},
	}})
	require.NoError(t, err)
	src := []byte("Hi Sam,\n\nHere's the checklist. No time like the present. Would a call help?\n")
	var wg sync.WaitGroup
	results := make([]int, 16)
	for g := range results {
		wg.Go(func() {
			l := plain
			if g%2 == 1 {
				l = extended
			}
			doc, err := lint.Parse("x.txt", src, lint.ParseOptions{})
			if err != nil {
				return
			}
			res, err := l.Lint(t.Context(), doc)
			if err == nil {
				results[g] = len(res.Diagnostics)
			}
		})
	}
	wg.Wait()
	for g := range results {
		assert.Equal(t, results[g%2], results[g], "goroutine %d", g)
	}
	assert.Greater(t, results[1], results[0], "the user cue adds a finding")
}
