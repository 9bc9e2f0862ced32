package config

import (
	"cmp"
	"slices"

	"github.com/givefirst/givefirst/lint"
)

// presetNames are the presets extends: accepts, in documentation order.
var presetNames = []string{"recommended", "strict", "lenient"}

// strictErrors are the rules strict makes errors: the ones that break
// reciprocity outright rather than weaken it.
var strictErrors = []string{
	"no-value-first", "ask-without-offer", "big-first-ask", "conditional-gift", "pushy-pressure", "fake-obligation",
}

// lenientOff are the style rules lenient turns off while drafting.
var lenientOff = []string{
	"reading-level", "long-email", "cliche-opener", "interrogation", "subject-line", "give-without-ask",
}

// lenientKept are the rules lenient leaves at their defaults: pressure and
// fake obligation are never acceptable, even in a draft.
var lenientKept = []string{"pushy-pressure", "fake-obligation"}

// presetLevel returns the level a preset gives a built-in rule. Presets
// set every built-in rule, so a later preset fully replaces an earlier one.
func presetLevel(preset string, r *lint.Rule) level {
	def := cmp.Or(r.Severity, lint.Warning)
	switch preset {
	case "strict":
		if slices.Contains(strictErrors, r.ID) {
			return "error"
		}
		return level(max(def, lint.Warning).String())
	case "lenient":
		switch {
		case slices.Contains(lenientOff, r.ID):
			return "off"
		case slices.Contains(lenientKept, r.ID):
			return level(def.String())
		}
		return level(min(def, lint.Info).String())
	}
	return level(def.String())
}
