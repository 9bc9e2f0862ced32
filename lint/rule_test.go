package lint

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeverity(t *testing.T) {
	tests := []struct {
		in   string
		want Severity
	}{
		{"hint", Hint}, {"suggestion", Hint}, {" Info ", Info}, {"information", Info},
		{"WARNING", Warning}, {"warn", Warning}, {"error", Error},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSeverity(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := ParseSeverity("fatal")
	assert.EqualError(t, err, `unknown severity "fatal" (want hint, info, warning or error)`)
	assert.Equal(t, "Severity(0)", Severity(0).String())
	assert.Equal(t, "Severity(9)", Severity(9).String())
}

func TestSeverityJSON(t *testing.T) {
	b, err := json.Marshal(Diagnostic{Rule: "r", Severity: Warning, Span: Span{1, 2}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"rule":"r","severity":"warning","message":"","span":{"start":1,"end":2}}`, string(b))

	var d Diagnostic
	require.NoError(t, json.Unmarshal([]byte(`{"severity":"warn"}`), &d))
	assert.Equal(t, Warning, d.Severity)
	assert.Error(t, json.Unmarshal([]byte(`{"severity":"loud"}`), &d))
}

func TestOptionTypeName(t *testing.T) {
	tests := []struct {
		def  any
		want string
	}{
		{true, "boolean"}, {1, "integer"}, {1.5, "number"}, {"x", "string"}, {[]string{"x"}, "list of strings"},
		{int64(1), "int64"}, {map[string]int{}, "map[string]int"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Option{Default: tt.def}.TypeName())
	}
}

func TestOptionCoerce(t *testing.T) {
	tests := []struct {
		name string
		def  any
		in   any
		want any
		err  string
	}{
		{"whole float to int", 1, 4.0, 4, ""},
		{"int64 to int", 1, int64(4), 4, ""},
		{"fraction to int", 1, 4.5, nil, "want integer, got 4.5"},
		{"int to float", 1.0, 3, 3.0, ""},
		{"uint64 to float", 1.0, uint64(3), 3.0, ""},
		{"bool", false, true, true, ""},
		{"string to bool", false, "yes", nil, `want boolean, got "yes"`},
		{"any list to strings", []string{}, []any{"a", "b"}, []string{"a", "b"}, ""},
		{"mixed list", []string{}, []any{"a", 1}, nil, `want list of strings, got ["a",1]`},
		{"string for a list", []string{}, "a", nil, `want list of strings, got "a"`},
		{"nil", "", nil, nil, "want string, got null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Option{Name: "o", Default: tt.def}.coerce(tt.in)
			if tt.err != "" {
				assert.EqualError(t, err, "option o: "+tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestEditDistanceAndDidYouMean(t *testing.T) {
	assert.Equal(t, 0, editDistance("abc", "abc"))
	assert.Equal(t, 1, editDistance("pushy", "push"))
	assert.Equal(t, 2, editDistance("i-heavy", "iheavy-"))
	assert.Equal(t, 3, editDistance("", "abc"))
	known := []string{"pushy-pressure", "i-heavyy", "i-heavy"}
	assert.Equal(t, ` (did you mean "i-heavy"?)`, DidYouMean("i-hevy", known))
	assert.Equal(t, ` (did you mean "i-heavy"?)`, DidYouMean("I-Hevy", known), "case does not count")
	assert.Equal(t, "", DidYouMean("ask-without-offer", known))
	assert.Equal(t, "", DidYouMean("", known))
	assert.Equal(t, ` (did you mean "bat"?)`, DidYouMean("cat", []string{"hat", "bat"}), "ties go to the first name in order")
}

func TestPassWithoutReporter(t *testing.T) {
	// An analyzer's pass has no reporter: reports are dropped, not a panic.
	p := &Pass{Analyzer: &Analyzer{Name: "a"}}
	p.Reportf(Span{0, 1}, "ignored")
	assert.Equal(t, "a", p.name())
	assert.Equal(t, "?", (&Pass{}).name())
}
