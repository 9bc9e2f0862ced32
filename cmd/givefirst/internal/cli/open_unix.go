//go:build unix

package cli

import (
	"io/fs"
	"os"
	"syscall"
)

// openRead opens a file for reading without registering it with the
// runtime's poller: os.Open spends an epoll_ctl and several fcntl calls
// per file on that, which on a folder of small templates costs as much
// as reading them. Regular files never block, so nothing is lost.
func openRead(path string) (*os.File, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(fd), path), nil
	}
}
