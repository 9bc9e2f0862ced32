package lint

// Temporary stand-ins until the Markdown, HTML and .eml adapters land.

func adaptMarkdown(text []byte, extra []placeholderPattern) *adapted { return adaptText(text) }
func adaptHTML(text []byte) *adapted                                 { return adaptText(text) }
func adaptEmail(src []byte, extra []placeholderPattern) (*adapted, error) {
	return adaptText(append([]byte(nil), src...)), nil
}
func looksLikeHeaders(b []byte) bool { return false }
