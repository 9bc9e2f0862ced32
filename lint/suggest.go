package lint

import (
	"fmt"
	"sort"
	"strings"
)

// DidYouMean returns ` (did you mean "x"?)` naming the candidate closest
// to name, or "" when none is close enough to be a likely typo. Every face
// words its "unknown …" errors with it, so they suggest alike.
func DidYouMean(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted) // ties go to the first name in order
	limit := max(3, 1+len(name)/3)
	best, bestD := "", limit
	lower := strings.ToLower(name)
	for _, c := range sorted {
		if d := editDistance(lower, strings.ToLower(c)); d < bestD && d < len(name) {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
