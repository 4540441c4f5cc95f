package paging

import (
	"encoding/json"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// randomTable returns a linear table of n entries over frames 0..frames-1,
// about a quarter of them invalid, with random rights.
func randomTable(r *rng.Rand, n, frames int) []PTE {
	t := make([]PTE, n)
	for i := range t {
		if r.IntN(4) == 0 {
			continue
		}
		t[i] = PTE{Frame: r.IntN(frames), Valid: true, Prot: Prot(protNames[r.IntN(len(protNames))])}
		if r.IntN(3) == 0 {
			t[i].Prot = ""
		}
	}
	return t
}

// A valid translation lands inside its frame: pa in [frame·size, (frame+1)·size),
// keeps the offset, and uses the frame the table names; a trap happens
// exactly when the entry is missing, invalid or forbids the operation.
func TestTranslationLandsInFrame(t *testing.T) {
	r := rng.New(3, 99)
	ops := []Op{Read, Write, Exec}
	for range 3000 {
		size := 1 << r.IntN(16)
		table := randomTable(r, 1+r.IntN(64), 1+r.IntN(1000))
		for range 20 {
			va := r.IntN((len(table) + 2) * size)
			op := ops[r.IntN(3)]
			got := Translate(table, size, va, op)
			vpn := va / size
			switch {
			case vpn >= len(table):
				if got.Trap != TrapLength {
					t.Fatalf("Translate(%d entries, size %d, %d, %s).Trap = %q; want length", len(table), size, va, op, got.Trap)
				}
			case !table[vpn].Valid:
				if got.Trap != TrapInvalid {
					t.Fatalf("Translate(size %d, %d).Trap = %q; want invalid", size, va, got.Trap)
				}
			case !table[vpn].Prot.Allows(op):
				if got.Trap != TrapProtection || got.Valid {
					t.Fatalf("Translate(size %d, %d, %s) on %q = %+v; want a protection trap", size, va, op, table[vpn].Prot, got)
				}
			default:
				f := table[vpn].Frame
				if !got.Valid || got.PA == nil || *got.Frame != f || *got.PA < f*size || *got.PA >= (f+1)*size || *got.PA%size != va%size {
					t.Fatalf("Translate(size %d, %d, %s) = %+v; want pa in frame %d [%d, %d) with offset %d", size, va, op, got, f, f*size, (f+1)*size, va%size)
				}
			}
		}
	}
}

// A config marshals to JSON that decodes back to the same trace, so the
// quiz can send the scenario it built in Go as a scenario document.
func TestConfigRoundTrip(t *testing.T) {
	r := rng.New(4, 99)
	for range 500 {
		c := Config{PageSize: 1 << r.IntN(13), PageTable: randomTable(r, 1+r.IntN(16), 64), MemoryFrames: 64}
		for range 1 + r.IntN(10) {
			a := At(r.IntN(len(c.PageTable) * c.PageSize))
			if r.IntN(2) == 0 {
				a.Op = []Op{Read, Write, Exec}[r.IntN(3)]
			}
			c.Addresses = append(c.Addresses, a)
		}
		want, err := Run(c)
		if err != nil {
			t.Fatalf("Run(%+v): %v", c, err)
		}
		doc, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back Config
		decode(t, string(doc), &back)
		got, err := Run(back)
		if err != nil {
			t.Fatalf("Run(decode(%s)): %v", doc, err)
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if string(gj) != string(wj) {
			t.Fatalf("Run(decode(%s)) = %s; want %s", doc, gj, wj)
		}
	}
}
