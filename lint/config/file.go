package config

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/givefirst/givefirst/lint"
)

// The types below are a .givefirst.yaml file as written. The decoder reads
// them through their yaml tags (so an unknown key can name the nearest known
// one) and the JSON Schema is generated from them, doc tags included; the
// special scalar types check themselves while they are decoded, so every
// problem carries the line and column it was found at.

// fileConfig is one configuration file.
type fileConfig struct {
	Extends      extendsList  `yaml:"extends" doc:"Presets (recommended, strict, lenient) or other config files (./base.yaml, relative to this file) to start from. Later entries win; this file wins over all of them."`
	Rules        ruleMap      `yaml:"rules" doc:"Per rule ID: off, hint, info, warning or error, or a mapping with severity and the rule's options."`
	Kinds        kindMap      `yaml:"kinds" doc:"Glob (relative to this file's folder) to message kind: email, followup or voicemail. The first matching glob wins; it overrides front matter and file names."`
	Ignore       []glob       `yaml:"ignore" doc:"Globs (relative to this file's folder) of files and folders not to lint."`
	Placeholders []pattern    `yaml:"placeholders" doc:"Extra merge-field patterns (Go regular expressions) that read as one neutral noun, such as <<[a-z_]+>>."`
	Extensions   []extension  `yaml:"extensions" doc:"Extra file extensions to lint when walking folders, such as .tpl."`
	Cues         cues         `yaml:"cues" doc:"Your own phrases for the give/ask ledger and the cue-based rules, added to the built-in lists."`
	Custom       []customRule `yaml:"custom" doc:"Declarative rules of your own."`
}

// cues are phrases added to the built-in cue lists.
type cues struct {
	Gives  []phrase `yaml:"gives" doc:"Phrases that give the reader something (a resource, an insight, help)."`
	Asks   askCues  `yaml:"asks" doc:"Phrases that ask the reader for something, by size."`
	Pitch  []phrase `yaml:"pitch" doc:"Phrases that talk about your product or company (a pitch is not a give)."`
	Pushy  []phrase `yaml:"pushy" doc:"Pressure phrases for pushy-pressure."`
	Cliche []phrase `yaml:"cliche" doc:"Cliché openers for cliche-opener."`
}

// askCues are ask phrases by how much they cost the reader.
type askCues struct {
	Micro []phrase `yaml:"micro" doc:"Asks that cost a second: \"worth a look?\", \"reply yes\"."`
	Small []phrase `yaml:"small" doc:"Asks that cost minutes: \"15 minutes\", \"who owns this?\"."`
	Large []phrase `yaml:"large" doc:"Asks that cost an hour or a commitment: \"45-minute demo\", \"sign by Friday\"."`
}

// customRule is one declarative rule; which keys apply depends on Type.
type customRule struct {
	ID          customID    `yaml:"id" doc:"Rule ID, kebab-case; it must not clash with a built-in rule."`
	Type        customType  `yaml:"type" doc:"existence, substitution, occurrence, ratio, precedence or required."`
	Message     message     `yaml:"message" doc:"What to tell the writer. %s or {{match}} is the matched text; substitution adds {{replacement}}, occurrence {{count}}, {{min}} and {{max}}, ratio {{ratio}}, {{min}} and {{max}}."`
	Severity    level       `yaml:"severity" doc:"off, hint, info, warning (the default) or error."`
	Link        string      `yaml:"link" doc:"A URL explaining the rule."`
	Kinds       []kindName  `yaml:"kinds" doc:"The kinds the rule applies to; all when omitted."`
	Phrases     []phrase    `yaml:"phrases" doc:"Literal phrases, matched case-insensitively as whole words; spaces match any white space."`
	Patterns    []pattern   `yaml:"patterns" doc:"Go regular expressions, matched case-insensitively as whole words."`
	Swap        swapMap     `yaml:"swap" doc:"substitution: phrase to use instead."`
	Safe        bool        `yaml:"safe" doc:"substitution: the swaps may be applied without review (givefirst lint --fix)."`
	Scope       scopeName   `yaml:"scope" doc:"occurrence: count per document (the default) or per sentence."`
	Min         float64     `yaml:"min" doc:"occurrence: the fewest matches allowed (a whole number); ratio: the lowest ratio allowed."`
	Max         float64     `yaml:"max" doc:"occurrence: the most matches allowed (a whole number); ratio: the highest ratio allowed."`
	Numerator   matcherSpec `yaml:"numerator" doc:"ratio: what is counted above the line (you, your)."`
	Denominator matcherSpec `yaml:"denominator" doc:"ratio: what is counted below the line (I, me, my)."`
	Before      matcherSpec `yaml:"before" doc:"precedence: what must come first (a give)."`
	After       matcherSpec `yaml:"after" doc:"precedence: what must not come before it (an ask)."`
}

