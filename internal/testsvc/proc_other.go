//go:build unix && !linux

package testsvc

import "syscall"

// procAttr runs a server as cred (nil: as this process).
func procAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Setpgid: true}
}
