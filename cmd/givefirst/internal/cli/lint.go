package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/givefirst/givefirst/lint"
)

// lintFlags are the flags of "givefirst lint".
type lintFlags struct {
	format     string
	failOn     string
	fix, diff  bool
	stdinName  string
	configFile string
	noColor    bool
	stats      bool
	cpuProfile string
	jobs       int
}

var formats = []string{"text", "json", "sarif", "github", "rdjson", "checkstyle"}

func (a *App) lint(ctx context.Context, s streams, args []string) int {
	fs := newFlagSet(s, "lint", "[flags] [PATH|GLOB|-]...")
	var f lintFlags
	fs.StringVar(&f.format, "format", "text", "output `format`: "+strings.Join(formats, ", "))
	fs.StringVar(&f.failOn, "fail-on", "error", "lowest `severity` that makes the exit code 1: error, warning, info, hint or never")
	fs.BoolVar(&f.fix, "fix", false, "apply the safe fixes to the files (atomically)")
	fs.BoolVar(&f.diff, "diff", false, "print what --fix would change as a unified diff, and write nothing")
	fs.StringVar(&f.stdinName, "stdin-filename", "", "file `name` standard input (-) stands for; picks its format, kind and config")
	fs.StringVar(&f.configFile, "config", "", "config `file` to use for every path instead of discovering .givefirst.yaml (default $GIVEFIRST_CONFIG)")
	fs.BoolVar(&f.noColor, "no-color", false, "never colour the text output (NO_COLOR is honoured too)")
	fs.BoolVar(&f.stats, "stats", false, "print files, bytes, wall time, files/s and MB/s to stderr")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `file`, for go tool pprof")
	fs.IntVar(&f.jobs, "jobs", runtime.GOMAXPROCS(0), "`number` of files linted in parallel")
	paths, code, ok := parseArgs(fs, s, args)
	if !ok {
		return code
	}

	if !slices.Contains(formats, f.format) {
		return usageError(s, "lint", "unknown format %q%s (want %s)", f.format, lint.DidYouMean(f.format, formats), strings.Join(formats, ", "))
	}
	var failOn lint.Severity // 0: never fail on diagnostics
	if f.failOn != "never" {
		sev, err := lint.ParseSeverity(f.failOn)
		if err != nil {
			return usageError(s, "lint", "--fail-on: %v (or never)", err)
		}
		failOn = sev
	}
	if f.jobs < 1 {
		return usageError(s, "lint", "--jobs must be at least 1")
	}
	if f.diff {
		if f.format != "text" {
			return usageError(s, "lint", "--diff prints a diff; it cannot be combined with --format %s", f.format)
		}
		f.fix = true
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	stdins := 0
	for _, p := range paths {
		if p == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return usageError(s, "lint", "standard input (-) can be named only once")
	}
	if stdins == 1 && f.fix && !f.diff {
		return usageError(s, "lint", "--fix cannot write back to standard input; use --diff to see the fixes")
	}

	r := &lintRun{app: a, s: s, flags: f, failOn: failOn, resolver: a.resolver(f.configFile)}
	r.stdoutTTY = a.isTerminal(s.stdout)
	ruleIdx := newRuleIndex(a.rules())
	switch {
	case f.diff:
		r.rep = diffReporter{}
	case f.format == "json":
		r.rep = &jsonReporter{version: a.version(), rules: ruleIdx}
	case f.format == "sarif":
		r.rep = &sarifReporter{version: a.version(), rules: ruleIdx}
	case f.format == "github":
		r.rep = githubReporter{}
	case f.format == "rdjson":
		r.rep = &rdjsonReporter{rules: ruleIdx}
	case f.format == "checkstyle":
		r.rep = checkstyleReporter{}
	default:
		color := !f.noColor && a.getenv("NO_COLOR") == "" && r.stdoutTTY
		r.rep = &textReporter{color: color, fix: f.fix}
	}
	if f.cpuProfile != "" {
		out, err := os.Create(f.cpuProfile)
		if err != nil {
			return usageError(s, "lint", "--cpuprofile: %v", err)
		}
		defer out.Close()
		if err := pprof.StartCPUProfile(out); err != nil {
			return usageError(s, "lint", "--cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	return r.run(ctx, paths)
}

// lintRun is one "givefirst lint" invocation.
type lintRun struct {
	app       *App
	s         streams
	flags     lintFlags
	failOn    lint.Severity
	resolver  Resolver
	rep       reporter
	stdoutTTY bool
}

type job struct {
	seq int
	in  input
}

// fileResult is what a worker hands the writer: the rendered chunk and
// the few numbers the summary needs, never the lint result itself, so the
// memory a run holds is bounded by the window, not by the number of files.
type fileResult struct {
	seq     int
	path    string
	chunk   *bytes.Buffer // from chunkPool; the writer returns it
	err     error         // the file could not be checked
	partial error         // it was checked and reported, but not completely: failed rules, a fix not written
	size    int64
	counts  [lint.Error + 1]int
	fixable int
	score   *lint.Score
	fixed   bool
}

// run lints the paths with a pipeline: one goroutine walks the arguments
// in output order, --jobs workers read, lint and render files, and this
// goroutine writes the rendered chunks strictly in walk order. A window
// of in-flight files bounds memory: the walker waits for a slot, the
// writer frees one per file written.
func (r *lintRun) run(ctx context.Context, paths []string) int {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	window := make(chan struct{}, max(64, 16*r.flags.jobs))
	// Both queues hold a whole window, so neither the walker nor a worker
	// waits for the writer to be scheduled: with --jobs equal to the CPUs,
	// queues of --jobs made each file a hand-off between goroutines
	// (the README's corpus ran about a sixth slower with them).
	jobs := make(chan job, cap(window))
	results := make(chan *fileResult, cap(window))
	var walkPanic error

	go func() {
		defer close(jobs)
		defer func() {
			if p := recover(); p != nil {
				walkPanic = fmt.Errorf("internal error while listing files: %v", p)
			}
		}()
		seq := 0
		w := &walker{resolver: r.resolver, stdinName: r.flags.stdinName, emit: func(in input) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			jobs <- job{seq, in}
			seq++
			return true
		}}
		w.walk(ctx, paths)
	}()

	var wg sync.WaitGroup
	for range r.flags.jobs {
		wg.Go(func() {
			for j := range jobs {
				results <- r.check(ctx, j)
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	out := bufio.NewWriterSize(r.s.stdout, 64<<10)
	sum := &summary{}
	werr := r.rep.begin(out)
	prog := r.newProgress(start)
	pending := map[int]*fileResult{}
	next, wrote := 0, false
	configErrs := map[string]bool{}
	for results != nil {
		select {
		case res, ok := <-results:
			if !ok {
				results = nil
				break
			}
			pending[res.seq] = res
			for p := pending[next]; p != nil; p = pending[next] {
				delete(pending, next)
				next++
				<-window
				prog.beforeOutput(p.chunk.Len() > 0, p.err != nil || p.partial != nil)
				r.tally(p, sum, configErrs)
				if p.chunk.Len() > 0 {
					if wrote {
						out.WriteString(r.rep.sep())
					}
					if _, err := out.Write(p.chunk.Bytes()); err != nil && werr == nil {
						werr = err
					}
					wrote = true
					if prog.active() && r.stdoutTTY {
						out.Flush() // keep the bar below what is printed
					}
				}
				chunkPool.Put(p.chunk)
				prog.written()
				prog.add()
			}
		case <-prog.ticks():
			prog.add()
		}
	}
	prog.finish()
	if err := r.rep.end(out, sum); err != nil && werr == nil {
		werr = err
	}
	if err := out.Flush(); err != nil && werr == nil {
		werr = err
	}

	code := ExitOK
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(r.s.stderr, "givefirst: interrupted")
		code = ExitError
	case walkPanic != nil:
		fmt.Fprintf(r.s.stderr, "givefirst: %v\n", walkPanic)
		code = ExitError
	case werr != nil:
		fmt.Fprintf(r.s.stderr, "givefirst: cannot write the report: %v\n", werr)
		code = ExitError
	case sum.failed > 0 || sum.partial > 0:
		code = ExitError
	case r.failOn != 0 && sum.atLeast(r.failOn) > 0:
		code = ExitProblems
	}
	if r.flags.stats {
		r.printStats(sum, time.Since(start))
	}
	return code
}

// tally adds one written file to the summary and reports its errors on
// stderr, in output order.
func (r *lintRun) tally(p *fileResult, sum *summary, configErrs map[string]bool) {
	if p.err != nil {
		sum.failed++
		if errors.Is(p.err, context.Canceled) {
			return // an interrupted run says so once, at the end
		}
		msg := errorMessage(p.path, p.err)
		if len(sum.errors) < maxErrorsKept {
			sum.errors = append(sum.errors, msg)
		}
		// A broken config file breaks every file under it: say it once.
		var ce *configError
		if errors.As(p.err, &ce) {
			if configErrs[ce.Error()] {
				return
			}
			configErrs[ce.Error()] = true
		}
		fmt.Fprintf(r.s.stderr, "givefirst: %s\n", msg)
		return
	}
	sum.files++
	sum.bytes += p.size
	for sev, n := range p.counts {
		sum.counts[sev] += n
	}
	sum.fixable += p.fixable
	if p.fixed {
		sum.fixed++
	}
	if p.score != nil {
		sum.addScore(p.path, p.score)
	}
	if p.partial != nil {
		sum.partial++
		for _, line := range strings.Split(p.partial.Error(), "\n") {
			msg := fmt.Sprintf("%s: %s", p.path, line)
			if len(sum.errors) < maxErrorsKept {
				sum.errors = append(sum.errors, msg)
			}
			fmt.Fprintf(r.s.stderr, "givefirst: %s\n", msg)
		}
	}
}

// check reads, lints, fixes and renders one input on a worker.
func (r *lintRun) check(ctx context.Context, j job) (fr *fileResult) {
	fr = &fileResult{seq: j.seq, path: j.in.path}
	rep := &fileReport{path: j.in.path}
	defer func() {
		// Rules run protected by the linter; this catches the rest (parsing,
		// config, rendering), so one bad file cannot take the run down.
		if p := recover(); p != nil {
			*fr = fileResult{seq: j.seq, path: j.in.path, err: fmt.Errorf("internal error: %v", p), chunk: new(bytes.Buffer)}
			r.rep.file(fr.chunk, &fileReport{path: fr.path, err: fr.err})
		}
	}()
	if j.in.err != nil {
		fr.err = j.in.err
	} else {
		r.lintInput(ctx, j.in, fr, rep)
	}
	rep.err = fr.err
	fr.chunk = chunkPool.Get().(*bytes.Buffer)
	fr.chunk.Reset()
	r.rep.file(fr.chunk, rep)
	return fr
}

// chunkPool recycles the buffers files are rendered into: at most a
// window's worth are in use, so a run allocates them once, not per file.
var chunkPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (r *lintRun) lintInput(ctx context.Context, in input, fr *fileResult, rep *fileReport) {
	src, info, err := readInput(in, r.s.stdin)
	if err != nil {
		fr.err = err
		return
	}
	fr.size = int64(len(src))
	doc, err := lint.Parse(in.path, src, in.eff.Parse)
	if err != nil {
		fr.err = err
		return
	}
	res, lerr := in.eff.Linter.Lint(ctx, doc)
	if res == nil {
		fr.err = lerr
		return
	}
	if r.flags.fix {
		fixed, ferr := fixFile(ctx, in, res, lerr)
		if fixed == nil {
			fr.err = ferr
			return
		}
		if !bytes.Equal(fixed.Doc.Source, src) {
			werr := error(nil)
			if !r.flags.diff {
				werr = r.app.writeAtomic(in.path, fixed.Doc.Source, info)
			}
			if werr != nil {
				// Report the file as it still is, and why it was not fixed.
				lerr = errors.Join(lerr, fmt.Errorf("not fixed: %w", werr))
			} else {
				res, lerr = fixed, ferr
				rep.original = src
				fr.fixed = true
			}
		}
	}
	fr.partial = lerr
	rep.res = res
	for _, d := range res.Diagnostics {
		if d.Severity >= lint.Hint && d.Severity <= lint.Error {
			fr.counts[d.Severity]++
		}
		if hasSafeFix(d.Fixes) {
			fr.fixable++
		}
	}
	fr.score = res.Score
}

func hasSafeFix(fixes []lint.Fix) bool {
	for _, f := range fixes {
		if f.Safe {
			return true
		}
	}
	return false
}

// readInput reads a file or standard input, refusing more than the
// configured maximum without reading it all.
func readInput(in input, stdin io.Reader) ([]byte, os.FileInfo, error) {
	limit := in.eff.Parse.MaxBytes
	if limit <= 0 {
		limit = lint.DefaultMaxBytes
	}
	tooLarge := func(n int64) error {
		return &lint.ParseError{Path: in.path, Err: fmt.Errorf("%w: %d bytes, the limit is %d", lint.ErrTooLarge, n, limit)}
	}
	if in.stdin {
		src, err := io.ReadAll(io.LimitReader(stdin, int64(limit)+1))
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read standard input: %w", err)
		}
		if len(src) > limit {
			return nil, nil, tooLarge(int64(len(src)))
		}
		return src, nil, nil
	}
	f, err := openRead(in.path)
	if err != nil {
		return nil, nil, ioReason(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, ioReason(err)
	}
	if info.IsDir() {
		return nil, nil, errors.New("is a folder")
	}
	size := int64(512) // pipes and devices report no size
	if info.Mode().IsRegular() {
		if info.Size() > int64(limit) {
			return nil, nil, tooLarge(info.Size())
		}
		size = info.Size() + 1 // one spare byte, so reaching EOF needs no growth
	}
	data := make([]byte, 0, size)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF || info.Mode().IsRegular() && info.Size() > 0 && int64(len(data)) == info.Size() {
			// A regular file is read once it gave the bytes its size promised,
			// without another call to see EOF.
			break
		}
		if err != nil {
			return nil, nil, ioReason(err)
		}
		if len(data) > limit {
			return nil, nil, tooLarge(int64(len(data)))
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	return data, info, nil
}

func (s *summary) atLeast(sev lint.Severity) int {
	n := 0
	for x := sev; x <= lint.Error; x++ {
		n += s.counts[x]
	}
	return n
}

func (r *lintRun) printStats(sum *summary, wall time.Duration) {
	secs := wall.Seconds()
	mb := float64(sum.bytes) / 1e6
	fmt.Fprintf(r.s.stderr, "givefirst: %d files (%d could not be checked), %.1f MB in %.3f s: %.0f files/s, %.1f MB/s\n",
		sum.files, sum.failed, mb, secs, float64(sum.files)/secs, mb/secs)
}
