package paging

import (
	"math/bits"

	"github.com/osarena/osarena/sim/field"
)

// Limits shared by every kind.
const (
	// MaxAddressBits bounds virtual and physical addresses: every address,
	// page number and frame number stays below 2^MaxAddressBits.
	MaxAddressBits = 52
	// MaxPageSize is the largest page size (1 GiB, a huge page).
	MaxPageSize = 1 << 30
	// MaxAccesses is the most addresses one scenario translates.
	MaxAccesses = 100_000
)

// maxAddr is one past the largest virtual or physical address.
const maxAddr = 1 << MaxAddressBits

// log2 returns the base-2 logarithm of a power of two.
func log2(n int) int { return bits.TrailingZeros64(uint64(n)) }

// isPow2 reports whether n is a positive power of two.
func isPow2(n int) bool { return n > 0 && n&(n-1) == 0 }

// checkPageSize checks that a page size is a power of two in range. When
// optional is set, 0 stands for the default page size 1 (addresses are page
// numbers) and is accepted.
func checkPageSize(name string, n int, optional bool) error {
	if optional && n == 0 {
		return nil
	}
	if err := field.Range(name, n, 1, MaxPageSize); err != nil {
		return err
	}
	if !isPow2(n) {
		return field.Errorf(name, "must be a power of two (got %d)", n)
	}
	return nil
}

// orOne returns n, or 1 when n is 0 (a page size left out).
func orOne(n int) int {
	if n == 0 {
		return 1
	}
	return n
}

// maxFrame is the largest frame number whose addresses stay below maxAddr.
func maxFrame(pageSize int) int { return maxAddr/pageSize - 1 }
