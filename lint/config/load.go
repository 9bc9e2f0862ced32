package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/givefirst/givefirst/lint"
)

// ruleSet indexes the rules a config is checked against.
type ruleSet struct {
	builtin   []*lint.Rule
	rules     map[string]*lint.Rule
	analyzers map[string]*lint.Analyzer
}

func newRuleSet(rs []*lint.Rule) *ruleSet {
	s := &ruleSet{builtin: rs, rules: map[string]*lint.Rule{}, analyzers: map[string]*lint.Analyzer{}}
	var visit func(a *lint.Analyzer)
	visit = func(a *lint.Analyzer) {
		if s.analyzers[a.Name] == nil {
			s.analyzers[a.Name] = a
			for _, r := range a.Requires {
				visit(r)
			}
		}
	}
	for _, r := range rs {
		s.rules[r.ID] = r
		for _, a := range r.Requires {
			visit(a)
		}
	}
	return s
}

// options returns what the rule or analyzer id declares, and how messages
// name it.
func (s *ruleSet) options(id string) ([]lint.Option, string) {
	if a := s.analyzers[id]; a != nil {
		return a.Options, "analyzer " + id
	}
	if r := s.rules[id]; r != nil {
		return r.Options, "rule " + id
	}
	return nil, "rule " + id
}

// cueTarget is the option a cues: list feeds.
type cueTarget struct{ owner, option string }

// cueTargets maps each cues: list (by key path) to the option it extends.
var cueTargets = map[string]cueTarget{
	"gives":      {"ledger", "extra_gives"},
	"asks.micro": {"ledger", "extra_asks_micro"},
	"asks.small": {"ledger", "extra_asks_small"},
	"asks.large": {"ledger", "extra_asks_large"},
	"pitch":      {"ledger", "extra_pitch"},
	"pushy":      {"pushy-pressure", "extra_cues"},
	"cliche":     {"cliche-opener", "extra_cues"},
}

func (c cues) lists() map[string][]phrase {
	return map[string][]phrase{
		"gives": c.Gives, "asks.micro": c.Asks.Micro, "asks.small": c.Asks.Small, "asks.large": c.Asks.Large,
		"pitch": c.Pitch, "pushy": c.Pushy, "cliche": c.Cliche,
	}
}

// normCue writes a cue the way token Norms are: lower case, straight
// apostrophes, single spaces.
func normCue(p phrase) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(string(p)), "’", "'")), " ")
}

// config is the merged result of a config file and everything it extends.
type config struct {
	path         string // the file; "" for the built-in defaults
	root         string // its folder
	levels       map[string]level
	options      map[string]map[string]any
	cues         map[string][]string // by cues: key path
	kinds        []kindRule          // the first match wins
	ignore       []globRule
	placeholders []string
	extensions   []string
	custom       []*lint.Rule
	customAt     map[string]string // custom rule ID → where it was defined
}

func newConfig(path string) *config {
	c := &config{path: path, levels: map[string]level{}, options: map[string]map[string]any{},
		cues: map[string][]string{}, customAt: map[string]string{}}
	if path != "" {
		c.root = filepath.Dir(path)
	}
	return c
}

func (c *config) setOption(id, name string, v any) {
	if c.options[id] == nil {
		c.options[id] = map[string]any{}
	}
	c.options[id][name] = v
}

// merge lays o (an extended file, so a later layer) over c.
func (c *config) merge(o *config) {
	maps.Copy(c.levels, o.levels)
	for id, opts := range o.options {
		for k, v := range opts {
			c.setOption(id, k, v)
		}
	}
	for k, l := range o.cues {
		c.cues[k] = append(c.cues[k], l...)
	}
	c.kinds = append(slices.Clone(o.kinds), c.kinds...)
	c.ignore = append(c.ignore, o.ignore...)
	c.placeholders = appendNew(c.placeholders, o.placeholders...)
	c.extensions = appendNew(c.extensions, o.extensions...)
	c.custom = append(c.custom, o.custom...)
	maps.Copy(c.customAt, o.customAt)
}

