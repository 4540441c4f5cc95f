package main

import "github.com/osarena/osarena/assets/client"

// The embedded client build, when `make build` put one into assets/client.
func init() {
	if f, ok := client.FS(); ok {
		defaultWeb = f
	}
}
