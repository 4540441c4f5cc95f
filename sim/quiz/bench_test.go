package quiz

import "testing"

// BenchmarkGenerate measures generation per family at difficulty 3 (µs per
// question is ns/op / 1000).
func BenchmarkGenerate(b *testing.B) {
	for _, fam := range Families() {
		b.Run(string(fam), func(b *testing.B) {
			seed := uint64(0)
			for b.Loop() {
				if _, err := Generate(fam, seed, 3); err != nil {
					b.Fatal(err)
				}
				seed++
			}
		})
	}
}

// BenchmarkGrade measures grading a response per family.
func BenchmarkGrade(b *testing.B) {
	for _, fam := range Families() {
		b.Run(string(fam), func(b *testing.B) {
			q, err := Generate(fam, 1, 3)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				q.Grade(q.Answer.Values)
			}
		})
	}
}
