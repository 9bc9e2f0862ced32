package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/givefirst/givefirst/lint"
)

func TestGitignore(t *testing.T) {
	ig := ignoreStack{}.push(parseGitignore("/repo", []byte(
		"# comment\n\n*.log\n!keep.log\nbuild/\n/top.txt\ndocs/*.md\n**/tmp/**\n{x}.txt\n\\#hash.txt\nsp\\ \nwin.txt\r\n[ab].txt\n")))
	ig = ig.push(parseGitignore("/repo/sub", []byte("!again.log\nlocal.txt\n")))
	tests := []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"/repo/a.log", false, true},
		{"/repo/deep/x/a.log", false, true},
		{"/repo/keep.log", false, false},
		{"/repo/build", true, true},
		{"/repo/build", false, false}, // a file named build: the pattern wants a folder
		{"/repo/src/build", true, true},
		{"/repo/top.txt", false, true},
		{"/repo/src/top.txt", false, false}, // anchored
		{"/repo/docs/a.md", false, true},
		{"/repo/docs/sub/a.md", false, false}, // * stops at a slash
		{"/repo/a/tmp/b/c.txt", false, true},
		{"/repo/{x}.txt", false, true}, // braces are literal
		{"/repo/x.txt", false, false},
		{"/repo/#hash.txt", false, true},
		{"/repo/sp ", false, true},
		{"/repo/win.txt", false, true},
		{"/repo/a.txt", false, true},
		{"/repo/c.txt", false, false},
		{"/repo/sub/again.log", false, false}, // a deeper file re-includes
		{"/repo/sub/other.log", false, true},
		{"/repo/sub/local.txt", false, true},
		{"/repo/local.txt", false, false}, // sub's patterns stay in sub
		{"/elsewhere/a.log", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, ig.ignored(tt.path, tt.isDir))
		})
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    []string
		format  string
		fix     bool
		wantErr bool
	}{
		{name: "flags first", args: []string{"--format", "json", "a", "b"}, want: []string{"a", "b"}, format: "json"},
		{name: "flags after", args: []string{"a", "--fix", "b", "--format=sarif"}, want: []string{"a", "b"}, format: "sarif", fix: true},
		{name: "dash is a path", args: []string{"-", "--fix"}, want: []string{"-"}, format: "text", fix: true},
		{name: "double dash ends flags", args: []string{"a", "--", "--fix"}, want: []string{"a", "--fix"}, format: "text"},
		{name: "unknown", args: []string{"--nope"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			fs := newFlagSet(streams{stdout: &out, stderr: &errOut}, "lint", "")
			format := fs.String("format", "text", "")
			fix := fs.Bool("fix", false, "")
			got, code, ok := parseArgs(fs, streams{stdout: &out, stderr: &errOut}, tt.args)
			if tt.wantErr {
				assert.False(t, ok)
				assert.Equal(t, ExitError, code)
				return
			}
			require.True(t, ok, errOut.String())
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.format, *format)
			assert.Equal(t, tt.fix, *fix)
		})
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	var out bytes.Buffer
	_, code, ok := parseArgs(fs, streams{stdout: &out, stderr: &out}, []string{"a", "-h"})
	assert.False(t, ok)
	assert.Equal(t, ExitOK, code)
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		name        string
		src         string
		start, end  int
		line, caret string
	}{
		{"ascii", "Hello there world", 6, 11, "Hello there world", "      ^^^^^"},
		{"tab expands to the next stop", "a\tb word", 4, 8, "a   b word", "      ^^^^"},
		{"wide characters take two columns", "快速 then go", 7, 11, "快速 then go", "     ^^^^"},
		{"emoji", "🚀 go now", 5, 7, "🚀 go now", "   ^^"},
		{"empty span gets one caret", "abc", 1, 1, "abc", " ^"},
		{"span past the line end stops there", "ab\ncd", 1, 5, "ab", " ^"},
		{"control characters become spaces", "a\x01b", 2, 3, "a b", "  ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := lint.Parse("x.txt", []byte(tt.src), lint.ParseOptions{})
			require.NoError(t, err)
			var buf bytes.Buffer
			(&textReporter{}).snippet(&buf, doc, lint.Span{Start: tt.start, End: tt.end}, "")
			assert.Equal(t, "  1 | "+tt.line+"\n    | "+tt.caret+"\n", buf.String())
		})
	}
}

func TestSnippetOfALongLineIsAWindow(t *testing.T) {
	src := bytes.Repeat([]byte("word "), 10000)
	doc, err := lint.Parse("x.txt", src, lint.ParseOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	(&textReporter{}).snippet(&buf, doc, lint.Span{Start: 25000, End: 25004}, "")
	out := buf.String()
	assert.Less(t, len(out), 2*maxSnippetBytes)
	assert.Contains(t, out, "  1 | …")
	assert.Contains(t, out, "^^^^\n")

	// A span as long as the line still prints a window, not the line.
	buf.Reset()
	(&textReporter{}).snippet(&buf, doc, lint.Span{Start: 10, End: len(src)}, "")
	assert.Less(t, buf.Len(), 3*maxSnippetBytes)
}

func TestGithubEscaping(t *testing.T) {
	assert.Equal(t, "100%25 sure%0Anext line", githubData.Replace("100% sure\nnext line"))
	assert.Equal(t, "a%3Ab%2Cc%0D", githubProp.Replace("a:b,c\r"))
}

func TestDiffLines(t *testing.T) {
	assert.Equal(t, []string{"a\n", "b\n"}, diffLines([]byte("a\nb\n")))
	assert.Equal(t, []string{"a\n", "b\n\\ No newline at end of file\n"}, diffLines([]byte("a\nb")))
	assert.Empty(t, diffLines(nil))
}

func TestSuggestName(t *testing.T) {
	names := []string{"fake-pressure", "fake-filler"}
	assert.Equal(t, ` (did you mean "fake-pressure"?)`, lint.DidYouMean("fake-presure", names))
	assert.Equal(t, "", lint.DidYouMean("something-else-entirely", names))
}

func TestBuildVersion(t *testing.T) {
	assert.Equal(t, "devel", buildVersion(nil, false))
	assert.Equal(t, "v1.2.3", buildVersion(&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true))
	assert.Equal(t, "devel", buildVersion(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true))
	assert.Equal(t, "devel+0123456789ab-dirty", buildVersion(&debug.BuildInfo{
		Main:     debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.modified", Value: "true"}},
	}, true))
}

func TestJSONOutMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `q"uote\back`, "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f", "bad \xff utf8 \xc3", "line\u2028para\u2029", "<b>&amp;</b>", "wide 快速 🚀"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		var o jsonOut
		o.str(s)
		assert.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(o.b), "%q", s)
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 40, -3.25, 1e-7, 1e14, 1e15, 999999999999999, 1e20, 1e21, 123456789} {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		var o jsonOut
		o.float(f)
		assert.Equal(t, string(want), string(o.b), "%v", f)
	}
}
