package rules

import "github.com/givefirst/givefirst/lint"

// Role is what a sentence does in the exchange between sender and reader.
type Role string

// Roles a ledger assigns.
const (
	RoleGive     Role = "give"     // value for the reader: a resource, an insight, help, a concession, a grounded compliment
	RoleAsk      Role = "ask"      // a request of the reader: a reply, time, a call, a referral, a signature
	RolePitch    Role = "pitch"    // talk about the sender's product or company, which is not a give
	RoleQuestion Role = "question" // a question that asks nothing of the reader (rhetorical or small talk)
	RoleNeutral  Role = "neutral"
)

// AskSize is how much an ask costs the reader.
type AskSize string

// Ask sizes and their weights in the balance.
const (
	AskMicro AskSize = "micro" // "worth a look?", "reply yes": 0.5
	AskSmall AskSize = "small" // "15 minutes", "who owns this?": 1
	AskLarge AskSize = "large" // "45-minute demo", "sign by Friday": 2
)

// Entry is the ledger's verdict on one body sentence.
type Entry struct {
	Sentence int       `json:"sentence"` // index into Analysis.Sentences
	Span     lint.Span `json:"span"`     // the sentence, in Document.Text offsets
	Role     Role      `json:"role"`
	Cue      string    `json:"cue,omitempty"`  // the phrase that decided the role
	CueSpan  lint.Span `json:"cue_span"`       // where that phrase is, in Document.Text offsets
	Weight   float64   `json:"weight"`         // a give's value (1, or 0.5 for an acknowledgement)
	Size     AskSize   `json:"size,omitempty"` // an ask's size
	// Also is set when a sentence both gives and asks ("Mind if I send the
	// checklist?"): Role holds the ask, Also the give.
	Also     Role `json:"also,omitempty"`
	Question bool `json:"question"` // ends with a question mark
}

// Ledger is the give/ask account of one message, shared by the rules and
// the score.
type Ledger struct {
	Entries []Entry `json:"entries"`
	// Pronoun counts over the body, ignoring "thank you", quoted speech,
	// URLs and placeholders.
	SelfI  int `json:"self_i"`  // I, me, my, mine, myself and contractions
	SelfWe int `json:"self_we"` // we, us, our, ours, ourselves and contractions
	Reader int `json:"reader"`  // you, your, yours, yourself and possessive placeholders
	Words  int `json:"words"`   // body words; a placeholder counts as one
}
