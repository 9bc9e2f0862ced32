package rules

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

// book returns the ledger of a one-sentence body.
func book(t *testing.T, sentence string) Entry {
	t.Helper()
	l, err := lint.New([]*lint.Rule{LateAsk}, lint.Settings{})
	require.NoError(t, err)
	doc, err := lint.Parse("x.txt", []byte("Hi Sam,\n\n"+sentence+"\n"), lint.ParseOptions{})
	require.NoError(t, err)
	res, err := l.Lint(context.Background(), doc)
	require.NoError(t, err)
	led := res.Facts["ledger"].(*Ledger)
	require.Len(t, led.Entries, 1, sentence)
	return led.Entries[0]
}

func TestLedgerRoles(t *testing.T) {
	tests := []struct {
		sentence string
		role     Role
		size     AskSize
		also     Role
	}{
		// gives
		{"Here is the ten-day ramp checklist your managers can use.", RoleGive, "", ""},
		{"I have attached the 2026 staffing benchmark.", RoleGive, "", ""},
		{"Even if we never talk, I'll send the teardown anyway.", RoleGive, "", ""},
		{"Most clinics your size lose 20% of bookings to no-shows.", RoleGive, "", ""},
		{"Saw {{company}} posted six SDR roles, which usually means onboarding is about to get crowded.", RoleGive, "", ""},
		{"Congrats on the Lisbon launch!", RoleGive, "", ""},
		{"Happy to share the framework, no strings attached.", RoleGive, "", ""},
		// not gives
		{"Congratulations!", RoleNeutral, "", ""},
		{"We helped Acme cut churn by 34% in a quarter.", RolePitch, "", ""},
		{"Our platform includes AI lead scoring.", RolePitch, "", ""},
		{"Thought it was worth a quick call.", RoleNeutral, "", ""},
		// asks, sized
		{"Worth a quick chat?", RoleAsk, AskSmall, ""},
		{"Happy to hop on a quick call.", RoleAsk, AskSmall, ""},
		{"Could we schedule a demo for {{company}} on Thursday?", RoleAsk, AskLarge, ""},
		{"Got 45 minutes on Friday?", RoleAsk, AskLarge, ""},
		{"Give me 15 minutes on Thursday and I'll send you the full teardown.", RoleAsk, AskSmall, ""},
		{"Interested?", RoleAsk, AskMicro, ""},
		{"Is onboarding a priority for your team this quarter?", RoleAsk, AskMicro, ""},
		{"Let me know if you'd rather I stop writing.", RoleAsk, AskMicro, ""},
		{"Mind if I send over the checklist?", RoleAsk, AskMicro, RoleGive},
		// held back: asks, and gives nothing yet
		{"Once we talk, I can share the numbers.", RoleAsk, AskSmall, ""},
		{"Happy to send the ramp benchmark after a quick call.", RoleAsk, AskSmall, ""},
		// questions that ask nothing
		{"What happens to the leads nobody calls back?", RoleQuestion, "", ""},
		{"Cash handling is a pain, right?", RoleQuestion, "", ""},
		{"How was the conference?", RoleQuestion, "", ""},
		// reps spending time is not time asked of the reader
		{"Are your agents spending 30 minutes on each listing?", RoleAsk, AskMicro, ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			e := book(t, tt.sentence)
			assert.Equal(t, tt.role, e.Role, "cue %q", e.Cue)
			assert.Equal(t, tt.size, e.Size)
			assert.Equal(t, tt.also, e.Also)
		})
	}
}

func TestLedgerPronouns(t *testing.T) {
	tests := []struct {
		body          string
		i, we, reader int
	}{
		{"I think we can help your team.", 1, 1, 1},
		{"Thank you, and see you soon. You know how it goes.", 0, 0, 0},
		{`Your customer said "I love it and I tell my team".`, 0, 0, 1},
		{"{{company}}'s team and {{Similar_Company}}'s team.", 0, 0, 1},
		{"{{Your_Company}}'s tool ships to the US.", 0, 0, 0},
		{"I’m sure we’ll find you’re ready.", 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			c := countRefs(tokens(t, "Hi,\n\n"+tt.body+"\n"))
			assert.Equal(t, refCounts{tt.i, tt.we, tt.reader}, c)
		})
	}
}
