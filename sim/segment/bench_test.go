package segment

import "testing"

const benchAddresses = 10_000_000

// BenchmarkTranslate translates 10 M addresses per iteration through the
// OSTEP chapter-16 segment table; ns/address is reported.
func BenchmarkTranslate(b *testing.B) {
	tab, err := Compile(Config{AddressBits: 14, SegmentBits: 2, Segments: ostepChapter, Addresses: []Access{{VA: 0}}})
	if err != nil {
		b.Fatal(err)
	}
	valid := 0
	for b.Loop() {
		for i := range benchAddresses {
			if tab.Translate(i&(1<<14-1), Read).Valid {
				valid++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchAddresses), "ns/address")
	sinkInt = valid
}

// BenchmarkTranslatePaged translates 10 M addresses per iteration through
// a paged segment table.
func BenchmarkTranslatePaged(b *testing.B) {
	tab, err := CompilePaged(pagedExample())
	if err != nil {
		b.Fatal(err)
	}
	valid := 0
	for b.Loop() {
		for i := range benchAddresses {
			if tab.Translate(i&(1<<12-1), Read).Valid {
				valid++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchAddresses), "ns/address")
	sinkInt = valid
}

var sinkInt int
