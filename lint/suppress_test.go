package lint

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// supWordRule reports every token whose Norm is word.
func supWordRule(id, word string, kinds ...Kind) *Rule {
	return &Rule{ID: id, Severity: Warning, Kinds: kinds, Run: func(p *Pass) error {
		for _, t := range p.Text.Tokens {
			if t.Norm == word {
				p.Reportf(t.Span, "%s", word)
			}
		}
		return nil
	}}
}

func supRules() []*Rule {
	return []*Rule{
		supWordRule("pushy-pressure", "now"),
		supWordRule("i-heavy", "i"),
		supWordRule("voicemail-pitch", "demo", KindVoicemail),
	}
}

// supLint lints src and lists the findings as "line:col rule", with the
// message for unused-suppression hints, in source order.
func supLint(t *testing.T, path, src string, settings Settings, opts ...LinterOption) []string {
	t.Helper()
	l, err := New(supRules(), settings, opts...)
	require.NoError(t, err)
	doc, err := Parse(path, []byte(src), ParseOptions{})
	require.NoError(t, err)
	res, err := l.Lint(context.Background(), doc)
	require.NoError(t, err)
	out := []string{}
	for _, d := range res.Diagnostics {
		p := doc.Position(d.Span.Start)
		s := fmt.Sprintf("%d:%d %s", p.Line+1, p.Column+1, d.Rule)
		if d.Rule == UnusedSuppression {
			s += fmt.Sprintf(" [%s] %s", d.Severity, d.Message)
		}
		out = append(out, s)
	}
	return out
}

func TestSuppressPlainText(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "next line, one rule",
		src: "Hi Sam,\n\n<!-- givefirst-disable-next-line pushy-pressure -->\n" +
			"Reply now and I will send it.\nAct now.\n",
		want: []string{"4:15 i-heavy", "5:5 pushy-pressure"},
	}, {
		name: "next line, two rules separated by a comma",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line pushy-pressure, i-heavy -->\nReply now and I will send it.\n",
		want: []string{},
	}, {
		name: "next line, every rule",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line -->\nReply now and I will send it.\nI mean now.\n",
		want: []string{"5:1 i-heavy", "5:8 pushy-pressure"},
	}, {
		name: "current line, trailing comment",
		src:  "Hi Sam,\n\nReply now and I will send it. <!-- givefirst-disable-line -->\nAct now.\n",
		want: []string{"4:5 pushy-pressure"},
	}, {
		name: "block until enable",
		src: "Hi Sam,\n\nAct now.\n<!-- givefirst-disable pushy-pressure -->\nReply now.\nI said now.\n" +
			"<!-- givefirst-enable pushy-pressure -->\nGo now.\n",
		want: []string{"3:5 pushy-pressure", "6:1 i-heavy", "8:4 pushy-pressure"},
	}, {
		name: "bare enable closes every block",
		src: "Hi Sam,\n\n<!-- givefirst-disable pushy-pressure -->\n<!-- givefirst-disable i-heavy -->\nI act now.\n" +
			"<!-- givefirst-enable -->\nI act now.\n",
		want: []string{"7:1 i-heavy", "7:7 pushy-pressure"},
	}, {
		name: "disable without enable runs to the end",
		src:  "Hi Sam,\n\nAct now.\n<!-- givefirst-disable -->\nI act now.\n\nAnd now.\n",
		want: []string{"3:5 pushy-pressure"},
	}, {
		name: "multi-line comment: next line is after its end",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line\n     pushy-pressure -->\nAct now.\n",
		want: []string{},
	}, {
		name: "unused suppression of a rule",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line i-heavy -->\nAct now.\n",
		want: []string{
			"3:34 unused-suppression [hint] unused givefirst-disable-next-line: no i-heavy diagnostic here to suppress",
			"4:5 pushy-pressure",
		},
	}, {
		name: "unused suppression of every rule",
		src:  "Hi Sam,\n\nAct fast.\n<!-- givefirst-disable-line -->\n",
		want: []string{"4:1 unused-suppression [hint] unused givefirst-disable-line: nothing is reported here to suppress"},
	}, {
		name: "unused block",
		src:  "Hi Sam,\n\n<!-- givefirst-disable pushy-pressure -->\nAct fast.\n<!-- givefirst-enable pushy-pressure -->\nAct now.\n",
		want: []string{
			"3:24 unused-suppression [hint] unused givefirst-disable: no pushy-pressure diagnostic here to suppress",
			"6:5 pushy-pressure",
		},
	}, {
		name: "unknown rule",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line pushy-presure -->\nAct now.\n",
		want: []string{
			`3:34 unused-suppression [hint] unknown rule "pushy-presure" in givefirst-disable-next-line (did you mean "pushy-pressure"?)`,
			"4:5 pushy-pressure",
		},
	}, {
		name: "unknown rule beside a known one",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line pushy-pressure nonsense -->\nAct now.\n",
		want: []string{`3:49 unused-suppression [hint] unknown rule "nonsense" in givefirst-disable-next-line`},
	}, {
		name: "misspelt directive",
		src:  "Hi Sam,\n\n<!-- givefirst-disabel-next-line -->\nAct now.\n",
		want: []string{
			`3:1 unused-suppression [hint] unknown directive "givefirst-disabel-next-line" (did you mean "givefirst-disable-next-line"?)`,
			"4:5 pushy-pressure",
		},
	}, {
		name: "enable that closes nothing",
		src:  "Hi Sam,\n\nAct now.\n<!-- givefirst-enable -->\n<!-- givefirst-enable i-heavy -->\n",
		want: []string{
			"3:5 pushy-pressure",
			"4:1 unused-suppression [hint] givefirst-enable closes nothing: no givefirst-disable is open",
			"5:23 unused-suppression [hint] givefirst-enable closes nothing: no givefirst-disable of i-heavy is open",
		},
	}, {
		name: "a rule that does not apply to the kind is not unused",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line voicemail-pitch -->\nBook a call.\n",
		want: []string{},
	}, {
		name: "case of the keyword does not matter",
		src:  "Hi Sam,\n\n<!-- GiveFirst-Disable-Next-Line pushy-pressure -->\nAct now.\n",
		want: []string{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, supLint(t, "m.txt", tt.src, Settings{}))
		})
	}
}

