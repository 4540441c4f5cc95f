package paging

import (
	enchex "encoding/hex"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// buildImage lays out a multilevel table for mapping (vpn → frame, -1 when
// unmapped) in a memory of pages pages: the root in page 0, each further
// table in the next unused page, entries written big-endian.
func buildImage(levels []int, ps int, f PTEFormat, mapping []int, pages int) []string {
	mem := make([]byte, pages*ps)
	next := 1
	shift := 0
	for _, b := range levels {
		shift += b
	}
	put := func(table, idx int, v uint64) {
		a := table*ps + idx*f.Bytes
		for i := f.Bytes - 1; i >= 0; i-- {
			mem[a+i] = byte(v)
			v >>= 8
		}
	}
	get := func(table, idx int) uint64 {
		a, v := table*ps+idx*f.Bytes, uint64(0)
		for i := range f.Bytes {
			v = v<<8 | uint64(mem[a+i])
		}
		return v
	}
	pfnShift := 0
	for f.PFNMask>>pfnShift&1 == 0 {
		pfnShift++
	}
	for vpn, frame := range mapping {
		if frame < 0 {
			continue
		}
		table, s := 0, shift
		for l, b := range levels {
			s -= b
			idx := vpn >> s & (1<<b - 1)
			if l == len(levels)-1 {
				put(table, idx, f.ValidMask|uint64(frame)<<pfnShift)
				break
			}
			e := get(table, idx)
			if e&f.ValidMask == 0 {
				e = f.ValidMask | uint64(next)<<pfnShift
				put(table, idx, e)
				next++
			}
			table = int((e & f.PFNMask) >> pfnShift)
		}
	}
	out := make([]string, pages)
	for p := range out {
		out[p] = enchex.EncodeToString(mem[p*ps : (p+1)*ps])
	}
	return out
}

// A walk over a multilevel image agrees with a linear table built from the
// same mapping, for every address of the space.
func TestWalkAgreesWithLinear(t *testing.T) {
	r := rng.New(5, 99)
	formats := []PTEFormat{
		{Bytes: 1, ValidMask: 0x80, PFNMask: 0x7f},
		{Bytes: 2, ValidMask: 0x8000, PFNMask: 0x0ff0},
	}
	for trial := range 400 {
		f := formats[trial%2]
		n := 2 + r.IntN(3) // levels
		ps := 32
		if f.Bytes == 2 {
			ps = 64
		}
		maxBits := log2(ps / f.Bytes)
		levels := make([]int, n)
		vpnBits := 0
		for i := range levels {
			levels[i] = 1 + r.IntN(min(maxBits, 2)) // at most 85 tables: they fit in 128 pages
			vpnBits += levels[i]
		}
		pages := 128
		mapping := make([]int, 1<<vpnBits)
		linear := make([]PTE, len(mapping))
		for vpn := range mapping {
			mapping[vpn] = -1
			if r.IntN(3) == 0 {
				mapping[vpn] = r.IntN(pages)
				linear[vpn] = Frame(mapping[vpn])
			}
		}
		c := WalkConfig{PageSize: ps, VABits: vpnBits + log2(ps), Levels: levels, PTE: f, Root: 0,
			Memory: buildImage(levels, ps, f, mapping, pages)}
		for va := range 1 << c.VABits {
			if r.IntN(8) == 0 || va == 0 {
				c.Addresses = append(c.Addresses, At(va))
			}
		}
		tr, err := RunWalk(c)
		if err != nil {
			t.Fatalf("RunWalk(levels %v, %+v): %v", levels, f, err)
		}
		for _, w := range tr.Results {
			lin := Translate(linear, ps, w.VA, Read)
			if (w.PA == nil) != (lin.PA == nil) || (w.PA != nil && *w.PA != *lin.PA) {
				t.Fatalf("RunWalk(levels %v, va %#x) pa = %v (fault %v); linear table gives %v", levels, w.VA, w.PA, w.Fault, lin.PA)
			}
		}
		if tr.Overhead.MappedPages != countMapped(mapping) {
			t.Fatalf("RunWalk(levels %v).Overhead.MappedPages = %d; want %d", levels, tr.Overhead.MappedPages, countMapped(mapping))
		}
	}
}

func countMapped(m []int) int {
	n := 0
	for _, f := range m {
		if f >= 0 {
			n++
		}
	}
	return n
}

// TLB: hits + misses = accesses, and an access right after a miss to the
// same page (no switch between) hits; the measured ratio is hits/accesses.
func TestTLBCounts(t *testing.T) {
	r := rng.New(6, 99)
	for range 3000 {
		c := TLBConfig{Entries: 1 + r.IntN(8), Policy: []string{TLBLRU, TLBFIFO}[r.IntN(2)],
			Rules: TLBRules{Switch: []string{SwitchFlush, SwitchASID}[r.IntN(2)]}}
		accesses := 0
		for range 1 + r.IntN(60) {
			switch r.IntN(10) {
			case 0:
				c.Accesses = append(c.Accesses, SwitchTo(r.IntN(3)))
			case 1:
				c.Accesses = append(c.Accesses, Access{VA: r.IntN(12), PID: r.IntN(3)})
				accesses++
			default:
				c.Accesses = append(c.Accesses, At(r.IntN(12)))
				accesses++
			}
		}
		tr, err := RunTLB(c)
		if err != nil {
			t.Fatalf("RunTLB(%+v): %v", c, err)
		}
		if tr.Hits+tr.Misses != accesses {
			t.Fatalf("RunTLB(%+v): hits %d + misses %d != %d accesses", c, tr.Hits, tr.Misses, accesses)
		}
		for i := 1; i < len(tr.Steps); i++ {
			p, s := tr.Steps[i-1], tr.Steps[i]
			if p.Event == "miss" && s.Event != "switch" && !s.Switched && s.VPN == p.VPN && s.Event != "hit" {
				t.Fatalf("RunTLB(%+v) step %d: %+v after a miss on the same page; want a hit", c, i, s)
			}
		}
		if accesses > 0 && (tr.HitRatio == nil || *tr.HitRatio != NewFrac(int64(tr.Hits), int64(accesses))) {
			t.Fatalf("RunTLB(%+v).HitRatio = %v; want %d/%d", c, tr.HitRatio, tr.Hits, accesses)
		}
	}
}
