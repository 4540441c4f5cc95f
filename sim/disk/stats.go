package disk

import (
	"math/big"
	"math/bits"
	"strconv"
)

// Hundredths is a non-negative quantity in hundredths; it encodes as a JSON
// number with two decimals (1234 → 12.34).
type Hundredths int64

// String formats h with two decimals.
func (h Hundredths) String() string {
	f := int64(h) % 100
	return strconv.FormatInt(int64(h)/100, 10) + "." + string(rune('0'+f/10)) + string(rune('0'+f%10))
}

// MarshalJSON writes h as a number with two decimals.
func (h Hundredths) MarshalJSON() ([]byte, error) { return []byte(h.String()), nil }

// waitStats accumulates waits exactly: the sum of squares is 128-bit.
type waitStats struct {
	n, sum      int
	sqHi, sqLo  uint64
	max, maxReq int
}

func (w *waitStats) add(req, wait int) {
	if w.n == 0 || wait > w.max {
		w.max, w.maxReq = wait, req
	}
	w.n++
	w.sum += wait
	hi, lo := bits.Mul64(uint64(wait), uint64(wait))
	var carry uint64
	w.sqLo, carry = bits.Add64(w.sqLo, lo, 0)
	w.sqHi += hi + carry
}

// meanVariance returns the mean S/n and the population variance
// (n·Q − S²)/n², each rounded to hundredths, halves up, computed exactly.
func (w *waitStats) meanVariance() (mean, variance Hundredths) {
	if w.n == 0 {
		return 0, 0
	}
	n := big.NewInt(int64(w.n))
	s := big.NewInt(int64(w.sum))
	q := new(big.Int).Lsh(new(big.Int).SetUint64(w.sqHi), 64)
	q.Or(q, new(big.Int).SetUint64(w.sqLo))
	mean = roundRatio(s, n)
	num := new(big.Int).Mul(n, q)
	num.Sub(num, new(big.Int).Mul(s, s))
	return mean, roundRatio(num, new(big.Int).Mul(n, n))
}

// roundRatio returns num/den in hundredths, rounded half up (num ≥ 0, den > 0).
func roundRatio(num, den *big.Int) Hundredths {
	x := new(big.Int).Mul(num, big.NewInt(200))
	x.Add(x, den)
	x.Quo(x, new(big.Int).Mul(den, big.NewInt(2)))
	return Hundredths(x.Int64())
}
