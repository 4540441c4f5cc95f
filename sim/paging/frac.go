package paging

import (
	"math/big"
	"strconv"
	"strings"
)

// Frac is an exact non-negative fraction Num/Den, kept in lowest terms. The
// effective access time is one: its inputs (a hit ratio written in decimal,
// or hits/accesses) are exact ratios, so no float rounding can turn 128 ns
// into 127.99999999999999.
//
// It marshals as a JSON number: the exact decimal when the fraction has a
// terminating decimal expansion (its denominator has no prime factor but 2
// and 5), otherwise rounded half up to 6 decimal places.
type Frac struct {
	Num, Den int64
}

// MaxFracDigits is the most decimal places a scenario may give a ratio.
const MaxFracDigits = 9

// NewFrac returns num/den in lowest terms; den must be positive.
func NewFrac(num, den int64) Frac {
	g := gcd(num, den)
	return Frac{num / g, den / g}
}

func gcd(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// ParseDecimal reads a plain decimal numeral such as "0.98" or "1" exactly.
// It refuses signs, exponents and more than MaxFracDigits decimal places.
func ParseDecimal(s string) (Frac, bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 9 || (dot && (frac == "" || len(frac) > MaxFracDigits)) {
		return Frac{}, false
	}
	digits := whole + frac
	for _, r := range digits {
		if r < '0' || r > '9' {
			return Frac{}, false
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return Frac{}, false
	}
	den := int64(1)
	for range len(frac) {
		den *= 10
	}
	return NewFrac(n, den), true
}

// IsInt reports whether f is a whole number.
func (f Frac) IsInt() bool { return f.Den == 1 }

// Exact writes f as "num/den", or just "num" when it is whole.
func (f Frac) Exact() string {
	if f.Den == 1 {
		return strconv.FormatInt(f.Num, 10)
	}
	return strconv.FormatInt(f.Num, 10) + "/" + strconv.FormatInt(f.Den, 10)
}

// String writes f in decimal: exact when it terminates, else rounded half
// up to 6 places (see Frac).
func (f Frac) String() string {
	den := f.Den
	if den <= 0 {
		return "0"
	}
	places := f.places()
	round := places < 0
	if round {
		places = 6
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(big.NewInt(f.Num), scale)
	if round {
		n.Add(n, big.NewInt(den/2)) // half up: den/2 rounds .5 up for even den; odd den never ties
	}
	n.Quo(n, big.NewInt(den))
	s := n.String()
	if places == 0 {
		return s
	}
	if len(s) <= places {
		s = strings.Repeat("0", places-len(s)+1) + s
	}
	s = s[:len(s)-places] + "." + s[len(s)-places:]
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// Terminates reports whether f has a finite decimal expansion.
func (f Frac) Terminates() bool { return f.places() >= 0 }

// places returns the number of factors 2 and 5 of the denominator (enough
// decimal places to write f exactly), or -1 when the expansion of f does
// not terminate.
func (f Frac) places() int {
	d, places := f.Den, 0
	if d <= 0 {
		return -1
	}
	for ; d%2 == 0; d /= 2 {
		places++
	}
	for ; d%5 == 0; d /= 5 {
		places++
	}
	if d != 1 {
		return -1
	}
	return places
}

// MarshalJSON writes f as a JSON number (see String).
func (f Frac) MarshalJSON() ([]byte, error) { return []byte(f.String()), nil }

// mul returns f × n.
func (f Frac) mul(n int64) Frac { return NewFrac(f.Num*n, f.Den) }

// sub1 returns 1 − f.
func (f Frac) sub1() Frac { return NewFrac(f.Den-f.Num, f.Den) }
