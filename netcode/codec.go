package netcode

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"github.com/vmihailenco/msgpack/v5"
)

// Errors. Every error Decode returns is a *FrameError whose Reason is one of
// the Err* values below; errors.Is(err, ErrBadFrame) holds for all of them.
// The server answers any of them by closing with CloseBadMessage.
var (
	ErrBadFrame     = errors.New("netcode: bad frame")
	ErrTruncated    = errors.New("netcode: frame ends inside a value")
	ErrLength       = errors.New("netcode: length prefix exceeds the frame")
	ErrTooDeep      = errors.New("netcode: frame nests too deeply")
	ErrTooMany      = errors.New("netcode: frame holds too many values")
	ErrTrailing     = errors.New("netcode: bytes after the frame's value")
	ErrExtension    = errors.New("netcode: msgpack extension types are not used")
	ErrReservedByte = errors.New("netcode: reserved msgpack byte")
	ErrEnvelope     = errors.New("netcode: frame is not [type, seq, body]")
	ErrUnknownType  = errors.New("netcode: unknown message type")
	ErrBody         = errors.New("netcode: body does not fit the message type")

	// ErrEncodeType is returned by Encode when msg is not the message
	// struct of the type it was given.
	ErrEncodeType = errors.New("netcode: message does not match its type")
)

// FrameError says why a frame was refused and where.
type FrameError struct {
	Reason error // one of the Err* values
	Offset int   // byte offset in the frame where the guard stopped
	Type   Type  // the message type, when the envelope was read
	Err    error // the msgpack library's error, for ErrBody
}

func (e *FrameError) Error() string {
	s := fmt.Sprintf("%v at byte %d", e.Reason, e.Offset)
	if e.Type != 0 {
		s += " (" + e.Type.String() + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the reason and the library error.
func (e *FrameError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Reason}
	}
	return []error{e.Reason, e.Err}
}

// Is makes every FrameError match ErrBadFrame.
func (e *FrameError) Is(target error) bool { return target == ErrBadFrame }

// CloseCode is the close code a server sends for a bad frame.
func (e *FrameError) CloseCode() CloseCode { return CloseBadMessage }

// kind is one message type of the registry.
type kind struct {
	t      Type
	name   string
	new    func() any
	fields int // encoded fields of the struct
}

func k[M any](t Type, name string) kind {
	return kind{t: t, name: name, new: func() any { return new(M) }}
}

var kinds = []kind{
	k[Hello](TypeHello, "Hello"),
	k[Welcome](TypeWelcome, "Welcome"),
	k[Ping](TypePing, "Ping"),
	k[Pong](TypePong, "Pong"),
	k[Error](TypeError, "Error"),
	k[CreateRoom](TypeCreateRoom, "CreateRoom"),
	k[JoinRoom](TypeJoinRoom, "JoinRoom"),
	k[LeaveRoom](TypeLeaveRoom, "LeaveRoom"),
	k[RoomJoined](TypeRoomJoined, "RoomJoined"),
	k[RoomState](TypeRoomState, "RoomState"),
	k[UpdateSettings](TypeUpdateSettings, "UpdateSettings"),
	k[Kick](TypeKick, "Kick"),
	k[Lock](TypeLock, "Lock"),
	k[StartMatch](TypeStartMatch, "StartMatch"),
	k[Next](TypeNext, "Next"),
	k[RoundStart](TypeRoundStart, "RoundStart"),
	k[Answer](TypeAnswer, "Answer"),
	k[AnswerAck](TypeAnswerAck, "AnswerAck"),
	k[Answered](TypeAnswered, "Answered"),
	k[Reveal](TypeReveal, "Reveal"),
	k[Podium](TypePodium, "Podium"),
	k[CreateTournament](TypeCreateTournament, "CreateTournament"),
	k[TournamentCreated](TypeTournamentCreated, "TournamentCreated"),
	k[JoinTournament](TypeJoinTournament, "JoinTournament"),
	k[WatchTournament](TypeWatchTournament, "WatchTournament"),
	k[StartTournament](TypeStartTournament, "StartTournament"),
	k[TournamentState](TypeTournamentState, "TournamentState"),
	k[CorrectResult](TypeCorrectResult, "CorrectResult"),
	k[ReadyDuel](TypeReadyDuel, "ReadyDuel"),
	k[CreateStudy](TypeCreateStudy, "CreateStudy"),
	k[JoinStudy](TypeJoinStudy, "JoinStudy"),
	k[Propose](TypePropose, "Propose"),
	k[Predict](TypePredict, "Predict"),
	k[Step](TypeStep, "Step"),
	k[Back](TypeBack, "Back"),
	k[Forward](TypeForward, "Forward"),
	k[StudyState](TypeStudyState, "StudyState"),
	k[GetStats](TypeGetStats, "GetStats"),
	k[Stats](TypeStats, "Stats"),
}

