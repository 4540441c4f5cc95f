// Command wasmsize lists where a Go WebAssembly binary's code goes, by
// package: it reads the code section's function bodies and the name
// section's function names (build without -ldflags=-s to keep them).
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/full.wasm ./cmd/osarena-web
//	go run ./internal/wasmsize -n 40 /tmp/full.wasm
//
// It is how the client's size budget is kept: see which package grew.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

func main() {
	n := flag.Int("n", 40, "packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n N] file.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = report(os.Stdout, b, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

// report prints the code bytes per package, largest first.
func report(w io.Writer, b []byte, n int) error {
	m, err := parse(b)
	if err != nil {
		return err
	}
	if len(m.names) == 0 {
		return errors.New("no name section: build without -ldflags=-s")
	}
	by := map[string]int{}
	total := 0
	for i, size := range m.bodies {
		by[pkgOf(m.names[m.imported+i])] += size
		total += size
	}
	type row struct {
		pkg  string
		size int
	}
	rows := make([]row, 0, len(by))
	for p, s := range by {
		rows = append(rows, row{p, s})
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Or(b.size-a.size, strings.Compare(a.pkg, b.pkg)) })
	fmt.Fprintf(w, "%10d  code in all (%d functions); data %d\n", total, len(m.bodies), m.data)
	for _, r := range rows[:min(n, len(rows))] {
		fmt.Fprintf(w, "%10d  %s\n", r.size, r.pkg)
	}
	return nil
}

// pkgOf returns the package part of a Go wasm function name, whose
// slashes are underscores ("github.com_x_y.T.M" gives "github.com_x_y").
func pkgOf(name string) string {
	start := 0
	if strings.HasPrefix(name, "type:") || strings.HasPrefix(name, "type_.") {
		return "(type equality and hash functions)"
	}
	if i := strings.Index(name, ".com_"); i >= 0 {
		start = i + 5
	} else if i := strings.Index(name, ".org_"); i >= 0 {
		start = i + 5
	}
	if j := strings.IndexByte(name[start:], '.'); j >= 0 {
		return name[:start+j]
	}
	return name
}

// module is what report needs of a wasm file.
type module struct {
	imported int   // imported functions come first in the index space
	bodies   []int // size of each defined function's body
	names    map[int]string
	data     int // bytes of the data section
}

// parse reads the sections of a wasm binary.
func parse(b []byte) (*module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm binary")
	}
	m := &module{names: map[int]string{}}
	r := &reader{b: b, i: 8}
	for r.i < len(b) {
		id := r.byte()
		size := r.uleb()
		end := r.i + size
		if r.err != nil || end > len(b) {
			return nil, errors.New("truncated section")
		}
		body := &reader{b: b[:end], i: r.i}
		switch id {
		case 2: // imports
			for range body.uleb() {
				body.skip(body.uleb()) // module
				body.skip(body.uleb()) // field
				switch body.byte() {
				case 0: // function
					body.uleb()
					m.imported++
				case 1: // table
					body.byte()
					body.limits()
				case 2: // memory
					body.limits()
				case 3: // global
					body.skip(2)
				}
			}
		case 10: // code
			for range body.uleb() {
				n := body.uleb()
				m.bodies = append(m.bodies, n)
				body.skip(n)
			}
		case 11: // data
			m.data = size
		case 0: // custom: the name section
			if string(body.bytes(body.uleb())) == "name" {
				for body.i < end && body.err == nil {
					sub, n := body.byte(), body.uleb()
					next := body.i + n
					if sub == 1 {
						for range body.uleb() {
							idx := body.uleb()
							m.names[idx] = string(body.bytes(body.uleb()))
						}
					}
					body.i = next
				}
			}
		}
		if body.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, body.err)
		}
		r.i = end
	}
	return m, nil
}

// reader reads LEB128 numbers and bytes, remembering the first error.
type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		r.err = errors.New("truncated")
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *reader) uleb() int {
	v, s := 0, 0
	for r.err == nil && s < 63 {
		c := r.byte()
		v |= int(c&0x7f) << s
		if c < 0x80 {
			return v
		}
		s += 7
	}
	return v
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || r.i+n > len(r.b) {
		r.err = errors.New("truncated")
		return nil
	}
	r.i += n
	return r.b[r.i-n : r.i]
}

func (r *reader) skip(n int) { r.bytes(n) }

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uleb()
	}
	r.uleb()
}
