package netcode

import "encoding/binary"

// Limits bound what Guard accepts. The zero value is not useful; start from
// DefaultLimits.
type Limits struct {
	// MaxDepth bounds how deeply arrays and maps nest (the envelope is
	// depth 1, a message body depth 2). At most 64.
	MaxDepth int
	// MaxElements bounds the number of msgpack values in one frame, counting
	// every array element and every map key and value.
	MaxElements int
}

// DefaultLimits are the limits Decode applies: deep enough for every
// message of the protocol (a RoundStart nests to depth 7), and enough elements
// for a Reveal or RoomState of a few thousand players.
var DefaultLimits = Limits{MaxDepth: 16, MaxElements: 1 << 16}

// maxGuardDepth is the size of the guard's fixed stack.
const maxGuardDepth = 64

// fixedSize is the size of the payload after a float or integer's byte.
func fixedSize(c byte) uint64 {
	switch {
	case c == 0xca:
		return 4
	case c == 0xcb:
		return 8
	case c <= 0xcf:
		return 1 << (c - 0xcc)
	default:
		return 1 << (c - 0xd0)
	}
}

// Guard checks the structure of a msgpack frame before anything decodes it:
// the frame must hold exactly one value; every length prefix (str, bin,
// array, map) must fit in the bytes that remain (an array or map element
// takes at least one byte, so an array of n elements needs n bytes); nesting
// and the element count stay within DefaultLimits; and no extension types
// or reserved bytes occur (the protocol uses none). It allocates nothing but
// its error and runs in time linear in len(frame), so a 5-byte frame claiming a 4 GB
// string is refused before the msgpack library could trust the prefix.
//
// Guard is safe for concurrent use. Errors are *FrameError.
func Guard(frame []byte) error { return DefaultLimits.Guard(frame) }

// Guard is the package-level Guard with the limits l.
func (l Limits) Guard(b []byte) error {
	maxDepth := min(l.MaxDepth, maxGuardDepth)
	// stack[i] counts the values still expected by the i-th open container;
	// stack[0] is the frame itself, which holds one value.
	var stack [maxGuardDepth + 1]uint64
	depth := 0
	stack[0] = 1
	pos := 0
	elements := 0
	fail := func(reason error) error { return &FrameError{Reason: reason, Offset: pos} }
	// need checks that n more bytes (or values of at least a byte) remain.
	need := func(n uint64) bool { return n <= uint64(len(b)-pos) }
	for {
		if stack[depth] == 0 {
			if depth == 0 {
				break
			}
			depth--
			continue
		}
		stack[depth]--
		if pos >= len(b) {
			return fail(ErrTruncated)
		}
		elements++
		if elements > l.MaxElements {
			return fail(ErrTooMany)
		}
		c := b[pos]
		pos++
		var skip, open uint64 // bytes to skip; values a new container holds
		isContainer := false
		switch {
		case c <= 0x7f, c >= 0xe0, c == 0xc0, c == 0xc2, c == 0xc3:
			// fixint, negative fixint, nil, false, true
		case c >= 0x80 && c <= 0x8f: // fixmap
			open, isContainer = 2*uint64(c&0x0f), true
		case c >= 0x90 && c <= 0x9f: // fixarray
			open, isContainer = uint64(c&0x0f), true
		case c >= 0xa0 && c <= 0xbf: // fixstr
			skip = uint64(c & 0x1f)
		case c == 0xc4 || c == 0xd9: // bin8, str8
			if !need(1) {
				return fail(ErrTruncated)
			}
			skip = uint64(b[pos])
			pos++
		case c == 0xc5 || c == 0xda: // bin16, str16
			if !need(2) {
				return fail(ErrTruncated)
			}
			skip = uint64(binary.BigEndian.Uint16(b[pos:]))
			pos += 2
		case c == 0xc6 || c == 0xdb: // bin32, str32
			if !need(4) {
				return fail(ErrTruncated)
			}
			skip = uint64(binary.BigEndian.Uint32(b[pos:]))
			pos += 4
		case c == 0xca, c == 0xcb, c >= 0xcc && c <= 0xd3: // float32/64, uint8..64, int8..64
			size := fixedSize(c)
			if !need(size) {
				return fail(ErrTruncated)
			}
			pos += int(size)
			continue
		case c == 0xdc || c == 0xde: // array16, map16
			if !need(2) {
				return fail(ErrTruncated)
			}
			open, isContainer = uint64(binary.BigEndian.Uint16(b[pos:])), true
			pos += 2
		case c == 0xdd || c == 0xdf: // array32, map32
			if !need(4) {
				return fail(ErrTruncated)
			}
			open, isContainer = uint64(binary.BigEndian.Uint32(b[pos:])), true
			pos += 4
		case c >= 0xc7 && c <= 0xc9, c >= 0xd4 && c <= 0xd8: // ext
			pos--
			return fail(ErrExtension)
		default: // 0xc1, never used
			pos--
			return fail(ErrReservedByte)
		}
		if isContainer {
			if c == 0xde || c == 0xdf {
				open *= 2
			}
			if !need(open) {
				return fail(ErrLength)
			}
			if open == 0 {
				continue
			}
			if depth+1 > maxDepth {
				return fail(ErrTooDeep)
			}
			depth++
			stack[depth] = open
			continue
		}
		if !need(skip) {
			return fail(ErrLength)
		}
		pos += int(skip)
	}
	if pos != len(b) {
		return fail(ErrTrailing)
	}
	return nil
}
