package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// adaptWithFrontMatter handles the formats that may open with YAML front
// matter (text, Markdown, HTML): the block is parsed into Meta and blanked
// before the format adapter sees the bytes, so offsets never move.
func adaptWithFrontMatter(src []byte, format Format, extra []placeholderPattern) (*adapted, error) {
	text := bytes.Clone(src)
	var pre []Mask
	if bytes.HasPrefix(text, bom) {
		blank(text, Span{0, len(bom)})
		pre = append(pre, Mask{Span{0, len(bom)}, MaskMarkup})
	}
	meta, kind, kindOffset, fmEnd, err := parseFrontMatter(text)
	if err != nil {
		return nil, err
	}
	if fmEnd > 0 {
		blank(text, Span{0, fmEnd})
		pre = append(pre, Mask{Span{0, fmEnd}, MaskFrontMatter})
	}
	var ad *adapted
	switch format {
	case FormatMarkdown:
		if ad, err = adaptMarkdown(text, extra); err != nil {
			return nil, err
		}
	case FormatHTML:
		ad = adaptHTML(text)
		pre = nil // the HTML text has its own offsets; the blanked bytes simply vanish
	default:
		ad = adaptText(text)
	}
	ad.masks = append(pre, ad.masks...)
	ad.meta, ad.kind, ad.kindOffset = meta, kind, kindOffset
	return ad, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseFrontMatter reads a leading "---" YAML block closed by "---" or
// "...". It returns where the block ends (0 when there is none). A block
// that does not close is not front matter: a plain email may start with a
// rule of dashes.
func parseFrontMatter(text []byte) (meta Meta, kind string, kindOffset, end int, err error) {
	start := 0
	for start < len(text) && text[start] == ' ' { // a blanked BOM
		start++
	}
	if !bytes.HasPrefix(text[start:], []byte("---\n")) && !bytes.HasPrefix(text[start:], []byte("---\r\n")) {
		return meta, "", 0, 0, nil
	}
	bodyStart := start + bytes.IndexByte(text[start:], '\n') + 1
	lines := NewLineIndex(text)
	closeAt := -1
	for off := bodyStart; off < len(text); {
		nl := bytes.IndexByte(text[off:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = off + nl
		}
		l := strings.TrimRight(string(text[off:lineEnd]), "\r \t")
		if l == "---" || l == "..." {
			closeAt = off
			end = lineEnd
			if nl >= 0 {
				end = lineEnd + 1
			}
			break
		}
		if nl < 0 {
			break
		}
		off = lineEnd + 1
	}
	if closeAt < 0 {
		return meta, "", 0, 0, nil
	}
	firstLine := lines.Position(bodyStart).Line // zero-based line of the YAML's first line
	atLine := func(yamlLine, col int) int {     // yaml.v3 lines and columns are 1-based
		return lines.Offset(firstLine+yamlLine-1, max(0, col-1), Runes)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(text[bodyStart:closeAt], &root); err != nil {
		off := bodyStart
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			off = atLine(n, 1)
		}
		msg := strings.TrimPrefix(yamlLine.ReplaceAllString(err.Error(), ""), "yaml: ")
		msg = strings.TrimLeft(msg, ": ")
		return meta, "", 0, 0, &offsetError{off, fmt.Errorf("front matter: %s", msg)}
	}
	if len(root.Content) == 0 { // empty block
		return meta, "", 0, end, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return meta, "", 0, 0, &offsetError{atLine(m.Line, m.Column), fmt.Errorf("front matter: want a mapping of fields, got %s", nodeKind(m))}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			continue // lists and maps belong to other tools
		}
		if meta.Fields == nil {
			meta.Fields = map[string]string{}
		}
		meta.Fields[k.Value] = v.Value
		switch strings.ToLower(k.Value) {
		case "kind":
			kind, kindOffset = v.Value, atLine(v.Line, v.Column)
		case "subject":
			meta.Subject, meta.HasSubject = v.Value, true
			s := atLine(v.Line, v.Column)
			meta.SubjectSpan = Span{s, lines.LineSpan(lines.Position(s).Line).End}
		case "step":
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < 1 {
				return meta, "", 0, 0, &offsetError{atLine(v.Line, v.Column), fmt.Errorf("front matter: step: want a whole number from 1, got %q", v.Value)}
			}
			meta.Step = n
		case "sequence":
			meta.Sequence = v.Value
		case "stage":
			meta.Stage = strings.ToLower(v.Value)
		case "mode":
			meta.Mode = strings.ToLower(v.Value)
		}
	}
	return meta, kind, kindOffset, end, nil
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	}
	return "something else"
}
