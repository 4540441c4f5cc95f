package room

import (
	"crypto/rand"
	"encoding/base64"
	"strings"
)

// CodeAlphabet is the alphabet of room codes: digits and capital letters
// without 0, O, 1 and I, which players confuse when reading a code aloud.
const CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// CodeLen is the length of a room code.
const CodeLen = 6

// NewCode returns a crypto-random room code.
func NewCode() string {
	var b [CodeLen]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	for i := range b {
		b[i] = CodeAlphabet[int(b[i])%len(CodeAlphabet)] // 256 % 32 == 0: unbiased
	}
	return string(b[:])
}

// NormalizeCode upper-cases a code a player typed and reports whether it
// can be a room code.
func NormalizeCode(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != CodeLen {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(CodeAlphabet, s[i]) < 0 {
			return "", false
		}
	}
	return s, true
}

// NewToken returns a crypto-random, URL-safe token of 128 bits: host
// tokens and session tokens.
func NewToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}
