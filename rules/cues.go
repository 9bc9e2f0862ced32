package rules

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// cueFiles holds the phrase lists rules read. They are data, not code, so
// a team can see and extend them (through the config's cues: key).
//
//go:embed cues/*.yaml
var cueFiles embed.FS

// loadCues decodes cues/<name>.yaml into v. The files ship with the
// binary, so a failure is a build mistake and panics at first use, which
// tests catch.
func loadCues(name string, v any) {
	b, err := cueFiles.ReadFile("cues/" + name + ".yaml")
	if err != nil {
		panic(fmt.Sprintf("rules: missing cue file %s: %v", name, err))
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		panic(fmt.Sprintf("rules: cue file %s: %v", name, err))
	}
}

// mustMatcher compiles phrase lists into one matcher, each list tagged
// with its data.
func mustMatcher(lists ...taggedList) *matcher {
	m := newMatcher()
	for _, l := range lists {
		if err := m.addAll(l.phrases, l.data); err != nil {
			panic(fmt.Sprintf("rules: %v", err))
		}
	}
	return m
}

type taggedList struct {
	phrases []string
	data    any
}

func list(data any, phrases []string) taggedList { return taggedList{phrases, data} }

// wordSet turns a word list into a set.
func wordSet(words []string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[strings.ToLower(w)] = true
	}
	return s
}

// cached builds a value once per distinct key: rules compile user cues from
// their options, and options differ only between config files.
type cached[T any] struct {
	mu sync.Mutex
	m  map[string]T
}

func (c *cached[T]) get(key string, build func() (T, error)) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[key]; ok {
		return v, nil
	}
	v, err := build()
	if err != nil {
		return v, err
	}
	if c.m == nil {
		c.m = map[string]T{}
	}
	c.m[key] = v
	return v, nil
}

// joinKey makes a cache key from a list of user phrases.
func joinKey(l []string) string { return strings.Join(l, "\x00") }
