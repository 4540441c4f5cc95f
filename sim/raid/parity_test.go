package raid

import (
	"bytes"
	"slices"
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// slowMul multiplies in GF(2^8) bit by bit, independently of the tables.
func slowMul(a, b byte) byte {
	var p byte
	for b != 0 {
		if b&1 != 0 {
			p ^= a
		}
		hi := a & 0x80
		a <<= 1
		if hi != 0 {
			a ^= 0x1d
		}
		b >>= 1
	}
	return p
}

func TestGFArithmetic(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			if got, want := gfMul(byte(a), byte(b)), slowMul(byte(a), byte(b)); got != want {
				t.Fatalf("gfMul(%#x, %#x) = %#x; want %#x", a, b, got, want)
			}
		}
		if a != 0 {
			if got := gfMul(byte(a), gfInv(byte(a))); got != 1 {
				t.Fatalf("%#x · gfInv(%#x) = %#x; want 1", a, a, got)
			}
		}
	}
	// g = 2 generates the field: its powers run through all 255 non-zero bytes.
	seen := map[byte]bool{}
	for i := range 255 {
		seen[gfPow(i)] = true
	}
	if len(seen) != 255 || seen[0] {
		t.Errorf("powers of 2 cover %d non-zero bytes; want 255", len(seen))
	}
	// Known values from the field with polynomial 0x11d.
	for _, tc := range []struct{ i, want int }{{0, 1}, {7, 0x80}, {8, 0x1d}, {9, 0x3a}, {254, 0x8e}} {
		if got := gfPow(tc.i); int(got) != tc.want {
			t.Errorf("gfPow(%d) = %#x; want %#x", tc.i, got, tc.want)
		}
	}
	for v := range 256 {
		w := uint64(v) * 0x0101010101010101
		if got, want := mul2(w), uint64(slowMul(byte(v), 2))*0x0101010101010101; got != want {
			t.Fatalf("mul2(%#x) = %#x; want %#x", w, got, want)
		}
	}
}

// syndromeSlow computes Q = Σ g^i·D_i byte by byte.
func syndromeSlow(data [][]byte) []byte {
	q := make([]byte, len(data[0]))
	for i, d := range data {
		for j, v := range d {
			q[j] ^= slowMul(gfPow(i), v)
		}
	}
	return q
}

// recoverRow recovers random data for every single loss and every pair of
// losses (two data blocks, data and P, data and Q, P and Q).
func TestRecoverRow(t *testing.T) {
	r := rng.New(2, rng.StreamRAID)
	for m := 1; m <= 12; m++ {
		for _, size := range []int{1, 7, 8, 16, 29} {
			data := make([][]byte, m)
			for i := range data {
				data[i] = make([]byte, size)
				for j := range data[i] {
					data[i][j] = byte(r.Uint32())
				}
			}
			p, q := make([]byte, size), make([]byte, size)
			PQ(p, q, data)
			if want := syndromeSlow(data); !bytes.Equal(q, want) {
				t.Fatalf("PQ(%d blocks of %d) Q = %x; want %x", m, size, q, want)
			}
			// Units 0..m-1 are data, m is P, m+1 is Q.
			for x := 0; x < m+2; x++ {
				for y := x; y < m+2; y++ {
					var lost []int
					for _, u := range slices.Compact([]int{x, y}) {
						if u < m {
							lost = append(lost, u)
						}
					}
					dv := make([][]byte, m)
					for i := range dv {
						dv[i] = slices.Clone(data[i])
					}
					pp, qq := slices.Clone(p), slices.Clone(q)
					for _, u := range lost {
						clear(dv[u])
					}
					lostP, lostQ := x == m || y == m, x == m+1 || y == m+1
					if lostP {
						clear(pp)
					}
					if lostQ {
						clear(qq)
					}
					recoverRow(dv, pp, qq, lost, lostP, lostQ)
					for i := range dv {
						if !bytes.Equal(dv[i], data[i]) {
							t.Fatalf("recoverRow(m=%d, lost units %d,%d): data[%d] = %x; want %x", m, x, y, i, dv[i], data[i])
						}
					}
					if !bytes.Equal(pp, p) || !bytes.Equal(qq, q) {
						t.Fatalf("recoverRow(m=%d, lost units %d,%d): P, Q = %x, %x; want %x, %x", m, x, y, pp, qq, p, q)
					}
				}
			}
		}
	}
}
