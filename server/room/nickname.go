package room

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxNickname is the longest nickname, in characters (code points).
const MaxNickname = 20

// ErrBadNickname refuses a nickname (netcode.ErrBadNickname on the wire).
var ErrBadNickname = errors.New("room: bad nickname")

// blocked are words no nickname may contain, compared after lower-casing
// and removing spaces and punctuation. Small on purpose: it stops the
// obvious, the host's kick handles the rest.
var blocked = []string{
	"fuck", "shit", "bitch", "cunt", "nigger", "faggot", "rapist", "nazi", "hitler",
	"시발", "씨발", "ㅅㅂ", "병신", "ㅂㅅ", "개새끼", "좆", "지랄", "니애미", "느금마", "썅",
}

// NormalizeNickname returns the nickname players see: NFC-normalised, with
// surrounding space trimmed and inner runs of space collapsed to one. It
// refuses invalid UTF-8, control and format characters (bidi overrides and
// isolates, zero-width joiners), anything outside 1–20 characters, and
// names containing a blocked word.
func NormalizeNickname(s string) (string, error) {
	if !utf8.ValidString(s) || len(s) > 4*MaxNickname*4 {
		return "", ErrBadNickname
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r): // tabs and newlines count as space
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError,
			unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r):
			return "", ErrBadNickname
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	s = b.String()
	if n := utf8.RuneCountInString(s); n < 1 || n > MaxNickname {
		return "", ErrBadNickname
	}
	if isBlocked(s) {
		return "", ErrBadNickname
	}
	return s, nil
}

func isBlocked(s string) bool {
	folded := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	for _, w := range blocked {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}
