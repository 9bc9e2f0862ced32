package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/givefirst/givefirst/lint"
)

func TestDeletion(t *testing.T) {
	tests := []struct {
		name, text, del, want string
	}{
		{"mid-line sentence takes its trailing space", "Hi.\n\nFiller here. Real text.\n", "Filler here.", "Hi.\n\nReal text.\n"},
		{"paragraph of its own takes one blank line", "Hi.\n\nFiller here.\n\nReal text.\n", "Filler here.", "Hi.\n\nReal text.\n"},
		{"CRLF paragraph", "Hi.\r\n\r\nFiller here.\r\n\r\nReal text.\r\n", "Filler here.", "Hi.\r\n\r\nReal text.\r\n"},
		{"line inside a paragraph keeps neighbours", "Hi.\nFiller here.\nReal text.\n", "Filler here.", "Hi.\nReal text.\n"},
		{"last line without newline", "Hi.\n\nFiller here.", "Filler here.", "Hi.\n\n"},
		{"first line", "Filler here.\nReal text.\n", "Filler here.", "Real text.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, tt.del)
			e := deletion(tt.text, lint.Span{Start: start, End: start + len(tt.del)})
			got := tt.text[:e.Span.Start] + e.NewText + tt.text[e.Span.End:]
			assert.Equal(t, tt.want, got)
		})
	}
}
