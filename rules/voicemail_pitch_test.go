package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestVoicemailPitch(t *testing.T) {
	linttest.Run(t, "../testdata/rules/voicemail-pitch", []*lint.Rule{VoicemailPitch}, linttest.Config{Golden: true})
}

func TestFeatureList(t *testing.T) {
	for _, c := range []struct {
		text, list string
	}{
		{"Our platform has AI scoring, dialers, and call recording.", "scoring, dialers, and call recording"},
		{"It does scoring, dialing and recording.", "scoring, dialing and recording"},
		{"We cover billing, payroll, tax, and benefits for you.", "billing, payroll, tax, and benefits for you"},
		{"We help teams like yours, and it works.", ""},
		{"We met at the summit, which was great.", ""},
		{"It works, and it is fast.", ""},
	} {
		a := analyse(t, c.text)
		got := ""
		if s, ok := featureList(a.SentenceTokens(0)); ok {
			got = a.Doc.TextOf(s)
		}
		if got != c.list {
			t.Errorf("%q: list %q, want %q", c.text, got, c.list)
		}
	}
}

func TestPriceSpans(t *testing.T) {
	for _, c := range []struct {
		text  string
		pitch bool
		price string
	}{
		{"It costs $49 a seat.", false, "$49"},
		{"Plans start at $99.", true, "$99"},
		{"It's $49 per seat.", false, "$49"},
		{"That is 49 dollars, only.", false, "49 dollars"},
		{"Saw you raised $20M last month.", false, ""},
		{"Teams lose $40k a year to churn.", false, ""},
	} {
		a := analyse(t, c.text)
		got := ""
		if s := priceSpans(a.SentenceTokens(0), c.pitch); len(s) > 0 {
			got = a.Doc.TextOf(s[0])
		}
		if got != c.price {
			t.Errorf("%q: price %q, want %q", c.text, got, c.price)
		}
	}
}