func TestSuppressFormats(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string
	}{{
		name: "markdown",
		path: "m.md",
		src:  "Hi Sam,\n\n<!-- givefirst-disable-next-line pushy-pressure -->\nReply now.\n\nAct now. <!-- givefirst-disable-line -->\n\nGo now.\n",
		want: []string{"8:4 pushy-pressure"},
	}, {
		name: "markdown code span shows the syntax, it is not a directive",
		path: "m.md",
		src:  "Hi Sam,\n\nWrite `<!-- givefirst-disable -->` to switch rules off now.\n",
		want: []string{"3:56 pushy-pressure"},
	}, {
		name: "html",
		path: "m.html",
		src: "<p>Hi Sam,</p>\n<!-- givefirst-disable-next-line pushy-pressure -->\n<p>Reply now.</p>\n" +
			"<!-- givefirst-disable i-heavy -->\n<p>I act now.</p>\n<!-- givefirst-enable -->\n<p>I go.</p>\n",
		want: []string{"5:10 pushy-pressure", "7:4 i-heavy"},
	}, {
		name: "eml plain part",
		path: "m.eml",
		src: "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nContent-Type: text/plain\r\n\r\nHi Sam,\r\n\r\n" +
			"<!-- givefirst-disable-next-line pushy-pressure -->\r\nReply now.\r\nAct now.\r\n",
		want: []string{"10:5 pushy-pressure"},
	}, {
		name: "eml unused",
		path: "m.eml",
		src: "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nContent-Type: text/plain\r\n\r\nHi Sam,\r\n\r\n" +
			"<!-- givefirst-disable-next-line i-heavy -->\r\nReply now.\r\n",
		want: []string{
			"8:34 unused-suppression [hint] unused givefirst-disable-next-line: no i-heavy diagnostic here to suppress",
			"9:7 pushy-pressure",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, supLint(t, tt.path, tt.src, Settings{}))
		})
	}
}

func TestSuppressPlainTextIsMasked(t *testing.T) {
	src := "Hi Sam,\n\nReply now. <!-- givefirst-disable-line pushy-pressure -->\n"
	doc, err := Parse("m.txt", []byte(src), ParseOptions{})
	require.NoError(t, err)
	assert.NotContains(t, doc.Text, "givefirst")
	assert.Equal(t, len(src), len(doc.Text), "masking keeps offsets")
	a := Analyze(doc, nil)
	for _, tok := range a.Tokens {
		assert.NotContains(t, []string{"<", "givefirst-disable-line", "pushy-pressure"}, tok.Norm)
	}
	require.Len(t, doc.Directives, 1)
	assert.Equal(t, Directive{
		Span:    Span{20, 66},
		Action:  SuppressLine,
		Keyword: "givefirst-disable-line",
		Rules:   []RuleRef{{ID: "pushy-pressure", Span: Span{48, 62}}},
	}, doc.Directives[0])
}

