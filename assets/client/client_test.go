package client

import (
	"io/fs"
	"testing"
)

func TestFS(t *testing.T) {
	f, built := FS()
	if f == nil {
		t.Fatal("FS() returned no file system")
	}
	if _, err := fs.Stat(f, "README.md"); err != nil {
		t.Errorf("embedded dist lacks README.md: %v", err)
	}
	_, err := fs.Stat(f, "index.html")
	if built != (err == nil) {
		t.Errorf("FS() built = %v, but index.html present = %v", built, err == nil)
	}
}
