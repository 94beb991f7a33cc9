package output

import (
	"io/fs"
	"syscall"
)

// writeFile writes b to a new or truncated file name, as os.WriteFile
// does, with three system calls for a small file rather than eight:
// os.OpenFile also tries to add every file to the network poller (four
// fcntl calls and an epoll_ctl that fails for a regular file), which at
// a hundred thousand pages is a tenth of a build's system calls. Errors
// are *fs.PathError, as os.WriteFile's are (errors.Is(err,
// fs.ErrNotExist) holds for a missing folder).
func writeFile(name string, b []byte) error {
	fd, err := open(name)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		b = b[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// open creates or truncates name for writing, retrying when a signal
// interrupts the call.
func open(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
