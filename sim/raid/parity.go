package raid

import (
	"crypto/subtle"
	"encoding/binary"
)

// Arithmetic in GF(2^8) with polynomial x^8+x^4+x^3+x^2+1 (0x11d) and
// generator g = 2, the field of Linux md's RAID 6 and of H. Peter Anvin's
// "The mathematics of RAID-6".

// gfPoly is the field's reduction polynomial.
const gfPoly = 0x11d

// gfExp[i] = g^i for 0 <= i < 510 (doubled so products need no modulo);
// gfLog[a] = log_g a for a != 0.
var gfExp, gfLog = gfTables()

func gfTables() (exp [510]byte, log [256]byte) {
	x := 1
	for i := range 255 {
		exp[i], exp[i+255] = byte(x), byte(x)
		log[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= gfPoly
		}
	}
	return exp, log
}

// gfMul returns a·b in GF(2^8).
func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[int(gfLog[a])+int(gfLog[b])]
}

// gfInv returns 1/a for a != 0.
func gfInv(a byte) byte { return gfExp[255-int(gfLog[a])] }

// gfPow returns g^i for i >= 0.
func gfPow(i int) byte { return gfExp[i%255] }

// mul2 multiplies each of the eight bytes of v by g = 2 at once.
func mul2(v uint64) uint64 {
	hi := v & 0x8080808080808080
	return (v<<1)&0xfefefefefefefefe ^ (hi>>7)*(gfPoly&0xff)
}

// XOR sets p to the XOR of data. Every slice must have len(p) bytes.
func XOR(p []byte, data [][]byte) {
	clear(p)
	for _, d := range data {
		subtle.XORBytes(p, p, d)
	}
}

// PQ sets p to the XOR of data and q to the RAID 6 syndrome
// Q = Σ g^i·data[i]. Every slice must have len(p) bytes.
func PQ(p, q []byte, data [][]byte) {
	XOR(p, data)
	syndrome(q, data)
}

// syndrome sets q to Σ g^i·data[i], by Horner's rule from the last data
// block down, eight bytes at a time.
func syndrome(q []byte, data [][]byte) {
	clear(q)
	n := len(q) &^ 7
	for i := len(data) - 1; i >= 0; i-- {
		d := data[i]
		for j := 0; j < n; j += 8 {
			v := mul2(binary.LittleEndian.Uint64(q[j:])) ^ binary.LittleEndian.Uint64(d[j:])
			binary.LittleEndian.PutUint64(q[j:], v)
		}
		for j := n; j < len(q); j++ {
			q[j] = gfMul(q[j], 2) ^ d[j]
		}
	}
}

// mulXOR sets dst ^= c·src.
func mulXOR(dst, src []byte, c byte) {
	if c == 0 {
		return
	}
	lc := int(gfLog[c])
	for i, s := range src {
		if s != 0 {
			dst[i] ^= gfExp[int(gfLog[s])+lc]
		}
	}
}

// mulInto sets dst = c·src.
func mulInto(dst, src []byte, c byte) {
	clear(dst)
	mulXOR(dst, src, c)
}

// recoverRow fills in the lost blocks of one parity row: data[i] for each
// i in lost (at most two, ascending), and p or q when lostP or lostQ. The
// row must have no more losses than parity blocks (p only: one loss; p and
// q: two), and q is nil when the row has no Q. Lost data buffers may hold
// anything on entry.
func recoverRow(data [][]byte, p, q []byte, lost []int, lostP, lostQ bool) {
	switch {
	case len(lost) == 1 && !lostP:
		x := lost[0]
		copy(data[x], p)
		for i, d := range data {
			if i != x {
				subtle.XORBytes(data[x], data[x], d)
			}
		}
	case len(lost) == 1: // P lost too: recover from Q
		x := lost[0]
		clear(data[x])
		qx := make([]byte, len(q))
		syndrome(qx, data) // Q of the row with data[x] = 0
		subtle.XORBytes(qx, qx, q)
		mulInto(data[x], qx, gfInv(gfPow(x)))
	case len(lost) == 2:
		recover2(data, p, q, lost[0], lost[1])
	}
	if lostP {
		XOR(p, data)
	}
	if lostQ && q != nil {
		syndrome(q, data)
	}
}

// recover2 recovers data[x] and data[y] (x < y) from P and Q:
// with Pxy = P ⊕ Σ_{i≠x,y} D_i and Qxy = Q ⊕ Σ_{i≠x,y} g^i·D_i,
// D_x = A·Pxy ⊕ B·Qxy and D_y = Pxy ⊕ D_x, where
// A = g^(y−x)/(g^(y−x) ⊕ 1) and B = g^(−x)/(g^(y−x) ⊕ 1).
func recover2(data [][]byte, p, q []byte, x, y int) {
	clear(data[x])
	clear(data[y])
	pxy := make([]byte, len(p))
	qxy := make([]byte, len(q))
	XOR(pxy, data)
	subtle.XORBytes(pxy, pxy, p)
	syndrome(qxy, data)
	subtle.XORBytes(qxy, qxy, q)
	gyx := gfPow(y - x)
	den := gfInv(gyx ^ 1)
	a := gfMul(gyx, den)
	b := gfMul(gfInv(gfPow(x)), den)
	mulInto(data[x], pxy, a)
	mulXOR(data[x], qxy, b)
	subtle.XORBytes(data[y], pxy, data[x])
}
