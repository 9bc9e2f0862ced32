package cli

import (
	"io"
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
	shown time.Time // when the bar starts to show
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
	p := &progress{run: r, shown: start.Add(after), tick: time.NewTicker(progressTick)}
	// The total is not known while the walk streams ahead of the workers,
	// so the bar is a counter with a rate. It is made now, so the rate
	// counts from the start, and writes nothing until it is due.
	p.bar = progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(delayedWriter{r.s.stderr, p.shown}),
		progressbar.OptionSetDescription("checking"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionSpinnerType(14),
		// No spinner goroutine: the bar is drawn only from the writer, so
		// it never races with the report or the error messages.
		progressbar.OptionSetSpinnerChangeInterval(0),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return p
}

// delayedWriter drops what is written to it before a moment.
type delayedWriter struct {
	w    io.Writer
	from time.Time
}

func (d delayedWriter) Write(b []byte) (int, error) {
	if time.Now().Before(d.from) {
		return len(b), nil
	}
	return d.w.Write(b)
}

// ticks returns a channel that fires while the bar may need drawing; nil
// (never ready) when there is no bar.
func (p *progress) ticks() <-chan time.Time {
	if p == nil {
		return nil
	}
	return p.tick.C
}

func (p *progress) active() bool { return p != nil && !time.Now().Before(p.shown) }

// beforeOutput clears the bar before a file's output is written, when
// that output goes to the terminal the bar is on: errors always (stderr),
// the report when stdout is a terminal too. The next add draws it again.
func (p *progress) beforeOutput(toStdout, toStderr bool) {
	if p.active() && (toStderr || toStdout && p.run.stdoutTTY) {
		p.bar.Clear()
	}
}

// written records one more file written.
func (p *progress) written() {
	if p != nil {
		p.done++
	}
}

// add redraws the bar with the files written so far.
func (p *progress) add() {
	if p != nil {
		p.bar.Set64(p.done)
	}
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	p.tick.Stop()
	p.bar.Finish()
	p.bar.Clear()
}
