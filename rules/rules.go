// Package rules holds givefirst's built-in checks: the give/ask ledger,
// the reciprocity rules that read it, the style rules, and the score.
//
// Every rule is a plain *lint.Rule value; All lists them in the order the
// documentation presents them.
package rules

import "github.com/givefirst/givefirst/lint"

// All returns the built-in rules in documentation order. The slice is new
// on every call; the rules themselves are shared and must not be modified.
func All() []*lint.Rule {
	return []*lint.Rule{
		IHeavy,
		SelfCentredOpener,
		ClicheOpener,
		AskWithoutOffer,
		NoValueFirst,
		GiveWithoutAsk,
		LateAsk,
		MultipleAsks,
		BigFirstAsk,
		ConditionalGift,
		VagueOffer,
		Interrogation,
		PushyPressure,
		FakeObligation,
		LongEmail,
		ReadingLevel,
		SubjectLine,
		SpamTrigger,
		VoicemailTooLong,
		MissingCallback,
		VoicemailPitch,
	}
}

// New builds a linter with the built-in rules, the given settings and the
// reciprocity score.
func New(s lint.Settings, opts ...lint.LinterOption) (*lint.Linter, error) {
	return lint.New(All(), s, append([]lint.LinterOption{lint.WithScorer(Scorer)}, opts...)...)
}
