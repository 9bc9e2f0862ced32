package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestClicheOpener(t *testing.T) {
	linttest.Run(t, "../testdata/rules/cliche-opener", []*lint.Rule{ClicheOpener}, linttest.Config{Golden: true})
}

func TestClicheOpenerExtraCues(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"cliche-opener": {Options: map[string]any{"extra_cues": []any{"per my calendar"}}}}}
	linttest.Run(t, "../testdata/rules/cliche-opener/extra", []*lint.Rule{ClicheOpener}, linttest.Config{Settings: s})
}
