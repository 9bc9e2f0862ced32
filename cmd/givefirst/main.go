// Command givefirst lints sales outreach — cold emails, follow-ups and
// voicemail scripts — for the law of reciprocity: give first, keep the
// reader at the centre, ask small and early, never pressure.
//
// Run "givefirst help" for the commands; docs/cli.md has the reference.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/givefirst/givefirst/cmd/givefirst/internal/cli"
)

func main() {
	// A lint run allocates many short-lived objects per file and keeps
	// little: collecting less often trades a few tens of MB for CPU time
	// (on the README's generated corpus GOGC=800 runs about a fifth more
	// files a second than the default 100, at 70-80 MB peak; compare with
	// GOGC=100 givefirst lint --stats). The soft limit makes the
	// collector work harder only when one huge file would otherwise let
	// the heap grow to eight times its size: a 10 MB file peaks at 330 MB
	// instead of 640 MB. Explicit GOGC and GOMEMLIMIT still win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
	// Ctrl-C cancels the run; a second one kills the process as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
