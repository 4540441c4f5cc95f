package game

import (
	"strings"
	"unicode/utf8"

	"github.com/osarena/osarena/sim/quiz"
)

// entryForm is the nickname and room-code pair of the scenes that create or
// join a room (friends, study rooms): the two HTML input fields, the
// message under them and the language it is in.
type entryForm struct {
	nick, code *field
	err        string // a refusal or a hint, already in words
	lang       quiz.Lang
}

// nickname returns the trimmed nickname, or asks for one.
func (f *entryForm) nickname() (string, bool) {
	n := strings.Join(strings.Fields(f.nick.value()), " ")
	if n == "" || utf8.RuneCountInString(n) > 20 {
		f.err = msgNeedNick.in(f.lang)
		f.nick.focus()
		return "", false
	}
	return n, true
}

// roomCode returns the typed code tidied (capitals, no spaces), or asks for
// a whole one.
func (f *entryForm) roomCode() (string, bool) {
	code := tidyCode(f.code.value())
	if len(code) != codeLen {
		f.err = msgNeedCode.in(f.lang)
		f.code.focus()
		return "", false
	}
	return code, true
}

// leave removes the input fields from the page.
func (f *entryForm) leave() {
	f.nick.remove()
	f.code.remove()
}
