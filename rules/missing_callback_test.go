package rules

import (
	"testing"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/lint/linttest"
)

func TestMissingCallback(t *testing.T) {
	linttest.Run(t, "../testdata/rules/missing-callback", []*lint.Rule{MissingCallback}, linttest.Config{Golden: true})
}

// analyse parses src as a voicemail script and returns its analysis.
func analyse(t *testing.T, src string) *lint.Analysis {
	t.Helper()
	doc, err := lint.Parse("t.vm.txt", []byte(src), lint.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return lint.Analyze(doc, nil)
}

func TestPhoneShape(t *testing.T) {
	for _, c := range []struct {
		text  string
		phone string // the number found, or "" for none
	}{
		{"Call 555-0142 today.", "555-0142"},
		{"Call 615-555-1234 today.", "615-555-1234"},
		{"Call (615) 555-1234 today.", "(615) 555-1234"},
		{"Call +1 615 555 1234 today.", "+1 615 555 1234"},
		{"Call +44 20 7946 0958 today.", "+44 20 7946 0958"},
		{"Call 1-800-555-0199 today.", "1-800-555-0199"},
		{"Call 615.555.1234 today.", "615.555.1234"},
		{"Call 6155551234 today.", "6155551234"},
		{"Call 01 23 45 67 89 today.", "01 23 45 67 89"},
		{"Renewal is on 2024-05-01.", ""},
		{"Renewal is on 12.05.2024.", ""},
		{"The 2023-2024 numbers.", ""},
		{"We saved $1,500,000 last year.", ""},
		{"Revenue was 1500000 flat.", ""},
		{"Agents spend 30+ minutes.", ""},
		{"Meet at 9:30 or 10:30.", ""},
		{"Version 192.168.1.1 shipped.", ""},
		{"Cut it by 40% in 3 weeks.", ""},
	} {
		a := analyse(t, c.text)
		got := ""
		for j := range a.Tokens {
			if end := phoneEnd(a.Tokens, j); end > j {
				got = a.Doc.TextOf(lint.Span{Start: a.Tokens[j].Span.Start, End: a.Tokens[end-1].Span.End})
				break
			}
		}
		if got != c.phone {
			t.Errorf("%q: phone %q, want %q", c.text, got, c.phone)
		}
	}
}

func TestPhoneField(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Call [Your Number] now.", true},
		{"Call [Number] now.", true},
		{"Call {{sender_phone}} now.", true},
		{"Call {{rep_cell}} now.", true},
		{"Call {{mobile}} now.", true},
		{"We cover {{number_of_sites}} sites.", false},
		{"This is [Your Name] now.", false},
		{"Saw {{company}} grow.", false},
	} {
		got := false
		for _, tok := range analyse(t, c.text).Tokens {
			got = got || phoneField(&tok)
		}
		if got != c.want {
			t.Errorf("%q: phone field %v, want %v", c.text, got, c.want)
		}
	}
}

func TestCallerIntro(t *testing.T) {
	for _, c := range []struct {
		text          string
		name, company bool
	}{
		{"This is Sam from Acme. Saw your post.", true, true},
		{"Hi Dana, this is Sam Lee with Acme.", true, true},
		{"Hi Dana, [Your Name] again from AI Acceleration.", true, true},
		{"My name is Sam and I'm with Acme.", true, true},
		{"Sam from Acme here. Quick one.", true, true},
		{"Sam Lee, Acme, 555-0142.", true, true},
		{"It's Sam with the Acme team.", true, true},
		{"Hi Dana, this is [Your Name]. I noticed something at [Company].", true, false},
		{"Hi, it's Sam, give me a call.", true, false},
		{"Calling from Acme about your expansion.", false, true},
		{"Saw your team is hiring. Give me a call.", false, false},
		{"Quick question about your SDR team.", false, false},
	} {
		name, company := callerIntro(analyse(t, c.text))
		if name != c.name || company != c.company {
			t.Errorf("%q: name %v company %v, want %v %v", c.text, name, company, c.name, c.company)
		}
	}
}

func TestCallbackReadsSpokenClosing(t *testing.T) {
	src := "Hi Leo, it's Nadia from Orbital.\n\nGive me a ring at 555-0142.\nThanks!\nAgain, that's 555-0142, and I'll email you today.\n"
	doc, err := lint.Parse("t.vm.txt", []byte(src), lint.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cb := findCallback(doc, lint.Analyze(doc, nil))
	var said []string
	for _, s := range cb.Phones {
		said = append(said, string(doc.Source[s.Start:s.End])) // Text blanks the signature
	}
	if len(said) != 2 || said[1] != "555-0142" {
		t.Errorf("phones %q, want the number twice, once after the sign-off", said)
	}
	if c := cb.Channels; len(c) != 1 || string(doc.Source[c[0].Start:c[0].End]) != "I'll email" {
		t.Errorf("channels %v, want \"I'll email\" after the sign-off", cb.Channels)
	}
}
