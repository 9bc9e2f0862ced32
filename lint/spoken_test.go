package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A voicemail's closing words are spoken, so they stay in the body; an
// email's sign-off and name are a signature.
func TestSpokenSignOffStaysProse(t *testing.T) {
	src := "Hi Dana, Sam from Acme.\n\nCall me at 555-0142.\n\nThanks!\nTalk soon.\n"
	for _, tt := range []struct {
		path   string
		masked bool
	}{
		{"script.vm.txt", false},
		{"email.txt", true},
	} {
		doc, err := Parse(tt.path, []byte(src), ParseOptions{})
		require.NoError(t, err)
		_, masked := doc.Masked(len("Hi Dana, Sam from Acme.\n\nCall me at 555-0142.\n\n"))
		assert.Equal(t, tt.masked, masked, tt.path)
	}
	doc, err := Parse("script.vm.txt", []byte("Hi Dana, Sam here.\n\nCall me.\n-- \nSam Lee, Acme\n"), ParseOptions{})
	require.NoError(t, err)
	_, masked := doc.Masked(len("Hi Dana, Sam here.\n\nCall me.\n-- \nS"))
	assert.True(t, masked, "a -- delimiter still starts a signature in a script")
}
