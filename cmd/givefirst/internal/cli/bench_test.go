package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLintJSON measures the CLI pipeline (walk, read, render, write)
// around the tiny fake rule set, so it shows the CLI's own cost rather
// than the built-in rules'. The README's throughput figures come from the
// real binary on the generated corpus.
func BenchmarkLintJSON(b *testing.B) {
	dir := b.TempDir()
	msgs := []string{cleanMsg, warningMsg, errorMsg, hintMsg, infoMsg}
	var size int64
	for i := range 1000 {
		m := strings.Repeat(msgs[i%len(msgs)], 1+i%4)
		size += int64(len(m))
		writeFile(b, filepath.Join(dir, fmt.Sprintf("d%d", i%10), fmt.Sprintf("m%04d.txt", i)), m)
	}
	app := newTestApp()
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		if code := app.Run(context.Background(), []string{"lint", "--format", "json", dir}, nil, io.Discard, io.Discard); code == ExitError {
			b.Fatal("lint failed")
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "files/s")
}
