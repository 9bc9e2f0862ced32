package rules

import (
	"math"
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestVoicemailTooLong(t *testing.T) {
	linttest.Run(t, "../testdata/rules/voicemail-too-long", []*lint.Rule{VoicemailTooLong}, linttest.Config{Golden: true})
}

func TestVoicemailTooLongSlowSpeaker(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"voicemail-too-long": {Options: map[string]any{"wpm": 120}}}}
	linttest.Run(t, "../testdata/rules/voicemail-too-long/slow", []*lint.Rule{VoicemailTooLong}, linttest.Config{Settings: s, Golden: true})
}

func TestVoicemailSeconds(t *testing.T) {
	for _, c := range []struct {
		words int
		wpm   float64
		want  float64
	}{
		{75, 150, 30},
		{45, 150, 18},
		{60, 120, 30},
		{0, 150, 0},
		{100, 0, 0},
		{100, -10, 0},
	} {
		if got := VoicemailSeconds(c.words, c.wpm); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("VoicemailSeconds(%d, %v) = %v, want %v", c.words, c.wpm, got, c.want)
		}
	}
}

func TestVoicemailTooLongBadRate(t *testing.T) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{"voicemail-too-long": {Options: map[string]any{"wpm": 0}}}}
	l, err := lint.New([]*lint.Rule{VoicemailTooLong}, s)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.Parse("x.vm.txt", []byte("This is Sam from Acme, 555-0142."), lint.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Lint(t.Context(), doc); err == nil {
		t.Error("wpm 0: want a rule error")
	}
}
