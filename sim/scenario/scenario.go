// Package scenario reads the scenario JSON of DESIGN.md §3, validates it and
// runs the simulator its "kind" names. It is the single entry point shared by
// `osarena sim`, question packs and the server, so every front end accepts
// exactly the same documents and reports bad input the same way: an error
// whose message is one line naming the field (see package field).
//
// Run is pure and safe for concurrent use; it never panics on any input.
package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/osarena/osarena/sim/field"
)

// Version is the version of the simulators' behaviour. It changes whenever a
// scenario could produce a different trace, so that a client and a server
// with different versions never grade one question two ways.
const Version = 1

// MaxBytes is the largest scenario document Run accepts.
const MaxBytes = 4 << 20

// Result is the outcome of a scenario. It marshals with encoding/json to the
// trace of DESIGN.md §3 and prints itself as a table a student would draw.
type Result interface {
	WriteTable(w io.Writer) error
}

// runner runs one kind from the scenario object with "kind" removed.
type runner func(raw []byte) (Result, error)

// adapt turns a simulator's typed Run into a runner that decodes its config
// strictly (unknown fields are errors) before running it.
func adapt[C any, R Result](run func(C) (R, error)) runner {
	return func(raw []byte) (Result, error) {
		var c C
		if err := decodeStrict(raw, &c); err != nil {
			return nil, err
		}
		r, err := run(c)
		if err != nil {
			return nil, err
		}
		return r, nil
	}
}

// kinds maps every scenario kind to its runner. Each group of simulators
// lists its kinds in a file of its own.
var kinds = merge(replaceKinds, memKinds, pagingKinds, segmentKinds, diskKinds, raidKinds, fsKinds)

func merge(groups ...map[string]runner) map[string]runner {
	all := map[string]runner{}
	for _, g := range groups {
		maps.Copy(all, g)
	}
	return all
}

// Kinds returns every scenario kind Run accepts, sorted.
func Kinds() []string { return slices.Sorted(maps.Keys(kinds)) }

// Run decodes the scenario in data, validates it and runs its simulator.
// Errors from bad input are *field.Error or, for malformed JSON, an error
// whose message starts with "scenario".
func Run(data []byte) (Result, error) {
	kind, rest, err := Split(data)
	if err != nil {
		return nil, err
	}
	return kinds[kind](rest)
}

// Split checks that data is a scenario object of a known kind and returns
// the kind and the object without its "kind" member, ready for Decode.
func Split(data []byte) (kind string, rest []byte, err error) {
	if len(data) > MaxBytes {
		return "", nil, fmt.Errorf("scenario is larger than %d bytes", MaxBytes)
	}
	var obj map[string]json.RawMessage
	if err := decodeStrict(data, &obj); err != nil {
		return "", nil, err
	}
	if obj == nil {
		return "", nil, errors.New("scenario must be a JSON object")
	}
	if raw, ok := obj["kind"]; ok {
		if err := json.Unmarshal(raw, &kind); err != nil {
			return "", nil, field.Errorf("kind", "must be a string")
		}
	}
	if err := field.OneOf("kind", kind, Kinds()...); err != nil {
		return "", nil, err
	}
	delete(obj, "kind")
	rest, err = json.Marshal(obj)
	if err != nil {
		return "", nil, fmt.Errorf("scenario: %w", err)
	}
	return kind, rest, nil
}

// Decode decodes a scenario object without its kind (as Split returns it)
// into a simulator's config, refusing unknown fields and naming the field
// of any type mismatch.
func Decode(rest []byte, config any) error { return decodeStrict(rest, config) }

// Encode returns the scenario document of kind for config: the config's
// JSON object with "kind" as its first member.
func Encode(kind string, config any) ([]byte, error) {
	b, err := json.Marshal(config)
	if err != nil {
		return nil, fmt.Errorf("scenario: encode %s: %w", kind, err)
	}
	if len(b) < 2 || b[0] != '{' {
		return nil, fmt.Errorf("scenario: encode %s: config is not an object", kind)
	}
	head, _ := json.Marshal(kind)
	out := append([]byte(`{"kind":`), head...)
	if len(b) > 2 {
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

// decodeStrict decodes exactly one JSON value from raw into v, refusing
// unknown fields and trailing data, and turns decoding errors into errors
// that name the field.
func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("scenario has data after the JSON object")
	}
	return nil
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		name := te.Field
		if name == "" {
			name = "scenario"
		}
		return field.Errorf(name, "must be %s (got %s)", describe(te.Type.Kind().String()), te.Value)
	case errors.As(err, &se):
		return fmt.Errorf("scenario is not valid JSON at byte %d: %s", se.Offset, se.Error())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("scenario is empty or cut short")
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, `json: unknown field "`); ok {
		name = strings.TrimSuffix(name, `"`)
		return field.Errorf(name, "is not a known field")
	}
	return fmt.Errorf("scenario: %s", strings.TrimPrefix(msg, "json: "))
}

// describe names a Go kind the way a scenario author thinks of it.
func describe(kind string) string {
	switch kind {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return "a whole number in range"
	case "float32", "float64":
		return "a number"
	case "bool":
		return "true or false"
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "map", "struct":
		return "an object"
	}
	return "of another type"
}
