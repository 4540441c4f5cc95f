package fs

import (
	"strings"
	"testing"

	"github.com/osarena/osarena/sim/field"
	"github.com/osarena/osarena/sim/internal/golden"
	"github.com/osarena/osarena/sim/replace"
	"github.com/osarena/osarena/sim/rng"
)

// TestBufCacheCounts pins hand-worked totals.
func TestBufCacheCounts(t *testing.T) {
	refs := []int{7, 0, 1, 2, 0, 3, 0, 4, 2, 3}
	writes := []bool{false, true, false, false, false, true, false, false, true, false}
	tests := []struct {
		c                          BufCacheConfig
		hits, reads, writes, flush int
	}{
		{BufCacheConfig{Policy: LRUCache, Buffers: 3}, 2, 8, 3, 1},
		{BufCacheConfig{Policy: LRUCache, Buffers: 3, Rules: BufCacheRules{Write: WriteThrough}}, 2, 8, 3, 0},
		{BufCacheConfig{Policy: LRUCache, Buffers: 4}, 4, 6, 3, 3},
		{BufCacheConfig{Policy: LFUCache, Buffers: 3}, 2, 8, 3, 2},
	}
	for _, tc := range tests {
		tc.c.Refs, tc.c.Writes = refs, writes
		tr, err := RunBufCache(tc.c)
		if err != nil {
			t.Fatalf("RunBufCache(%+v): %v", tc.c, err)
		}
		if tr.Hits != tc.hits || tr.DiskReads != tc.reads || tr.DiskWrites != tc.writes || len(tr.Flush) != tc.flush {
			t.Errorf("RunBufCache(%s, %d buffers, %s) = %d hits, %d reads, %d writes, flush %v; want %d, %d, %d, %d blocks",
				tc.c.Policy, tc.c.Buffers, tr.Rules.Write, tr.Hits, tr.DiskReads, tr.DiskWrites, tr.Flush, tc.hits, tc.reads, tc.writes, tc.flush)
		}
	}
}

// TestBufCacheProperties checks over random reference streams that hits
// plus misses equal the references, disk reads equal misses, write-through
// writes equal write references, write-back writes equal the dirty
// evictions plus the flush and never exceed write-through's, and that the
// misses and dirty evictions agree with package replace run on the same
// stream (an independent engine).
func TestBufCacheProperties(t *testing.T) {
	r := rng.New(5, rng.StreamFS)
	for trial := range 1000 {
		n := 1 + r.IntN(300)
		refs, writes := make([]int, n), make([]bool, n)
		span := 1 + r.IntN(20)
		nw := 0
		for i := range n {
			refs[i] = r.IntN(span)
			writes[i] = r.IntN(3) == 0
			if writes[i] {
				nw++
			}
		}
		for _, policy := range []string{LRUCache, LFUCache} {
			c := BufCacheConfig{Policy: policy, Buffers: 1 + r.IntN(8), Refs: refs, Writes: writes}
			if policy == LFUCache {
				c.Rules.Count = []string{"since-load", "all-time"}[r.IntN(2)]
				c.Rules.CountTie = []string{"lru", "fifo"}[r.IntN(2)]
			}
			back, err := RunBufCache(c)
			if err != nil {
				t.Fatalf("trial %d: RunBufCache(%+v): %v", trial, c, err)
			}
			c.Rules.Write = WriteThrough
			through, err := RunBufCache(c)
			if err != nil {
				t.Fatalf("trial %d: %v", trial, err)
			}
			evictWrites := 0
			for _, s := range back.Steps {
				evictWrites += len(s.DiskWrites)
			}
			switch {
			case back.Hits+back.Misses != n || through.Hits+through.Misses != n:
				t.Fatalf("trial %d %s: hits+misses = %d, %d; want %d", trial, policy, back.Hits+back.Misses, through.Hits+through.Misses, n)
			case back.DiskReads != back.Misses || through.Misses != back.Misses:
				t.Fatalf("trial %d %s: reads %d, misses %d (write-back) vs %d (write-through)", trial, policy, back.DiskReads, back.Misses, through.Misses)
			case through.DiskWrites != nw:
				t.Fatalf("trial %d %s: write-through disk writes = %d; want %d writes", trial, policy, through.DiskWrites, nw)
			case back.DiskWrites != evictWrites+len(back.Flush) || back.DiskWrites > nw:
				t.Fatalf("trial %d %s: write-back disk writes = %d (evictions %d, flush %d, %d writes)", trial, policy, back.DiskWrites, evictWrites, len(back.Flush), nw)
			}
			rc := replace.Config{Policy: replace.Policy(policy), Frames: c.Buffers, Refs: refs, Writes: writes,
				Rules: replace.Rules{Count: c.Rules.Count, CountTie: c.Rules.CountTie}}
			rt, err := replace.Run(rc)
			if err != nil {
				t.Fatalf("trial %d: replace.Run: %v", trial, err)
			}
			if rt.Faults != back.Misses || rt.WriteBacks != evictWrites {
				t.Fatalf("trial %d %s %+v: %d misses, %d dirty evictions; replace says %d faults, %d write-backs",
					trial, policy, c.Rules, back.Misses, evictWrites, rt.Faults, rt.WriteBacks)
			}
		}
	}
}

func TestBufCacheErrors(t *testing.T) {
	tests := []struct {
		c    BufCacheConfig
		want string
	}{
		{BufCacheConfig{Policy: "fifo"}, "policy must be one of lru, lfu"},
		{BufCacheConfig{Policy: LRUCache, Buffers: 65}, "buffers must be between 1 and 64"},
		{BufCacheConfig{Policy: LRUCache, Buffers: 2}, "refs must have between 1 and 100000 elements"},
		{BufCacheConfig{Policy: LRUCache, Buffers: 2, Refs: []int{1, -1}}, "refs[1] must be between 0 and 999999"},
		{BufCacheConfig{Policy: LRUCache, Buffers: 2, Refs: []int{1}, Writes: []bool{true, false}}, "writes must have one entry per reference (1)"},
		{BufCacheConfig{Policy: LRUCache, Buffers: 2, Refs: []int{1}, Rules: BufCacheRules{Write: "lazy"}}, "rules.write must be one of write-back, write-through"},
		{BufCacheConfig{Policy: LFUCache, Buffers: 2, Refs: []int{1}, Rules: BufCacheRules{CountTie: "mru"}}, "rules.count_tie must be one of lru, fifo"},
	}
	for _, tc := range tests {
		err := tc.c.Validate()
		if _, ok := field.As(err); !ok || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v; want a field error starting %q", tc.c, err, tc.want)
		}
	}
}

func TestBufCacheGolden(t *testing.T) {
	for _, name := range []string{"bufcache", "bufcache-through", "bufcache-lfu"} {
		var c BufCacheConfig
		readExample(t, name, &c)
		tr, err := RunBufCache(c)
		if err != nil {
			t.Fatalf("RunBufCache(%s): %v", name, err)
		}
		golden.JSON(t, name, tr)
		var b strings.Builder
		if err := tr.WriteTable(&b); err != nil {
			t.Fatal(err)
		}
		golden.Bytes(t, name+".txt", []byte(b.String()))
	}
}