func appendNew(list []string, items ...string) []string {
	for _, s := range items {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// applyPreset sets every built-in rule's level as the preset says.
func (c *config) applyPreset(name string, rs *ruleSet) {
	for _, r := range rs.builtin {
		c.levels[r.ID] = presetLevel(name, r)
	}
}

// settings turns the merged config into linter settings and the severity
// of unused-suppression reports (0 for off).
func (c *config) settings() (lint.Settings, lint.Severity) {
	s := lint.Settings{Rules: map[string]lint.RuleSettings{}}
	unused := lint.Hint
	for id, l := range c.levels {
		sev, off := l.severity()
		if id == lint.UnusedSuppression {
			unused = sev
			continue
		}
		rs := s.Rules[id]
		rs.Severity, rs.Disabled = sev, off
		s.Rules[id] = rs
	}
	for id, opts := range c.options {
		rs := s.Rules[id]
		rs.Options = maps.Clone(opts)
		s.Rules[id] = rs
	}
	for _, key := range slices.Sorted(maps.Keys(c.cues)) {
		t := cueTargets[key]
		rs := s.Rules[t.owner]
		if rs.Options == nil {
			rs.Options = map[string]any{}
		}
		have, _ := rs.Options[t.option].([]string)
		rs.Options[t.option] = append(slices.Clone(have), c.cues[key]...)
		s.Rules[t.owner] = rs
	}
	return s, unused
}

// loader reads a config file and the files it extends.
type loader struct {
	rs     *ruleSet
	stamps []stamp // every file read, for change checks
	errs   []*Error
}

// load reads the config at path; from is the extends: entry that named it
// (nil for the top file). Problems land in ld.errs.
func (ld *loader) load(path string, stack []string, from *yaml.Node, fromFile string) *config {
	ld.stamps = append(ld.stamps, statStamp(path))
	src, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		if from != nil {
			ld.errs = append(ld.errs, &Error{File: fromFile, Line: from.Line, Col: from.Column, Msg: fmt.Sprintf("extends %q: %s", from.Value, msg)})
		} else {
			ld.errs = append(ld.errs, &Error{File: path, Msg: msg})
		}
		return nil
	}
	return ld.parse(path, src, stack)
}

// parse reads one config file's content and everything it extends.
func (ld *loader) parse(path string, src []byte, stack []string) *config {
	f, d := parseFile(path, src)
	c := newConfig(path)
	for _, e := range f.Extends {
		if slices.Contains(presetNames, e.name) {
			c.applyPreset(e.name, ld.rs)
			continue
		}
		if ext := filepath.Ext(e.name); ext != ".yaml" && ext != ".yml" {
			d.errorf(e.node, "unknown preset %q%s (a file to extend must end in .yaml or .yml)", e.name, lint.DidYouMean(e.name, presetNames))
			continue
		}
		target := e.name
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		chain := append(slices.Clone(stack), path)
		if i := slices.Index(chain, target); i >= 0 {
			names := make([]string, 0, len(chain)-i+1)
			for _, p := range append(chain[i:], target) {
				names = append(names, filepath.Base(p))
			}
			d.errorf(e.node, "extends cycle: %s", strings.Join(names, " → "))
			continue
		}
		if base := ld.load(target, chain, e.node, path); base != nil {
			for _, r := range base.custom {
				if at, ok := c.customAt[r.ID]; ok {
					d.errorf(e.node, "custom rule %q from %s is already defined at %s", r.ID, filepath.Base(target), at)
				}
			}
			c.merge(base)
		}
	}
	ld.apply(c, f, d)
	ld.errs = append(ld.errs, d.errs...)
	return c
}

// apply lays the file's own settings over what it extends.
func (ld *loader) apply(c *config, f *fileConfig, d *decoder) {
	builtin := slices.Collect(maps.Keys(ld.rs.rules))
	for i := range f.Custom {
		path := fmt.Sprintf("custom[%d]", i)
		r := buildCustom(d, path, &f.Custom[i])
		if r == nil {
			continue
		}
		idNode := d.at[path+".id"].value
		at := fmt.Sprintf("%s:%d:%d", d.file, idNode.Line, idNode.Column)
		switch {
		case ld.rs.rules[r.ID] != nil || ld.rs.analyzers[r.ID] != nil || r.ID == lint.UnusedSuppression:
			d.errorf(idNode, "custom rule id %q clashes with a built-in rule", r.ID)
		case c.customAt[r.ID] != "":
			first := c.customAt[r.ID]
			if strings.HasPrefix(first, d.file+":") {
				first = "line " + strings.Split(strings.TrimPrefix(first, d.file+":"), ":")[0]
			}
			d.errorf(idNode, "duplicate custom rule id %q (first defined at %s)", r.ID, first)
		default:
			c.customAt[r.ID] = at
			c.custom = append(c.custom, r)
			if f.Custom[i].Severity == "off" {
				c.levels[r.ID] = "off"
			}
		}
	}

	known := append(builtin, lint.UnusedSuppression)
	known = append(known, slices.Collect(maps.Keys(ld.rs.analyzers))...)
	known = append(known, slices.Collect(maps.Keys(c.customAt))...)
	slices.Sort(known)
	for _, e := range f.Rules {
		if !slices.Contains(known, e.id) {
			d.errorf(e.key, "unknown rule %q%s", e.id, lint.DidYouMean(e.id, known))
			continue
		}
		ld.ruleValue(c, d, e)
	}

	own := make([]kindRule, 0, len(f.Kinds))
	for _, k := range f.Kinds {
		own = append(own, kindRule{globRule{c.root, normGlob(string(k.glob))}, k.kind})
	}
	c.kinds = append(own, c.kinds...)
	for _, g := range f.Ignore {
		if g != "" {
			c.ignore = append(c.ignore, globRule{c.root, normGlob(string(g))})
		}
	}
	for _, p := range f.Placeholders {
		if p != "" {
			c.placeholders = appendNew(c.placeholders, string(p))
		}
	}
	for _, e := range f.Extensions {
		if e != "" {
			c.extensions = appendNew(c.extensions, string(e))
		}
	}

	lists := f.Cues.lists()
	for _, key := range slices.Sorted(maps.Keys(lists)) {
		if len(lists[key]) == 0 {
			continue
		}
		t := cueTargets[key]
		decl, owner := ld.rs.options(t.owner)
		if !slices.ContainsFunc(decl, func(o lint.Option) bool { return o.Name == t.option }) {
			d.errorf(d.at["cues."+key].key, "cues.%s needs %s with option %s, which this build does not have", key, owner, t.option)
			continue
		}
		for _, p := range lists[key] {
			if p != "" {
				c.cues[key] = append(c.cues[key], normCue(p))
			}
		}
	}
}

// ruleValue reads one rules: entry: a level, or a mapping with severity and
// the rule's options.
func (ld *loader) ruleValue(c *config, d *decoder, e ruleEntry) {
	v := resolve(e.value)
	_, isAnalyzer := ld.rs.analyzers[e.id]
	decl, owner := ld.rs.options(e.id)
	path := "rules." + e.id
	switch {
	case isNull(v):
		d.errorf(v, "%s: want a severity or a mapping of options, got nothing", path)
	case v.Kind == yaml.ScalarNode:
		if isAnalyzer {
			d.errorf(v, "%s is an analyzer: it takes options, not a severity", e.id)
			return
		}
		var l level
		l.decodeNode(d, v, path)
		if l != "" {
			c.levels[e.id] = l
		}
	case v.Kind == yaml.MappingNode:
		names := make([]string, 0, len(decl)+1)
		if !isAnalyzer {
			names = append(names, "severity")
		}
		for _, o := range decl {
			names = append(names, o.Name)
		}
		for _, kv := range d.mapping(v, path) {
			name := kv.key.Value
			if name == "severity" && !isAnalyzer {
				var l level
				l.decodeNode(d, kv.value, path+".severity")
				if l != "" {
					c.levels[e.id] = l
				}
				continue
			}
			i := slices.IndexFunc(decl, func(o lint.Option) bool { return o.Name == name })
			if i < 0 {
				d.errorf(kv.key, "unknown option %q for %s%s", name, owner, lint.DidYouMean(name, names))
				continue
			}
			if val, ok := optionValue(d, kv.value, decl[i], owner); ok {
				c.setOption(e.id, name, val)
			}
		}
	default:
		d.errorf(v, "%s: want a severity or a mapping of options, got %s", path, describe(v))
	}
}

// optionValue reads a rule option's value as the option's declared type.
func optionValue(d *decoder, n *yaml.Node, o lint.Option, owner string) (any, bool) {
	n = resolve(n)
	tag := n.ShortTag()
	scalar := n.Kind == yaml.ScalarNode && tag != "!!null"
	var want string
	switch o.Default.(type) {
	case bool:
		var b bool
		if scalar && tag == "!!bool" && n.Decode(&b) == nil {
			return b, true
		}
		want = "true or false"
	case int:
		var f float64
		if scalar && (tag == "!!int" || tag == "!!float") && n.Decode(&f) == nil && f == float64(int(f)) {
			return int(f), true
		}
		want = "a whole number"
	case float64:
		var f float64
		if scalar && (tag == "!!int" || tag == "!!float") && n.Decode(&f) == nil {
			return f, true
		}
		want = "a number"
	case string:
		if scalar {
			return n.Value, true
		}
		want = "a string"
	case []string:
		if isNull(n) {
			return []string{}, true
		}
		if n.Kind == yaml.SequenceNode {
			out := make([]string, 0, len(n.Content))
			for _, c := range n.Content {
				c = resolve(c)
				if c.Kind != yaml.ScalarNode || isNull(c) {
					d.errorf(c, "option %s of %s: want a list of strings, got %s in the list", o.Name, owner, describe(c))
					return nil, false
				}
				out = append(out, c.Value)
			}
			return out, true
		}
		want = "a list of strings"
	}
	d.errorf(n, "option %s of %s: want %s, got %s", o.Name, owner, want, describe(n))
	return nil, false
}
