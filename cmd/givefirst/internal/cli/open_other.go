//go:build !unix

package cli

import (
	"io/fs"
	"os"
)

// openRead opens a file for reading.
func openRead(path string) (*os.File, error) { return os.Open(path) }

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}
