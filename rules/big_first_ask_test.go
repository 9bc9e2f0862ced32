package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestBigFirstAsk(t *testing.T) {
	linttest.Run(t, "../testdata/rules/big-first-ask", []*lint.Rule{BigFirstAsk}, linttest.Config{Golden: true})
}
