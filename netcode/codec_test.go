package netcode

import (
	"bytes"
	"encoding/hex"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestSamplesCoverEveryType(t *testing.T) {
	seen := map[Type]bool{}
	for _, s := range samples() {
		seen[s.t] = true
	}
	for _, typ := range Types() {
		if !seen[typ] {
			t.Errorf("samples() has no %v", typ)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, s := range samples() {
		t.Run(s.t.String(), func(t *testing.T) {
			for _, seq := range []uint32{0, 1, 127, 128, 65535, 1 << 31} {
				b, err := Encode(s.t, seq, s.msg)
				if err != nil {
					t.Fatalf("Encode(%v, %d) error: %v", s.t, seq, err)
				}
				gotT, gotSeq, got, err := Decode(b)
				if err != nil {
					t.Fatalf("Decode(Encode(%v, %d)) error: %v", s.t, seq, err)
				}
				if gotT != s.t || gotSeq != seq {
					t.Errorf("Decode type, seq = %v, %d; want %v, %d", gotT, gotSeq, s.t, seq)
				}
				if !reflect.DeepEqual(got, s.msg) {
					t.Errorf("Decode(Encode(%#v)) = %#v", s.msg, got)
				}
				// A value encodes like a pointer to it.
				bv, err := Encode(s.t, seq, reflect.ValueOf(s.msg).Elem().Interface())
				if err != nil || !bytes.Equal(bv, b) {
					t.Errorf("Encode(value) = %x, %v; want %x", bv, err, b)
				}
			}
		})
	}
}

func TestEncodeIsDeterministic(t *testing.T) {
	for _, s := range samples() {
		a, _ := Encode(s.t, 9, s.msg)
		for range 20 {
			if b, _ := Encode(s.t, 9, s.msg); !bytes.Equal(a, b) {
				t.Fatalf("Encode(%v) gave %x then %x", s.t, a, b)
			}
		}
	}
}

func TestEncodeRefusesWrongType(t *testing.T) {
	tests := []struct {
		t   Type
		msg any
	}{
		{TypeHello, &Welcome{}},
		{TypePing, Pong{}},
		{TypeHello, "hello"},
		{TypeHello, nil},
		{Type(99), &Hello{}},
	}
	for _, tt := range tests {
		if _, err := Encode(tt.t, 1, tt.msg); !errors.Is(err, ErrEncodeType) {
			t.Errorf("Encode(%v, %T) error = %v; want ErrEncodeType", tt.t, tt.msg, err)
		}
	}
}

func TestFixedSeqPatch(t *testing.T) {
	b, err := encode(TypePing, 0, &Ping{ClientMs: 5}, true)
	if err != nil {
		t.Fatal(err)
	}
	setSeq(b, 70000)
	typ, seq, msg, err := Decode(b)
	if err != nil || typ != TypePing || seq != 70000 || msg.(*Ping).ClientMs != 5 {
		t.Errorf("Decode(patched) = %v, %d, %#v, %v; want Ping, 70000, ClientMs 5", typ, seq, msg, err)
	}
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name  string
		frame string // hex
		want  error
	}{
		{"empty", "", ErrTruncated},
		{"str32 of 4 GB", "dbffffffff", ErrLength},
		{"bin32 of 4 GB", "c6ffffffff", ErrLength},
		{"array32 of 4 G elements", "ddffffffff", ErrLength},
		{"map32 of 4 G pairs", "dfffffffff", ErrLength},
		{"array16 longer than the frame", "dc0005 01 02", ErrLength},
		{"str8 longer than the frame", "d905 6162", ErrLength},
		{"body claims 4 G elements", "93 03 01 ddffffffff", ErrLength},
		{"truncated array32 prefix", "ddffff", ErrTruncated},
		{"truncated uint64", "cf0102", ErrTruncated},
		{"missing element", "93 03 01", ErrLength},
		{"truncated int", "93 03 01 91 cd01", ErrTruncated},
		{"trailing byte", "93 03 01 91 05 00", ErrTrailing},
		{"two values", "c0 c0", ErrTrailing},
		{"extension", "93 03 01 91 d6ff00000000", ErrExtension},
		{"reserved byte", "93 03 01 91 c1", ErrReservedByte},
		{"too deep", strings.Repeat("91", 20) + "c0", ErrTooDeep},
		{"not an array", "a3616263", ErrEnvelope},
		{"two elements", "92 03 01", ErrEnvelope},
		{"negative type", "93 ff 01 90", ErrEnvelope},
		{"string type", "93 a1 61 01 90", ErrEnvelope},
		{"type 0", "93 00 01 90", ErrUnknownType},
		{"type 99", "93 63 01 90", ErrUnknownType},
		{"uint16 type 300", "93 cd012c 01 90", ErrEnvelope},
		{"negative seq", "93 03 ff 90", ErrEnvelope},
		{"seq past uint32", "93 03 cf0000000100000000 90", ErrEnvelope},
		{"body is a map", "93 03 01 80", ErrBody},
		{"body is nil", "93 03 01 c0", ErrBody},
		{"body field of the wrong kind", "93 03 01 91 a161", ErrBody},
		{"hello protocol is a string", "93 01 01 95 a178 01 a0 a0 a0", ErrBody},
		{"protocol 1 hello (four fields)", "93 01 01 94 01 01 a0 a0", ErrBody},
		{"round 258 in a uint8", "93 1f 01 92 cd0102 90", ErrRange},
		{"round -1 in a uint8", "93 1f 01 92 ff 90", ErrRange},
		{"round -1 as int8", "93 1f 01 92 d0ff 90", ErrRange},
		{"player id 2^32", "93 10 01 91 cf0000000100000000", ErrRange},
		{"nested: a result's streak -2", "93 22 01 94 01 90 80 91 99 01 c3 90 00 00 00 fe 00 80", ErrRange},
		{"nested: a choice value is a string", "93 1f 01 92 01 91 a161", ErrBody},
		{"extra field", "93 03 07 92 2a c0", ErrBody},
		{"missing field", "93 04 07 91 2a", ErrBody},
		{"empty body of a non-empty message", "93 04 07 90", ErrBody},
		{"fields in a message without any", "93 0c 07 91 c0", ErrBody},
	}
	for _, tt := range tests {
		frame := mustHex(t, tt.frame)
		typ, seq, msg, err := Decode(frame)
		if !errors.Is(err, tt.want) || !errors.Is(err, ErrBadFrame) {
			t.Errorf("%s: Decode(%x) = %v, %d, %v, %v; want error %v", tt.name, frame, typ, seq, msg, err, tt.want)
			continue
		}
		var fe *FrameError
		if !errors.As(err, &fe) || fe.CloseCode() != CloseBadMessage {
			t.Errorf("%s: Decode(%x) error %T does not close with CloseBadMessage", tt.name, frame, err)
		}
	}
}

func TestDecodeAcceptsAnyIntegerWidth(t *testing.T) {
	tests := []struct {
		name  string
		frame string
		want  any
	}{
		{"compact", "93 04 07 92 2a cd0100", &Pong{ClientMs: 42, ServerMs: 256}},
		{"wide", "93 cc04 ce00000007 92 d3000000000000002a cf0000000000000100", &Pong{ClientMs: 42, ServerMs: 256}},
		{"empty message", "93 0c 07 90", &LeaveRoom{}},
		{"int8 in a uint16", "93 0b 07 92 a0 a0", &JoinRoom{}},
		{"int16 max", "93 10 07 91 d17fff", &Kick{PlayerID: 32767}},
		{"uint32 max", "93 10 07 91 ceffffffff", &Kick{PlayerID: 1<<32 - 1}},
		{"negative int64 field", "93 04 07 92 ff d0 80", &Pong{ClientMs: -1, ServerMs: -128}},
		{"empty message as array16", "93 0c 07 dc0000", &LeaveRoom{}},
	}
	for _, tt := range tests {
		_, seq, got, err := Decode(mustHex(t, tt.frame))
		if err != nil || seq != 7 || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Decode = seq %d, %#v, %v; want seq 7, %#v", tt.name, seq, got, err, tt.want)
		}
	}
}

func TestGuardLimits(t *testing.T) {
	deep := func(n int) []byte { return append(bytes.Repeat([]byte{0x91}, n), 0xc0) }
	many := func(n int) []byte { // one array of n nils
		return append([]byte{0xdd, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}, bytes.Repeat([]byte{0xc0}, n)...)
	}
	l := Limits{MaxDepth: 4, MaxElements: 100}
	tests := []struct {
		name  string
		frame []byte
		want  error
	}{
		{"depth 4", deep(4), nil},
		{"depth 5", deep(5), ErrTooDeep},
		{"99 elements", many(99), nil}, // the array and its 99 values
		{"100 elements", many(100), ErrTooMany},
		{"empty containers at any count", bytes.Repeat([]byte{0x90}, 1), nil},
		{"map counts keys and values", []byte{0x81, 0x01, 0x02}, nil},
		{"map missing its value", []byte{0x81, 0x01}, ErrLength},
	}
	for _, tt := range tests {
		err := l.Guard(tt.frame)
		if !errors.Is(err, tt.want) && !(err == nil && tt.want == nil) {
			t.Errorf("%s: Limits%+v.Guard(% x) = %v; want %v", tt.name, l, tt.frame[:min(len(tt.frame), 8)], err, tt.want)
		}
	}
}

// A frame whose prefix claims 4 GB must be refused before anything is
// allocated for it.
func TestHugePrefixAllocatesNothing(t *testing.T) {
	frames := [][]byte{
		mustHex(t, "dbffffffff"),
		mustHex(t, "c6ffffffff"),
		mustHex(t, "ddffffffff"),
		mustHex(t, "dfffffffff"),
		mustHex(t, "93 1e 01 ddffffffff"),       // a RoundStart body of 4 G fields
		mustHex(t, "93 22 01 94 01 dd7fffffff"), // Reveal.Answer of 2 G values
		mustHex(t, "93 0a 01 92 dbffffffff"),    // CreateRoom nickname of 4 GB
	}
	for _, f := range frames {
		// Guard and Decode allocate only their error.
		if n := testing.AllocsPerRun(100, func() { _ = Guard(f) }); n > 1 {
			t.Errorf("Guard(%x) allocates %v times; want at most 1 (the error)", f, n)
		}
		if n := testing.AllocsPerRun(100, func() { _, _, _, _ = Decode(f) }); n > 1 {
			t.Errorf("Decode(%x) allocates %v times; want at most 1 (the error)", f, n)
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 1000 {
		for _, f := range frames {
			if _, _, _, err := Decode(f); err == nil {
				t.Fatalf("Decode(%x) accepted a frame claiming gigabytes", f)
			}
		}
	}
	runtime.ReadMemStats(&after)
	if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
		t.Errorf("decoding %d hostile frames allocated %d bytes; want under 1 MB", 1000*len(frames), d)
	}
}

func TestTypeString(t *testing.T) {
	tests := []struct {
		t    Type
		want string
	}{
		{TypeHello, "Hello"}, {TypePodium, "Podium"}, {Type(0), "Type(0)"}, {Type(200), "Type(200)"},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("Type(%d).String() = %q; want %q", uint8(tt.t), got, tt.want)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, s := range samples() {
		b.Run(s.t.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Encode(s.t, 12345, s.msg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, s := range samples() {
		frame, err := Encode(s.t, 12345, s.msg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(s.t.String(), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(frame)))
			for b.Loop() {
				if _, _, _, err := Decode(frame); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGuard(b *testing.B) {
	s := samples()[15] // RoundStart, the largest
	frame, _ := Encode(s.t, 1, s.msg)
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Guard(frame); err != nil {
			b.Fatal(err)
		}
	}
}