func TestSuppressSettings(t *testing.T) {
	unused := "Hi Sam,\n\n<!-- givefirst-disable-next-line i-heavy -->\nAct now.\n"
	t.Run("a disabled rule is not unused", func(t *testing.T) {
		got := supLint(t, "m.txt", unused, Settings{Rules: map[string]RuleSettings{"i-heavy": {Disabled: true}}})
		assert.Equal(t, []string{"4:5 pushy-pressure"}, got)
	})
	t.Run("reports can be turned off", func(t *testing.T) {
		assert.Equal(t, []string{"4:5 pushy-pressure"}, supLint(t, "m.txt", unused, Settings{}, WithUnusedSuppressions(0)))
	})
	t.Run("reports can be raised", func(t *testing.T) {
		got := supLint(t, "m.txt", unused, Settings{}, WithUnusedSuppressions(Warning))
		require.Len(t, got, 2)
		assert.Contains(t, got[0], "[warning]")
	})
	t.Run("rules added by WithRules can be suppressed", func(t *testing.T) {
		extra := WithRules(supWordRule("custom-fast", "fast"))
		got := supLint(t, "m.txt", "Hi Sam,\n\n<!-- givefirst-disable-next-line custom-fast -->\nAct fast.\nAct fast.\n", Settings{}, extra)
		assert.Equal(t, []string{"5:5 custom-fast"}, got)
	})
}

func TestParseDirective(t *testing.T) {
	tests := []struct {
		comment string
		action  SuppressAction
		ids     []string
	}{
		{"<!-- givefirst-disable -->", SuppressDisable, nil},
		{"<!--givefirst-enable-->", SuppressEnable, nil},
		{"<!-- givefirst-disable-line a,b  c ,d -->", SuppressLine, []string{"a", "b", "c", "d"}},
		{"<!--\n\tgivefirst-disable-next-line\n  a\n-->", SuppressNextLine, []string{"a"}},
		{"<!-- givefirst-off -->", "", nil},
		{"<!-- givefirst-disable,a -->", SuppressDisable, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.comment, func(t *testing.T) {
			spans := scanDirectives([]byte("x " + tt.comment + " y"))
			require.Equal(t, []Span{{2, 2 + len(tt.comment)}}, spans)
			d := parseDirective([]byte("x "+tt.comment+" y"), spans[0])
			assert.Equal(t, tt.action, d.Action)
			var ids []string
			for _, r := range d.Rules {
				ids = append(ids, r.ID)
				assert.Equal(t, r.ID, ("x " + tt.comment)[r.Span.Start:r.Span.End])
			}
			assert.Equal(t, tt.ids, ids)
		})
	}
	assert.Empty(t, scanDirectives([]byte("<!-- a comment --> <!-- givefirst-disable")), "unclosed")
	assert.Empty(t, scanDirectives([]byte("<!-- not givefirst-disable -->")))
}

func FuzzDirectives(f *testing.F) {
	for _, s := range []string{
		"Hi Sam,\n\n<!-- givefirst-disable-next-line pushy-pressure -->\nAct now.\n",
		"<!-- givefirst-disable --><!-- givefirst-enable i-heavy -->I now",
		"<!--givefirst-disable-line-->\r\nnow <!-- givefirst- -->",
		"<!-- givefirst-disable-next-line a,,b -->",
	} {
		f.Add(s)
	}
	l, err := New(supRules(), Settings{})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Parse("f.txt", []byte(src), ParseOptions{})
		if err != nil {
			return
		}
		for _, d := range doc.Directives {
			require.True(t, strings.HasPrefix(src[d.Span.Start:], "<!--") && strings.HasSuffix(src[:d.Span.End], "-->"))
			for _, r := range d.Rules {
				require.True(t, r.Span.Start >= d.Span.Start && r.Span.End <= d.Span.End && r.Span.Len() > 0)
			}
		}
		res, err := l.Lint(context.Background(), doc)
		require.NoError(t, err)
		for _, d := range res.Diagnostics {
			require.True(t, d.Span.Start >= 0 && d.Span.End <= len(src) && d.Span.Start <= d.Span.End)
		}
	})
}
