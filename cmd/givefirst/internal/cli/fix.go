package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/givefirst/givefirst/lint"
)

// maxFixPasses bounds how often --fix re-lints a file to pick up fixes
// that only apply once earlier ones did.
const maxFixPasses = 10

// fixFile applies the safe fixes of res until none is left (or
// maxFixPasses), re-parsing and re-linting after each pass. It returns the
// last result, whose Doc.Source is the fixed text, with its rule errors;
// like Linter.Lint, a nil result means the context was cancelled. A pass
// whose output no longer parses is dropped, so a fix can never turn a
// checkable file into one that is not.
func fixFile(ctx context.Context, in input, res *lint.Result, lerr error) (*lint.Result, error) {
	for range maxFixPasses {
		edits := safeEdits(res.Diagnostics, len(res.Doc.Source))
		if len(edits) == 0 {
			break
		}
		doc, err := lint.Parse(in.path, applyEdits(res.Doc.Source, edits), in.eff.Parse)
		if err != nil {
			break
		}
		next, nerr := in.eff.Linter.Lint(ctx, doc)
		if next == nil {
			return nil, nerr
		}
		res, lerr = next, nerr
	}
	return res, lerr
}

// safeEdits picks the edits of the safe fixes to apply together. Fixes
// are taken in diagnostic order (by position, then rule ID), one per
// diagnostic; a fix is taken whole or not at all, and not when any of its
// edits overlaps or shares a start with an edit already taken, or falls
// outside the source. The result is sorted by position.
func safeEdits(diags []lint.Diagnostic, size int) []lint.TextEdit {
	var taken []lint.TextEdit // sorted by Span.Start
	for _, d := range diags {
		for _, f := range d.Fixes {
			if !f.Safe || len(f.Edits) == 0 || !fits(f.Edits, taken, size) {
				continue
			}
			for _, e := range f.Edits {
				i, _ := slices.BinarySearchFunc(taken, e.Span.Start, func(t lint.TextEdit, start int) int { return t.Span.Start - start })
				taken = slices.Insert(taken, i, e)
			}
			break
		}
	}
	return taken
}

// fits reports whether edits can join taken: each lies inside the source
// and clashes neither with taken nor with the others of its own fix.
func fits(edits, taken []lint.TextEdit, size int) bool {
	for i, e := range edits {
		if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > size {
			return false
		}
		if slices.ContainsFunc(edits[:i], func(o lint.TextEdit) bool { return clash(e.Span, o.Span) }) {
			return false
		}
		// Only the neighbours in start order can clash with e.
		j, _ := slices.BinarySearchFunc(taken, e.Span.Start, func(t lint.TextEdit, start int) int { return t.Span.Start - start })
		if j < len(taken) && clash(e.Span, taken[j].Span) || j > 0 && clash(e.Span, taken[j-1].Span) {
			return false
		}
	}
	return true
}

// clash reports whether two edits cannot both apply: they overlap, or
// start at the same offset (two insertions there would have no order).
func clash(a, b lint.Span) bool {
	return a.Start == b.Start || a.Start < b.End && b.Start < a.End
}

// applyEdits returns src with the sorted, disjoint edits applied.
func applyEdits(src []byte, edits []lint.TextEdit) []byte {
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.Span.Start]...)
		out = append(out, e.NewText...)
		last = e.Span.End
	}
	return append(out, src[last:]...)
}

// errChanged means the file changed on disk while it was being checked.
var errChanged = errors.New("changed on disk while it was being checked")

// writeAtomic replaces the file at path with data so that a reader sees
// either the old or the new content, never a mix: it writes a temporary
// file in the same folder, syncs it, gives it the original's permissions
// (and owner, where allowed) and renames it over the original. A symbolic link is kept and its
// target replaced. before is what the file looked like when it was read;
// if it changed since, nothing is written.
func (a *App) writeAtomic(path string, data []byte, before os.FileInfo) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("cannot write: %w", ioReason(err))
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("cannot write: %w", ioReason(err))
	}
	if before != nil && (!os.SameFile(info, before) || !info.ModTime().Equal(before.ModTime()) || info.Size() != before.Size()) {
		return errChanged
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".givefirst-*")
	if err != nil {
		return fmt.Errorf("cannot write: %w", ioReason(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	var w io.Writer = tmp
	if a.fixWriter != nil {
		w = a.fixWriter(tmp)
	}
	if _, err = w.Write(data); err != nil {
		return fmt.Errorf("cannot write: %w", ioReason(err))
	}
	if err = tmp.Chmod(info.Mode().Perm()); err != nil {
		return fmt.Errorf("cannot keep permissions: %w", ioReason(err))
	}
	keepOwner(tmp, info)
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write: %w", ioReason(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write: %w", ioReason(err))
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("cannot replace the file: %w", ioReason(err))
	}
	// Make the rename itself durable; a folder that cannot be synced
	// (some file systems) still has the new file in place.
	if d, derr := os.Open(filepath.Dir(target)); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
