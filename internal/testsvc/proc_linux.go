package testsvc

import "syscall"

// procAttr runs a server as cred (nil: as this process) and has the kernel
// end it if the test binary dies first, so that no server outlives a
// killed test run.
func procAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL, Setpgid: true}
}
