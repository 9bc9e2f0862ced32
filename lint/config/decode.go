package config

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/givefirst/givefirst/lint"
)

// maxFileBytes bounds a config file: anything larger is a mistake.
const maxFileBytes = 1 << 20

// maxNodes bounds the values a file may expand to through YAML aliases,
// so a small file cannot make the decoder walk billions of nodes.
const maxNodes = 100_000

// decoder fills the config types from a YAML node tree, collecting every
// problem with its position instead of stopping at the first.
type decoder struct {
	file   string
	errs   []*Error
	at     map[string]keyValue // every key and list item read, by path: "cues.pushy", "custom[2]", "custom[2].swap"
	budget int
}

// nodeDecoder is a type that reads (and checks) itself.
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, path string)
}

type keyValue struct{ key, value *yaml.Node }

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// parseFile decodes a config file. The decoder holds the problems found
// and the position of every key.
func parseFile(path string, src []byte) (*fileConfig, *decoder) {
	d := &decoder{file: path, at: map[string]keyValue{}, budget: maxNodes}
	f := &fileConfig{}
	if len(src) > maxFileBytes {
		d.errs = append(d.errs, &Error{File: path, Msg: fmt.Sprintf("file too large: %d bytes, the limit is %d", len(src), maxFileBytes)})
		return f, d
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		e := &Error{File: path, Line: 1, Col: 1, Msg: err.Error()}
		if m := yamlLine.FindStringSubmatch(e.Msg); m != nil {
			e.Msg = e.Msg[len(m[0]):]
			if m[1] != "" {
				e.Line, _ = strconv.Atoi(m[1])
				if parserProblem(e.Msg) {
					e.Line++
				}
			}
		}
		d.errs = append(d.errs, e)
		return f, d
	}
	if len(root.Content) == 0 { // empty, or only comments
		return f, d
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode && !isNull(top) {
		d.errorf(top, "want a mapping of settings, got %s", describe(top))
		return f, d
	}
	d.decode(top, reflect.ValueOf(f).Elem(), "")
	return f, d
}

// parserProblem reports whether yaml.v3 raised msg as a parser (not a
// scanner) error: those carry a zero-based line number.
func parserProblem(msg string) bool {
	for _, p := range []string{"did not find expected", "found duplicate %", "found incompatible YAML", "found undefined tag"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// spend counts one visited node against the budget.
func (d *decoder) spend(n *yaml.Node) bool {
	d.budget--
	if d.budget == 0 {
		d.errorf(n, "too many values: aliases expand to more than %d", maxNodes)
	}
	return d.budget > 0
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// decode fills v from n. A null value leaves v unset.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if !d.spend(n) {
		return
	}
	n = resolve(n)
	if isNull(n) {
		return
	}
	if u, ok := v.Addr().Interface().(nodeDecoder); ok {
		u.decodeNode(d, n, path)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "%swant a list, got %s", prefix(path), describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), 0, len(n.Content))
		for i, c := range n.Content {
			e := reflect.New(v.Type().Elem()).Elem()
			ip := fmt.Sprintf("%s[%d]", path, i)
			d.at[ip] = keyValue{value: c}
			d.decode(c, e, ip)
			s = reflect.Append(s, e)
		}
		v.Set(s)
	case reflect.String:
		if s, ok := d.scalar(n, path, "a string"); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
			d.errorf(n, "%swant true or false, got %s", prefix(path), describe(n))
			return
		}
		v.SetBool(b)
	case reflect.Float64:
		var f float64
		if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!float") || n.Decode(&f) != nil {
			d.errorf(n, "%swant a number, got %s", prefix(path), describe(n))
			return
		}
		v.SetFloat(f)
	default:
		panic(fmt.Sprintf("config: no decoder for %s", v.Type()))
	}
}

// decodeStruct fills the fields of v by their yaml tags.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%swant a mapping, got %s", prefix(path), describe(n))
		return
	}
	names := fieldNames(v.Type())
	for _, kv := range d.mapping(n, path) {
		name := kv.key.Value
		i := slices.Index(names, name)
		if i < 0 {
			where := ""
			if path != "" {
				where = " in " + path
			}
			d.errorf(kv.key, "unknown key %q%s%s", name, where, lint.DidYouMean(name, names))
			continue
		}
		kp := join(path, name)
		d.at[kp] = kv
		d.decode(kv.value, v.Field(i), kp)
	}
}

// fieldNames lists a struct's yaml keys by field index.
func fieldNames(t reflect.Type) []string {
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Tag.Get("yaml")
	}
	return out
}

// mapping returns the key/value pairs of a mapping in file order, with
// merge keys (<<: *anchor) expanded and duplicate keys reported.
func (d *decoder) mapping(n *yaml.Node, path string) []keyValue {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%swant a mapping, got %s", prefix(path), describe(n))
		return nil
	}
	var out, merged []keyValue
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if !d.spend(k) {
			return out
		}
		switch {
		case k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge":
			src := resolve(v)
			items := []*yaml.Node{src}
			if src.Kind == yaml.SequenceNode {
				items = src.Content
			}
			for _, it := range items {
				merged = append(merged, d.mapping(it, path)...)
			}
		case k.Kind != yaml.ScalarNode || isNull(k):
			d.errorf(k, "%skeys must be plain strings, got %s", prefix(path), describe(k))
		case seen[k.Value] != nil:
			d.errorf(k, "duplicate key %q (first at line %d)", k.Value, seen[k.Value].Line)
		default:
			seen[k.Value] = k
			out = append(out, keyValue{k, v})
		}
	}
	for _, kv := range merged { // explicit keys win over merged ones
		if seen[kv.key.Value] == nil {
			seen[kv.key.Value] = kv.key
			out = append(out, kv)
		}
	}
	return out
}

// scalar returns a scalar's text, or reports that want was expected.
func (d *decoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorf(n, "%swant %s, got %s", prefix(path), want, describe(n))
		return "", false
	}
	return n.Value, true
}

// describe names what a node holds, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!str":
			return strconv.Quote(n.Value)
		}
		return n.Value
	}
	return "something else"
}

func prefix(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// sortErrors orders problems by file, then position.
func sortErrors(errs []*Error) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}
