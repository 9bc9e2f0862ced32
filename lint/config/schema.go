package config

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/givefirst/givefirst/lint"
	"github.com/givefirst/givefirst/rules"
)

//go:generate go test -run TestSchemaUpToDate -update .

// SchemaURL is where the committed schema (docs/schema/givefirst.schema.json)
// is published; the starter file points editors at it.
const SchemaURL = "https://raw.githubusercontent.com/givefirst/givefirst/main/docs/schema/givefirst.schema.json"

// Schema returns the JSON Schema of a config file, generated from the
// types the decoder fills, with every rule's options typed under rules:.
// A nil rule set means the built-in rules.
func Schema(ruleSet []*lint.Rule) ([]byte, error) {
	if ruleSet == nil {
		ruleSet = rules.All()
	}
	g := &schemaGen{rs: newRuleSet(ruleSet)}
	s := g.of(reflect.TypeFor[fileConfig]())
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = SchemaURL
	s["title"] = "givefirst configuration (.givefirst.yaml)"
	s["description"] = "Settings for givefirst, the reciprocity linter for sales outreach. Reference: docs/config.md."
	s["$defs"] = map[string]any{
		"level": map[string]any{"enum": levels, "description": "off, or the severity to report at."},
		"kind":  map[string]any{"enum": lint.Kinds},
		"customRuleSetting": map[string]any{"anyOf": []any{
			map[string]any{"$ref": "#/$defs/level"},
			optionsObject(nil, true),
		}},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// schemaGen walks the config types. A type with a jsonSchema method
// describes itself; structs become closed objects of their yaml keys.
type schemaGen struct{ rs *ruleSet }

type schemaProvider interface {
	jsonSchema(*schemaGen) map[string]any
}

func (g *schemaGen) of(t reflect.Type) map[string]any {
	if p, ok := reflect.Zero(t).Interface().(schemaProvider); ok {
		return p.jsonSchema(g)
	}
	switch t.Kind() {
	case reflect.Struct:
		return g.object(t)
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.of(t.Elem())}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	}
	return map[string]any{"type": "string"}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	for i := range t.NumField() {
		f := t.Field(i)
		s := g.of(f.Type)
		s["description"] = f.Tag.Get("doc")
		props[f.Tag.Get("yaml")] = s
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

// jsonSchema adds what each type requires and allows to the plain object.
func (customRule) jsonSchema(g *schemaGen) map[string]any {
	s := g.object(reflect.TypeFor[customRule]())
	s["required"] = []string{"id", "type"}
	either := func(a, b string) map[string]any {
		return map[string]any{"anyOf": []any{
			map[string]any{"required": []string{a}},
			map[string]any{"required": []string{b}},
		}}
	}
	needs := map[string][]any{
		"existence":    {either("phrases", "patterns")},
		"required":     {either("phrases", "patterns")},
		"occurrence":   {either("phrases", "patterns"), either("min", "max")},
		"substitution": {map[string]any{"required": []string{"swap"}}},
		"ratio":        {map[string]any{"required": []string{"numerator", "denominator"}}, either("min", "max")},
		"precedence":   {map[string]any{"required": []string{"before", "after"}}},
	}
	var all []any
	for _, typ := range customTypes {
		keys := append(slices.Clone(customCommon), customKeys[typ]...)
		then := append([]any{map[string]any{"propertyNames": map[string]any{"enum": keys}}}, needs[typ]...)
		all = append(all, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"type": map[string]any{"const": typ}}, "required": []string{"type"}},
			"then": map[string]any{"allOf": then},
		})
	}
	s["allOf"] = all
	return s
}

// rulesSchema types each built-in rule's entry by its options. Other keys
// are custom rules, which take a severity only.
func (g *schemaGen) rulesSchema() map[string]any {
	props := map[string]any{}
	for _, r := range g.rs.builtin {
		props[r.ID] = map[string]any{
			"description": r.Summary,
			"anyOf":       []any{map[string]any{"$ref": "#/$defs/level"}, optionsObject(r.Options, true)},
		}
	}
	for name, a := range g.rs.analyzers {
		s := optionsObject(a.Options, false)
		s["description"] = firstLine(a.Doc)
		props[name] = s
	}
	props[lint.UnusedSuppression] = map[string]any{
		"description": "Suppression comments that suppress nothing, name an unknown rule or are misspelt (hint by default).",
		"$ref":        "#/$defs/customRuleSetting",
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": map[string]any{"$ref": "#/$defs/customRuleSetting"}}
}

// optionsObject is the mapping form of a rules: entry.
func optionsObject(opts []lint.Option, severity bool) map[string]any {
	props := map[string]any{}
	if severity {
		props["severity"] = map[string]any{"$ref": "#/$defs/level"}
	}
	for _, o := range opts {
		var s map[string]any
		switch o.Default.(type) {
		case bool:
			s = map[string]any{"type": "boolean"}
		case int:
			s = map[string]any{"type": "integer"}
		case float64:
			s = map[string]any{"type": "number"}
		case []string:
			s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
		default:
			s = map[string]any{"type": "string"}
		}
		s["description"] = o.Doc
		s["default"] = o.Default
		props[o.Name] = s
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
