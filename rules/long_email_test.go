package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestLongEmail(t *testing.T) {
	linttest.Run(t, "../testdata/rules/long-email", []*lint.Rule{LongEmail}, linttest.Config{Golden: true})
}
