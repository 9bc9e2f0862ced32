package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// found lists the placeholders of text as written, control ones marked "!".
func found(text string, extra []placeholderPattern) []string {
	var out []string
	for _, p := range findPlaceholders([]byte(text), extra) {
		s := text[p.Span.Start:p.Span.End]
		if p.Control {
			s = "!" + s
		}
		out = append(out, s)
	}
	return out
}

func TestFindPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"liquid", "Hi {{first_name}}!", []string{"{{first_name}}"}},
		{"liquid with spaces and a filter", "Hi {{ first_name | default: 'there' }},", []string{"{{ first_name | default: 'there' }}"}},
		{"triple braces", "See {{{signature_html}}} below", []string{"{{{signature_html}}}"}},
		{"liquid tags are control", "{% if company %}at {{company}}{% endif %}", []string{"!{% if company %}", "{{company}}", "!{% endif %}"}},
		{"handlebars blocks are control", "{{#each items}}{{name}}{{/each}}", []string{"!{{#each items}}", "{{name}}", "!{{/each}}"}},
		{"handlebars else and inverted", "{{^pro}}free{{else}}paid{{~ else if x}}", []string{"!{{^pro}}", "!{{else}}", "!{{~ else if x}}"}},
		{"mustache comment is control", "{{! internal note }}Hello", []string{"!{{! internal note }}"}},
		{"single braces", "Hi {first_name}, about {Company.Name}", []string{"{first_name}", "{Company.Name}"}},
		{"brackets", "Hi [First Name], how is [your company] doing?", []string{"[First Name]", "[your company]"}},
		{"percent", "Hi %FIRSTNAME%, re %company_name%", []string{"%FIRSTNAME%", "%company_name%"}},
		{"mailchimp", "Hi *|FNAME|*, re *|MC:SUBJECT|*", []string{"*|FNAME|*", "*|MC:SUBJECT|*"}},
		{"dollar braces", "Hi ${name}, at ${ account.name }", []string{"${name}", "${ account.name }"}},
		{"salesforce", "Hi {!Contact.FirstName},", []string{"{!Contact.FirstName}"}},
		{"adjacent", "{{a}}{{b}}", []string{"{{a}}", "{{b}}"}},
		{"placeholder over one line break", "{{first\nname}}", []string{"{{first\nname}}"}},

		{"percentages", "40% more replies and 50% fewer bounces", nil},
		{"percent word run too short", "%A% off", nil},
		{"footnotes", "as shown [1] and [2]", nil},
		{"markdown link", "read [the guide](https://acme.io/guide)", nil},
		{"markdown reference link", "read [the guide][1] or [x]", nil},
		{"image", "![logo](logo.png) and ![alt text]", nil},
		{"reference definition", "[guide]: https://acme.io", nil},
		{"checkbox", "- [x] done\n- [ ] todo", nil},
		{"bracket with punctuation", "[see above!] [a, b]", nil},
		{"json", `{"plan": "pro", "seats": 5} and { "a": [1, 2] }`, nil},
		{"code braces", "func main() { return 1 }", nil},
		{"single brace with spaces", "{First Name}", nil},
		{"unclosed", "{{first_name and more text", nil},
		{"across a paragraph", "{{first\n\nname}}", nil},
		{"unclosed mailchimp", "*|FNAME and *| |*", nil},
		{"star alone", "*bold* and 5 * 3", nil},
		{"dollar amounts", "$900 or ${ unclosed", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, found(tt.text, nil))
		})
	}
}

func TestFindPlaceholdersExtraPatterns(t *testing.T) {
	extra, err := compilePlaceholders([]string{`<<[a-z_]+>>`, `\{\{[a-z]+\}\}`})
	require.NoError(t, err)
	// The second pattern overlaps the built-in {{x}}: the earlier one wins
	// and results stay sorted.
	assert.Equal(t, []string{"<<first_name>>", "{{company}}", "<<sender>>"},
		found("Hi <<first_name>> at {{company}}, <<sender>>", extra))

	// White space a pattern matches around the field is not part of it.
	extra, err = compilePlaceholders([]string{`\s*<<\w+>>\s*`, `\s+`})
	require.NoError(t, err)
	assert.Equal(t, []string{"<<name>>"}, found("Hi \u00a0<<name>>\n there", extra))

	_, err = compilePlaceholders([]string{`(unclosed`})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `placeholder pattern "(unclosed"`)
}

func TestParsePlaceholderMasks(t *testing.T) {
	doc, err := Parse("a.txt", []byte("Hi {{first_name}},\n\nI saw {{company}}'s launch.\n\nBest,\n{{sender_name}}\n"), ParseOptions{})
	require.NoError(t, err)
	var got []string
	for _, p := range doc.Placeholders {
		got = append(got, string(doc.Source[p.Span.Start:p.Span.End]))
	}
	// The greeting's and the signature's fields are not prose.
	assert.Equal(t, []string{"{{company}}"}, got)
}

func TestParseBadPlaceholderPattern(t *testing.T) {
	_, err := Parse("a.txt", []byte("Hi"), ParseOptions{Placeholders: []string{"[a-"}})
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 0, pe.Line)
	assert.Contains(t, err.Error(), "a.txt: placeholder pattern")
}

func FuzzFindPlaceholders(f *testing.F) {
	for _, s := range []string{"Hi {{first_name}}, [First Name] %FN% *|FNAME|* ${x} {!C.F} {% if %}", "40% and 50%", "[x](y) [1]", `{"a":1}`, "{{a\n\nb}}"} {
		f.Add(s)
	}
	extra, err := compilePlaceholders([]string{`<<\w+>>`})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string) {
		for _, ex := range [][]placeholderPattern{nil, extra} {
			last := 0
			for _, p := range findPlaceholders([]byte(text), ex) {
				if p.Span.Start < last || p.Span.End <= p.Span.Start || p.Span.End > len(text) {
					t.Fatalf("placeholder %v after offset %d in %d bytes", p.Span, last, len(text))
				}
				last = p.Span.End
			}
		}
	})
}
