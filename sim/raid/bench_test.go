package raid

import (
	"testing"

	"github.com/osarena/osarena/sim/rng"
)

// BenchmarkLocate maps 10 M logical blocks per op on each parity level.
func BenchmarkLocate(b *testing.B) {
	const blocks = 10_000_000
	for _, c := range []Config{
		{Level: 0, Disks: 8, Chunk: 4},
		{Level: 5, Disks: 8, Chunk: 4, Layout: LeftSymmetric},
		{Level: 5, Disks: 8, Chunk: 4, Layout: RightAsymmetric},
		{Level: 6, Disks: 8, Chunk: 4, Layout: LeftAsymmetric},
		{Level: 10, Disks: 8, Chunk: 4},
	} {
		g := NewGeometry(c)
		b.Run(name(c), func(b *testing.B) {
			sum := 0
			for b.Loop() {
				for blk := range blocks {
					pl := g.Locate(blk)
					sum += pl.Disk + pl.Offset
				}
			}
			if sum == 0 {
				b.Fatal("no work")
			}
			b.ReportMetric(float64(blocks)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mblocks/s")
		})
	}
}

// parityBench runs fn over 1 GB of stripes per op: a reusable stripe of
// data disks of 64 KiB each, processed until 1 GB of data has gone through.
func parityBench(b *testing.B, disks int, fn func(p, q []byte, data [][]byte)) {
	const unit = 64 << 10
	const total = 1 << 30
	r := rng.New(1, rng.StreamRAID)
	data := make([][]byte, disks)
	for i := range data {
		data[i] = make([]byte, unit)
		for j := range data[i] {
			data[i][j] = byte(r.Uint32())
		}
	}
	p, q := make([]byte, unit), make([]byte, unit)
	b.SetBytes(total)
	for b.Loop() {
		for done := 0; done < total; done += disks * unit {
			fn(p, q, data)
		}
	}
}

// BenchmarkXOR computes RAID 5 parity over 1 GB of stripes (8 data disks).
func BenchmarkXOR(b *testing.B) {
	parityBench(b, 8, func(p, _ []byte, data [][]byte) { XOR(p, data) })
}

// BenchmarkPQ computes RAID 6 P and Q over 1 GB of stripes (8 data disks).
func BenchmarkPQ(b *testing.B) {
	parityBench(b, 8, PQ)
}

// BenchmarkRecover2 recovers two lost data blocks of a RAID 6 row
// (8 data disks, 64 KiB each) per op.
func BenchmarkRecover2(b *testing.B) {
	const unit = 64 << 10
	data := make([][]byte, 8)
	for i := range data {
		data[i] = make([]byte, unit)
		for j := range data[i] {
			data[i][j] = byte(i*31 + j)
		}
	}
	p, q := make([]byte, unit), make([]byte, unit)
	PQ(p, q, data)
	b.SetBytes(8 * unit)
	for b.Loop() {
		recoverRow(data, p, q, []int{2, 5}, false, false)
	}
}

// BenchmarkRun runs the README's example scenario end to end.
func BenchmarkRun(b *testing.B) {
	c := Config{Level: 6, Disks: 8, Chunk: 4, Stripes: 64, Failed: []int{1, 6}, Rebuild: true,
		Requests: []Request{{Block: 0, Count: 100}, {Block: 50, Count: 7, Write: true}, {Block: 200, Count: 40, Write: true}}}
	for b.Loop() {
		if _, err := Run(c); err != nil {
			b.Fatal(err)
		}
	}
}