// matcherSpec is a set of phrases and patterns matched together.
type matcherSpec struct {
	Phrases  []phrase  `yaml:"phrases" doc:"Literal phrases, matched case-insensitively as whole words."`
	Patterns []pattern `yaml:"patterns" doc:"Go regular expressions, matched case-insensitively as whole words."`
}

func (m matcherSpec) empty() bool { return len(m.Phrases) == 0 && len(m.Patterns) == 0 }

// Error is a problem in a configuration file, with where it was found.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem is the file as a whole
	Col  int // 1-based, in characters
	Msg  string
}

// Error formats the problem as "path:line:col: msg" (or "path: msg").
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// levels are the values a severity takes in a config file.
var levels = []string{"off", "hint", "info", "warning", "error"}

// level is a severity or "off"; "" means not set.
type level string

func (l *level) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a severity")
	if !ok {
		return
	}
	if !contains(levels, s) {
		d.errorf(n, "bad severity %q (want off, hint, info, warning or error)", s)
		return
	}
	*l = level(s)
}

func (level) jsonSchema(*schemaGen) map[string]any { return map[string]any{"$ref": "#/$defs/level"} }

// severity returns the lint severity and whether the rule is off.
func (l level) severity() (sev lint.Severity, off bool) {
	if l == "off" {
		return 0, true
	}
	if l == "" {
		return 0, false
	}
	s, _ := lint.ParseSeverity(string(l))
	return s, false
}

// glob is a doublestar pattern relative to the config file's folder.
type glob string

func (g *glob) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a glob")
	if !ok {
		return
	}
	if strings.TrimSpace(s) == "" || !doublestar.ValidatePattern(normGlob(s)) {
		d.errorf(n, "bad glob %q", s)
		return
	}
	*g = glob(s)
}

func (glob) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "string", "minLength": 1}
}

// pattern is a Go regular expression.
type pattern string

func (p *pattern) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a regular expression")
	if !ok {
		return
	}
	if _, err := regexp.Compile(s); err != nil {
		msg := err.Error()
		if se, ok := err.(*syntax.Error); ok {
			msg = se.Code.String()
		}
		d.errorf(n, "bad regular expression %q: %s", s, msg)
		return
	}
	if s == "" || regexp.MustCompile(s).MatchString("") {
		d.errorf(n, "regular expression %q matches empty text", s)
		return
	}
	*p = pattern(s)
}

func (pattern) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "string", "format": "regex", "minLength": 1}
}

// phrase is a literal cue or match phrase.
type phrase string

func (p *phrase) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a phrase")
	if !ok {
		return
	}
	if strings.TrimSpace(s) == "" {
		d.errorf(n, "empty phrase")
		return
	}
	*p = phrase(strings.TrimSpace(s))
}

func (phrase) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "string", "pattern": `\S`}
}

// extension is a file extension, stored with its dot and lower-cased.
type extension string

func (e *extension) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a file extension")
	if !ok {
		return
	}
	x := strings.ToLower(strings.TrimSpace(s))
	if !strings.HasPrefix(x, ".") {
		x = "." + x
	}
	if len(x) < 2 || strings.ContainsAny(x[1:], `./\ *?[]`) {
		d.errorf(n, "bad extension %q (want a file extension such as .tpl)", s)
		return
	}
	*e = extension(x)
}

func (extension) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "string", "pattern": `^\.?[^./\\ *?\[\]]+$`}
}

// kindName is a message kind.
type kindName lint.Kind

func (k *kindName) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a kind")
	if !ok {
		return
	}
	kind, err := lint.ParseKind(s)
	if err != nil {
		names := make([]string, len(lint.Kinds))
		for i, k := range lint.Kinds {
			names[i] = string(k)
		}
		d.errorf(n, "unknown kind %q%s", s, lint.DidYouMean(strings.ToLower(s), names))
		return
	}
	*k = kindName(kind)
}

func (kindName) jsonSchema(*schemaGen) map[string]any { return map[string]any{"$ref": "#/$defs/kind"} }

// scopeName is where an occurrence rule counts.
type scopeName string

