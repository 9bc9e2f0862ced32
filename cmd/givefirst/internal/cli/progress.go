package cli

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// defaultProgressAfter is how long a run must go on before a progress bar
// is worth showing.
const defaultProgressAfter = time.Second

// progressTick is how often the bar is redrawn when no file finishes.
const progressTick = 200 * time.Millisecond

// progress draws a bar on stderr for long runs on a terminal. It is used
// by the writing goroutine only. A nil *progress does nothing, which is
// what pipes and CI get.
type progress struct {
	run   *lintRun
	start time.Time
	after time.Duration
	tick  *time.Ticker
	bar   *progressbar.ProgressBar
	done  int64
}

func (r *lintRun) newProgress(start time.Time) *progress {
	if !r.app.isTerminal(r.s.stderr) {
		return nil
	}
	after := r.app.progressAfter
	if after == 0 {
		after = defaultProgressAfter
	}
	// The ticker draws the bar while one slow file holds up the output.
	return &progress{run: r, start: start, after: after, tick: time.NewTicker(progressTick)}
}

// ticks returns a channel that fires while the bar may need drawing; nil
// (never ready) when there is no bar.
func (p *progress) ticks() <-chan time.Time {
	if p == nil {
		return nil
	}
	return p.tick.C
}

func (p *progress) active() bool { return p != nil && p.bar != nil }

// beforeOutput clears the bar before a file's output is written, when
// that output goes to the terminal the bar is on: errors always (stderr),
// the report when stdout is a terminal too. The next add draws it again.
func (p *progress) beforeOutput(toStdout, toStderr bool) {
	if p.active() && (toStderr || toStdout && p.run.stdoutTTY) {
		p.bar.Clear()
	}
}

// add redraws the bar: files written of total, the files the walk has
// found so far. The bar first appears once the run is old enough.
func (p *progress) add(total int64) {
	if p == nil {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < p.after {
			return
		}
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.run.s.stderr),
			progressbar.OptionSetDescription("checking"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.bar.ChangeMax64(max(total, 1))
	p.bar.Set64(p.done)
}

// written records one more file written.
func (p *progress) written() {
	if p != nil {
		p.done++
	}
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	p.tick.Stop()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
