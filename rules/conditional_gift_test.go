package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestConditionalGift(t *testing.T) {
	linttest.Run(t, "../testdata/rules/conditional-gift", []*lint.Rule{ConditionalGift}, linttest.Config{Golden: true})
}

func TestConditionalClause(t *testing.T) {
	for _, c := range []struct {
		text        string
		offer, cond string // "" when no conditional gift is found
	}{
		{"If you book a call, I'll send the report.", "I'll send", "If you book a call"},
		{"If you book a call, then I'll send the report.", "I'll send", "If you book a call"},
		{"Once we talk, I can share the numbers.", "I can share", "Once we talk"},
		{"Happy to send the benchmark after a quick call.", "Happy to send", "after a quick call"},
		{"I'll send the report as soon as we meet.", "I'll send", "as soon as we meet"},
		{"When we chat, you'll get the full teardown.", "you'll get", "When we chat"},
		{"In exchange for 15 minutes, I'll share the data.", "I'll share", "In exchange for 15 minutes"},
		{"Book a call and I'll send the report.", "I'll send", "Book a call"},
		{"If you have a 20-minute slot, I'd be happy to share it.", "I'd be happy to share", "If you have a 20-minute slot"},
		{"If it's useful, I can send the checklist.", "", ""},
		{"Even if we never talk, I'll send the report.", "", ""},
		{"If a call isn't your thing, I can share it by email.", "", ""},
		{"If you'd rather talk, I can share it live.", "", ""},
		{"If you book a call, I'll send an invite.", "", ""},
		{"I can send the checklist, and if it helps we could book a call.", "", ""},
		{"After reading your post, I'll send a few ideas.", "", ""},
		{"Once you're back from leave, I'll send the report.", "", ""},
		{"Reply yes and I'll send the checklist.", "", ""},
	} {
		a := analyse(t, c.text)
		var offer, cond string
		if o, k, ok := conditionalCues.find(nil, 0, a.SentenceTokens(0)); ok {
			offer, cond = a.Doc.TextOf(o), a.Doc.TextOf(k)
		}
		if offer != c.offer || cond != c.cond {
			t.Errorf("%q: offer %q cond %q, want %q %q", c.text, offer, cond, c.offer, c.cond)
		}
	}
}
