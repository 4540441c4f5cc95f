package game

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/osarena/osarena/sim/quiz"
)

// What the sandbox accepts, kept small enough for the pictures to stay
// readable on a phone (the simulators themselves take far more).
const (
	sandboxMaxItems     = 30   // references or requests
	sandboxMaxPage      = 999  // largest page number
	sandboxMaxCylinders = 9999 // largest cylinder count
)

// inputError is a problem with what the player typed, in words they can
// act on: it names the item and what is wrong with it, in either language.
type inputError struct {
	m    msg
	args []any
}

// Error implements error (in English, for logs and tests).
func (e *inputError) Error() string { return e.m.f(quiz.English, e.args...) }

// in writes the problem in lang.
func (e *inputError) in(lang quiz.Lang) string { return e.m.f(lang, e.args...) }

func badInput(m msg, args ...any) *inputError { return &inputError{m, args} }

// sandboxTokens splits what was typed into items: separated by spaces,
// commas or semicolons (full-width ones too), with brackets around the
// whole list ignored, so "7 0 1", "7,0,1" and "[7, 0, 1]" are one list.
func sandboxTokens(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "["), "(")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "]"), ")")
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;，；、", r)
	})
}

// parseRefs reads a reference string: page numbers, each optionally
// followed by w (or W) for a write, as in "7 0w 1". writes is nil when
// nothing writes.
func parseRefs(s string) (refs []int, writes []bool, err *inputError) {
	toks := sandboxTokens(s)
	if len(toks) == 0 {
		return nil, nil, badInput(msgSbNoRefs)
	}
	if len(toks) > sandboxMaxItems {
		return nil, nil, badInput(msgSbTooManyRefs, sandboxMaxItems, len(toks))
	}
	anyWrite := false
	writes = make([]bool, len(toks))
	for i, tok := range toks {
		num := tok
		if t, ok := strings.CutSuffix(strings.ToLower(tok), "w"); ok && t != "" {
			num, writes[i], anyWrite = t, true, true
		}
		v, e := parseItem(num, tok, i, sandboxMaxPage, msgSbNotPage, msgSbPageRange)
		if e != nil {
			return nil, nil, e
		}
		refs = append(refs, v)
	}
	if !anyWrite {
		writes = nil
	}
	return refs, writes, nil
}

// parseRequests reads a request queue of cylinders on a disk of cylinders
// cylinders (0 to cylinders-1).
func parseRequests(s string, cylinders int) ([]int, *inputError) {
	toks := sandboxTokens(s)
	if len(toks) == 0 {
		return nil, badInput(msgSbNoRequests)
	}
	if len(toks) > sandboxMaxItems {
		return nil, badInput(msgSbTooManyReqs, sandboxMaxItems, len(toks))
	}
	out := make([]int, 0, len(toks))
	for i, tok := range toks {
		v, e := parseItem(tok, tok, i, cylinders-1, msgSbNotCylinder, msgSbCylRange)
		if e != nil {
			return nil, e
		}
		out = append(out, v)
	}
	return out, nil
}

// parseItem reads item i (num, typed as tok) as a number from 0 to hi.
func parseItem(num, tok string, i, hi int, notNumber, outOfRange msg) (int, *inputError) {
	v, err := strconv.Atoi(num)
	switch {
	case err != nil && strings.HasPrefix(num, "-") && isDigits(num[1:]):
		return 0, badInput(outOfRange, i+1, tok, hi)
	case err != nil && isDigits(num): // too many digits for an int
		return 0, badInput(outOfRange, i+1, shorten(tok), hi)
	case err != nil:
		return 0, badInput(notNumber, i+1, shorten(tok))
	case v < 0 || v > hi:
		return 0, badInput(outOfRange, i+1, tok, hi)
	}
	return v, nil
}

// parseSetting reads one number typed in a small field (the head, the
// cylinder count) that must be from lo to hi; m names the field.
func parseSetting(s string, lo, hi int, m msg) (int, *inputError) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v < lo || v > hi {
		return 0, badInput(m, lo, hi)
	}
	return v, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// shorten keeps a quoted item short enough for a one-line message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 12 {
		return string(r[:11]) + "…"
	}
	return s
}
