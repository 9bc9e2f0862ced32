package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed starter.yaml
var starter []byte

// WriteStarter writes a commented starter .givefirst.yaml into dir and
// returns its path. It refuses to replace an existing config (either name)
// unless force is set; then it overwrites that file. The file appears
// whole or not at all.
func WriteStarter(dir string, force bool) (string, error) {
	path := filepath.Join(dir, FileNames[0])
	for _, name := range FileNames {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil {
			if !force {
				return p, fmt.Errorf("%s already exists: %w", p, fs.ErrExist)
			}
			path = p
			break
		}
	}
	if err := writeFileAtomic(path, starter, !force); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return path, fmt.Errorf("%s already exists: %w", path, fs.ErrExist)
		}
		return "", err
	}
	return path, nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder, so readers see the old content or the new, never a part. With
// noClobber it fails with fs.ErrExist when path exists, even if it
// appeared a moment ago.
func writeFileAtomic(path string, data []byte, noClobber bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".givefirst-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, err = tmp.Write(data)
	if err = errors.Join(err, tmp.Sync(), tmp.Close(), os.Chmod(tmp.Name(), 0o644)); err != nil {
		return err
	}
	if noClobber {
		// A hard link fails if the target exists, where a rename would replace it.
		err := os.Link(tmp.Name(), path)
		if err == nil || errors.Is(err, fs.ErrExist) {
			return err
		}
		// No hard links on this filesystem: check, then rename.
		if _, err := os.Lstat(path); err == nil {
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
	}
	return os.Rename(tmp.Name(), path)
}
