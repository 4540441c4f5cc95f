package netcode

import (
	"encoding/binary"
	"errors"
	"reflect"
)

// ErrRange is the reason for a frame whose integer does not fit its field
// (a Round of 258 or -1 in a uint8). The msgpack library would wrap such a
// value around silently, so Decode checks every integer field first.
var ErrRange = errors.New("netcode: integer out of range for its field")

// plan is what checkInts needs to know of a Go type, computed once at init
// for every type reachable from a message struct, read-only afterwards.
type plan struct {
	check  bool           // the type holds narrow integers
	fields []reflect.Type // a struct's exported field types
}

var plans = map[reflect.Type]*plan{}

// planOf computes (during init) or looks up the plan of rt.
func planOf(rt reflect.Type) *plan {
	if p, ok := plans[rt]; ok {
		return p
	}
	p := &plan{}
	plans[rt] = p
	switch rt.Kind() {
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Uint8, reflect.Uint16, reflect.Uint32:
		p.check = true
	case reflect.Slice:
		p.check = rt.Elem().Kind() != reflect.Uint8 && planOf(rt.Elem()).check
	case reflect.Struct:
		for i := range rt.NumField() {
			if f := rt.Field(i); f.IsExported() {
				p.fields = append(p.fields, f.Type)
				p.check = planOf(f.Type).check || p.check
			}
		}
	}
	return p
}

func init() {
	for _, kd := range kinds {
		planOf(reflect.TypeOf(kd.new()).Elem())
	}
}

// checkInts walks the value at b[pos:], which Guard has accepted, as the Go
// type rt, refusing integers that do not fit their field and as_array
// structs whose element count is not their field count. It returns the
// position after the value. int64 and uint64 fields need no check (the
// library refuses what does not fit them); types without narrower integers
// are skipped whole.
func checkInts(b []byte, pos int, rt reflect.Type) (int, error) {
	p := plans[rt]
	if p == nil || !p.check {
		return skipValue(b, pos), nil
	}
	c := b[pos]
	switch rt.Kind() {
	case reflect.Struct:
		n, hdr, ok := arrayHeader(b[pos:])
		if !ok || n != len(p.fields) {
			return pos, &FrameError{Reason: ErrBody, Offset: pos}
		}
		pos += hdr
		for _, ft := range p.fields {
			var err error
			if pos, err = checkInts(b, pos, ft); err != nil {
				return pos, err
			}
		}
		return pos, nil
	case reflect.Slice:
		if c == 0xc0 {
			return pos + 1, nil
		}
		n, hdr, ok := arrayHeader(b[pos:])
		if !ok {
			return pos, &FrameError{Reason: ErrBody, Offset: pos}
		}
		pos += hdr
		for range n {
			var err error
			if pos, err = checkInts(b, pos, rt.Elem()); err != nil {
				return pos, err
			}
		}
		return pos, nil
	}
	// A narrow integer.
	var neg bool // the value is negative; s holds it
	var s int64
	var u uint64
	switch {
	case c <= 0x7f:
		u = uint64(c)
	case c >= 0xe0:
		neg, s = true, int64(int8(c))
	case c >= 0xcc && c <= 0xd3:
		size := fixedSize(c)
		for _, x := range b[pos+1 : pos+1+int(size)] {
			u = u<<8 | uint64(x)
		}
		if c >= 0xd0 { // signed: sign-extend
			shift := 64 - 8*size
			if s = int64(u<<shift) >> shift; s < 0 {
				neg = true
			}
		}
	default:
		// Not an integer: the library reports the wrong kind.
		return skipValue(b, pos), nil
	}
	if !fits(rt, neg, s, u) {
		return pos, &FrameError{Reason: ErrRange, Offset: pos}
	}
	return skipValue(b, pos), nil
}

// fits reports whether an integer (s if neg, else u) fits the kind of rt,
// which is a narrow integer.
func fits(rt reflect.Type, neg bool, s int64, u uint64) bool {
	bits := uint(rt.Bits())
	if !isSigned(rt) {
		return !neg && u < 1<<bits
	}
	if neg {
		return s >= -(1 << (bits - 1))
	}
	return u < 1<<(bits-1)
}

func isSigned(rt reflect.Type) bool { return rt.Kind() >= reflect.Int && rt.Kind() <= reflect.Int64 }

// arrayHeader reads an array header: its length and size in bytes.
func arrayHeader(b []byte) (n, size int, ok bool) {
	switch c := b[0]; {
	case c >= 0x90 && c <= 0x9f:
		return int(c & 0x0f), 1, true
	case c == 0xdc:
		return int(binary.BigEndian.Uint16(b[1:])), 3, true
	case c == 0xdd:
		return int(binary.BigEndian.Uint32(b[1:])), 5, true
	}
	return 0, 0, false
}

// skipValue returns the position after the value at b[pos:], which Guard
// has accepted (so every prefix fits and no extension occurs).
func skipValue(b []byte, pos int) int {
	for left := 1; left > 0; left-- {
		c := b[pos]
		pos++
		switch {
		case c >= 0x80 && c <= 0x8f:
			left += 2 * int(c&0x0f)
		case c >= 0x90 && c <= 0x9f:
			left += int(c & 0x0f)
		case c >= 0xa0 && c <= 0xbf:
			pos += int(c & 0x1f)
		case c == 0xc4 || c == 0xd9:
			pos += 1 + int(b[pos])
		case c == 0xc5 || c == 0xda:
			pos += 2 + int(binary.BigEndian.Uint16(b[pos:]))
		case c == 0xc6 || c == 0xdb:
			pos += 4 + int(binary.BigEndian.Uint32(b[pos:]))
		case c == 0xca, c == 0xcb, c >= 0xcc && c <= 0xd3:
			pos += int(fixedSize(c))
		case c == 0xdc:
			left += int(binary.BigEndian.Uint16(b[pos:]))
			pos += 2
		case c == 0xdd:
			left += int(binary.BigEndian.Uint32(b[pos:]))
			pos += 4
		case c == 0xde:
			left += 2 * int(binary.BigEndian.Uint16(b[pos:]))
			pos += 2
		case c == 0xdf:
			left += 2 * int(binary.BigEndian.Uint32(b[pos:]))
			pos += 4
		}
	}
	return pos
}
