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

// beforeOutput clears the bar so that stdout text written to the same
// terminal does not land on it; the next add draws it again.
func (p *progress) beforeOutput() {
	if p.active() && p.run.stdoutTTY {
		p.bar.Clear()
	}
}

// add counts written files; total is how many the walk has found so far.
// done counts files written; the bar appears once the run is old enough.
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
