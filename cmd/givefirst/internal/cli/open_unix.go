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

// keepOwner gives the replacement file the original's owner and group, as
// far as the user may: root can keep both, a member of the file's group
// can keep the group. Otherwise the file becomes the user's, as any editor
// that saves by renaming would leave it.
func keepOwner(tmp *os.File, orig fs.FileInfo) {
	st, ok := orig.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if tmp.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = tmp.Chown(-1, int(st.Gid))
	}
}
