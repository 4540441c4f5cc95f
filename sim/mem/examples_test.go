package mem

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamples runs the worked examples of examples/ for this package's
// kinds and checks each against the golden trace of the same name, so the
// README's examples and the traces checked by hand stay one and the same.
func TestExamples(t *testing.T) {
	for _, name := range []string{"relocation", "malloc", "malloc-fixed-best:malloc-fixed", "malloc-next"} {
		goldenName, file, ok := strings.Cut(name, ":")
		if !ok {
			file = goldenName
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", file+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(data, &obj); err != nil {
			t.Fatalf("%s.json: %v", file, err)
		}
		delete(obj, "kind")
		rest, _ := json.Marshal(obj)
		var got any
		switch file {
		case "relocation":
			got, err = decodeRun(rest, RunRelocation)
		default:
			got, err = decodeRun(rest, RunMalloc)
		}
		if err != nil {
			t.Fatalf("examples/%s.json: %v", file, err)
		}
		gb, _ := json.MarshalIndent(got, "", "  ")
		want, err := os.ReadFile(filepath.Join("testdata", "golden", goldenName+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(append(gb, '\n'), want) {
			t.Errorf("examples/%s.json: trace differs from testdata/golden/%s.json", file, goldenName)
		}
	}
}

func decodeRun[C, T any](raw []byte, run func(C) (*T, error)) (*T, error) {
	var c C
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	return run(c)
}