var (
	byType   [256]*kind
	byGoType = map[reflect.Type]Type{}
)

func init() {
	for i := range kinds {
		kd := &kinds[i]
		byType[kd.t] = kd
		rt := reflect.TypeOf(kd.new())
		byGoType[rt] = kd.t
		byGoType[rt.Elem()] = kd.t
		for i := range rt.Elem().NumField() {
			if f := rt.Elem().Field(i); f.IsExported() && f.Tag.Get("msgpack") != "-" {
				kd.fields++
			}
		}
	}
}

// Types returns every message type, in protocol order.
func Types() []Type {
	out := make([]Type, len(kinds))
	for i, kd := range kinds {
		out[i] = kd.t
	}
	return out
}

// New returns a pointer to a new zero message of type t (*Hello for
// TypeHello), or false if t is not a message type.
func New(t Type) (any, bool) {
	kd := byType[t]
	if kd == nil {
		return nil, false
	}
	return kd.new(), true
}

// String returns the message name ("Hello"), or "Type(n)".
func (t Type) String() string {
	if kd := byType[t]; kd != nil {
		return kd.name
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

// TypeOf returns the type of a message struct or a pointer to one.
func TypeOf(msg any) (Type, bool) {
	t, ok := byGoType[reflect.TypeOf(msg)]
	return t, ok
}

// encoder is a pooled msgpack encoder writing into its own buffer.
type encoder struct {
	buf bytes.Buffer
	enc *msgpack.Encoder
}

var encoders = sync.Pool{New: func() any {
	e := &encoder{}
	e.enc = msgpack.NewEncoder(&e.buf)
	return e
}}

// Encode returns the frame [t, seq, msg]. msg is the message struct of
// type t or a pointer to it. The bytes are new and never touched again by
// netcode, so one encode can go to every member of a group. Map keys are
// sorted, so equal messages encode to equal bytes. Safe for concurrent use.
func Encode(t Type, seq uint32, msg any) ([]byte, error) {
	return encode(t, seq, msg, false)
}

// seqOffset is where a frame encoded with a fixed-width sequence number
// holds it (after 0x93, the type's byte and 0xce), for patching.
const seqOffset = 3

// encode encodes a frame; fixedSeq writes seq as a 4-byte uint32 at
// seqOffset so that the client can number a queued frame when it sends it.
func encode(t Type, seq uint32, msg any, fixedSeq bool) ([]byte, error) {
	if got, ok := TypeOf(msg); !ok || got != t || t > 0x7f {
		return nil, fmt.Errorf("%w: %T as %v", ErrEncodeType, msg, t)
	}
	e := encoders.Get().(*encoder)
	defer encoders.Put(e)
	e.buf.Reset()
	e.enc.Reset(&e.buf)
	e.enc.UseCompactInts(true)
	e.enc.SetSortMapKeys(true)
	e.buf.WriteByte(0x93)
	e.buf.WriteByte(byte(t)) // positive fixint: types are below 0x80
	if fixedSeq {
		e.buf.Write([]byte{0xce, byte(seq >> 24), byte(seq >> 16), byte(seq >> 8), byte(seq)})
	} else if err := e.enc.EncodeUint(uint64(seq)); err != nil {
		return nil, err
	}
	if err := e.enc.Encode(msg); err != nil {
		return nil, fmt.Errorf("netcode: encode %v: %w", t, err)
	}
	return bytes.Clone(e.buf.Bytes()), nil
}

// setSeq writes seq into a frame made by encode with fixedSeq.
func setSeq(frame []byte, seq uint32) {
	frame[seqOffset], frame[seqOffset+1], frame[seqOffset+2], frame[seqOffset+3] =
		byte(seq>>24), byte(seq>>16), byte(seq>>8), byte(seq)
}

// decoder is a pooled msgpack decoder with its reader.
type decoder struct {
	rd  bytes.Reader
	dec *msgpack.Decoder
}

var decoders = sync.Pool{New: func() any {
	d := &decoder{}
	d.dec = msgpack.NewDecoder(&d.rd)
	return d
}}

// Decode checks frame with Guard and then decodes it. It returns the type,
// the sequence number and a pointer to the message struct (*Hello for
// TypeHello). Unknown types, bodies that are not arrays or do not fit the
// type's struct, integers that do not fit their field (the library would
// wrap them around), and trailing bytes are refused with a *FrameError. A body
// (and every struct inside it) must have exactly as many elements as the
// struct has fields: adding a field is a protocol change, and both sides
// check ProtocolVersion in Hello. Integers may come in any msgpack width.
// The result does not alias frame. Safe for concurrent use.
func Decode(frame []byte) (Type, uint32, any, error) {
	if err := Guard(frame); err != nil {
		return 0, 0, nil, err
	}
	bad := func(off int, reason error) error { return &FrameError{Reason: reason, Offset: off} }
	// The guard has checked every prefix, so the envelope can be read
	// directly.
	if frame[0] != 0x93 {
		return 0, 0, nil, bad(0, ErrEnvelope)
	}
	pos := 1
	t, n, ok := readUint(frame[pos:])
	if !ok || t > 0xff {
		return 0, 0, nil, bad(pos, ErrEnvelope)
	}
	kd := byType[t]
	if kd == nil {
		return 0, 0, nil, bad(pos, ErrUnknownType)
	}
	pos += n
	seq, n, ok := readUint(frame[pos:])
	if !ok || seq > 0xffffffff {
		return 0, 0, nil, bad(pos, ErrEnvelope)
	}
	pos += n
	if n, _, ok := arrayHeader(frame[pos:]); !ok || n != kd.fields {
		return 0, 0, nil, &FrameError{Reason: ErrBody, Offset: pos, Type: kd.t}
	}
	msg := kd.new()
	if _, err := checkInts(frame, pos, reflect.TypeOf(msg).Elem()); err != nil {
		fe := err.(*FrameError)
		fe.Type = kd.t
		return 0, 0, nil, fe
	}
	d := decoders.Get().(*decoder)
	defer decoders.Put(d)
	d.rd.Reset(frame[pos:])
	d.dec.Reset(&d.rd)
	if err := d.dec.Decode(msg); err != nil {
		return 0, 0, nil, &FrameError{Reason: ErrBody, Offset: pos, Type: kd.t, Err: err}
	}
	if d.rd.Len() != 0 { // cannot happen after the guard; kept as a check
		return 0, 0, nil, &FrameError{Reason: ErrTrailing, Offset: len(frame) - d.rd.Len(), Type: kd.t}
	}
	return kd.t, uint32(seq), msg, nil
}

// readUint reads a non-negative msgpack integer and its size in bytes.
func readUint(b []byte) (v uint64, n int, ok bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	c := b[0]
	switch {
	case c <= 0x7f:
		return uint64(c), 1, true
	case c >= 0xcc && c <= 0xcf, c >= 0xd0 && c <= 0xd3:
		size := 1 << ((c - 0xcc) & 3)
		if len(b) < 1+size {
			return 0, 0, false
		}
		for _, x := range b[1 : 1+size] {
			v = v<<8 | uint64(x)
		}
		if c >= 0xd0 && v>>(8*size-1) != 0 { // a negative signed integer
			return 0, 0, false
		}
		return v, 1 + size, true
	}
	return 0, 0, false
}
