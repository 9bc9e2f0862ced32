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
	// little: collecting less often trades a few tens of MB for about a
	// fifth of the CPU time. An explicit GOGC still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// Ctrl-C cancels the run; a second one kills the process as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