func (s *scopeName) decodeNode(d *decoder, n *yaml.Node, path string) {
	v, ok := d.scalar(n, path, "a scope")
	if !ok {
		return
	}
	if v != "document" && v != "sentence" {
		d.errorf(n, "unknown scope %q%s", v, lint.DidYouMean(v, []string{"document", "sentence"}))
		return
	}
	*s = scopeName(v)
}

func (scopeName) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"enum": []string{"document", "sentence"}}
}

// customTypes are the kinds of declarative rule, in documentation order.
var customTypes = []string{"existence", "substitution", "occurrence", "ratio", "precedence", "required"}

// customType is a custom rule's type.
type customType string

func (t *customType) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a rule type")
	if !ok {
		return
	}
	if !contains(customTypes, s) {
		d.errorf(n, "unknown custom rule type %q%s", s, lint.DidYouMean(s, customTypes))
		return
	}
	*t = customType(s)
}

func (customType) jsonSchema(*schemaGen) map[string]any { return map[string]any{"enum": customTypes} }

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// customID is a custom rule's ID.
type customID string

func (c *customID) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a rule ID")
	if !ok {
		return
	}
	if !kebab.MatchString(s) {
		d.errorf(n, "custom rule id %q must be kebab-case, like %q", s, toKebab(s))
		return
	}
	*c = customID(s)
}

func (customID) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "string", "pattern": kebab.String()}
}

// toKebab suggests a kebab-case spelling of s.
func toKebab(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-rule"
	}
	return b.String()
}

// message is a custom rule's message template.
type message string

func (m *message) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.scalar(n, path, "a message")
	if !ok {
		return
	}
	if strings.TrimSpace(s) == "" {
		d.errorf(n, "empty message")
		return
	}
	*m = message(s)
}

func (message) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "string", "minLength": 1}
}

// extendsList is the presets and files a config starts from: one name or a
// list of them.
type extendsList []extendsEntry

type extendsEntry struct {
	name string
	node *yaml.Node
}

func (e *extendsList) decodeNode(d *decoder, n *yaml.Node, path string) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	for _, it := range items {
		if s, ok := d.scalar(it, path, "a preset or a file"); ok {
			*e = append(*e, extendsEntry{s, it})
		}
	}
}

func (extendsList) jsonSchema(*schemaGen) map[string]any {
	one := map[string]any{"anyOf": []any{
		map[string]any{"enum": presetNames},
		map[string]any{"type": "string", "pattern": `\.ya?ml$`},
	}}
	return map[string]any{"anyOf": []any{one, map[string]any{"type": "array", "items": one}}}
}

// kindMap is the ordered kinds: mapping.
type kindMap []kindEntry

type kindEntry struct {
	glob glob
	kind lint.Kind
}

func (k *kindMap) decodeNode(d *decoder, n *yaml.Node, path string) {
	for _, kv := range d.mapping(n, path) {
		var e kindEntry
		var kn kindName
		e.glob.decodeNode(d, kv.key, path)
		kn.decodeNode(d, kv.value, path+"."+kv.key.Value)
		if e.glob != "" && kn != "" {
			e.kind = lint.Kind(kn)
			*k = append(*k, e)
		}
	}
}

func (kindMap) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "object", "additionalProperties": map[string]any{"$ref": "#/$defs/kind"}}
}

// swapMap is the ordered phrase → replacement mapping of a substitution.
type swapMap []swapEntry

type swapEntry struct {
	from phrase
	to   string
}

func (s *swapMap) decodeNode(d *decoder, n *yaml.Node, path string) {
	for _, kv := range d.mapping(n, path) {
		var e swapEntry
		e.from.decodeNode(d, kv.key, path)
		to, ok := d.scalar(kv.value, path+"."+kv.key.Value, "a replacement")
		if e.from != "" && ok {
			e.to = to
			*s = append(*s, e)
		}
	}
}

func (swapMap) jsonSchema(*schemaGen) map[string]any {
	return map[string]any{"type": "object", "minProperties": 1, "additionalProperties": map[string]any{"type": "string"}}
}

// ruleMap keeps the rules: entries undecoded: what a value may hold
// depends on the rule it names, and custom rules may be defined below it.
type ruleMap []ruleEntry

type ruleEntry struct {
	id         string
	key, value *yaml.Node
}

func (r *ruleMap) decodeNode(d *decoder, n *yaml.Node, path string) {
	for _, kv := range d.mapping(n, path) {
		*r = append(*r, ruleEntry{id: kv.key.Value, key: kv.key, value: kv.value})
	}
}

func (ruleMap) jsonSchema(g *schemaGen) map[string]any { return g.rulesSchema() }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
