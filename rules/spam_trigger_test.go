package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestSpamTrigger(t *testing.T) {
	linttest.Run(t, "../testdata/rules/spam-trigger", []*lint.Rule{SpamTrigger}, linttest.Config{Golden: true})
}
