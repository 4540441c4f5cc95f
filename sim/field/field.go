// Package field reports invalid scenario input by the name of the field at
// fault, so that every front end (the command line, the server, question
// packs) can print one line a person can act on, such as
// "frames must be between 1 and 64".
//
// Field names are the JSON paths of the scenario format (DESIGN.md §3):
// "frames", "refs[3]", "rules.opt_tie", "requests[2].block".
package field

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Error is a validation error that names the offending field.
type Error struct {
	Field string // JSON path of the field, e.g. "refs[3]"
	Msg   string // what is wrong, phrased to follow the field name
}

// Error returns "<field> <msg>".
func (e *Error) Error() string { return e.Field + " " + e.Msg }

// Errorf returns an *Error for name with a formatted message.
func Errorf(name, format string, args ...any) error {
	return &Error{Field: name, Msg: fmt.Sprintf(format, args...)}
}

// As reports whether err is or wraps an *Error and returns it.
func As(err error) (*Error, bool) {
	var fe *Error
	ok := errors.As(err, &fe)
	return fe, ok
}

// Index returns the path of element i of the array field name: "refs[3]".
func Index(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// Sub returns the path of member child of the object field name: "rules.opt_tie".
func Sub(name, child string) string { return name + "." + child }

// Range checks lo <= v <= hi.
func Range(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return Errorf(name, "must be between %d and %d", lo, hi)
	}
	return nil
}

// Len checks that an array field has between lo and hi elements.
func Len(name string, n, lo, hi int) error {
	if n < lo || n > hi {
		if lo == hi {
			return Errorf(name, "must have %d elements", lo)
		}
		return Errorf(name, "must have between %d and %d elements", lo, hi)
	}
	return nil
}

// Rule resolves a named rule: an empty *v becomes choices[0], the default;
// any other value must be one of choices.
func Rule(v *string, name string, choices ...string) error {
	if *v == "" {
		*v = choices[0]
		return nil
	}
	for _, c := range choices {
		if *v == c {
			return nil
		}
	}
	return Errorf(name, "must be one of %s", strings.Join(choices, ", "))
}

// OneOf checks that v is one of choices; unlike Rule, an empty value is an
// error (the field is required).
func OneOf(name, v string, choices ...string) error {
	for _, c := range choices {
		if v == c {
			return nil
		}
	}
	if v == "" {
		return Errorf(name, "is required (one of %s)", strings.Join(choices, ", "))
	}
	return Errorf(name, "must be one of %s", strings.Join(choices, ", "))
}
