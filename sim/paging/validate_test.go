package paging

import (
	"io"
	"testing"
)

// runDoc decodes doc as a config of kind and runs it.
func runDoc(t *testing.T, kind, doc string) (interface{ WriteTable(io.Writer) error }, error) {
	t.Helper()
	switch kind {
	case "paging":
		var c Config
		decode(t, doc, &c)
		return Run(c)
	case "tlb":
		var c TLBConfig
		decode(t, doc, &c)
		return RunTLB(c)
	case "pagewalk":
		var c WalkConfig
		decode(t, doc, &c)
		return RunWalk(c)
	case "hashed":
		var c HashedConfig
		decode(t, doc, &c)
		return RunHashed(c)
	case "inverted":
		var c InvertedConfig
		decode(t, doc, &c)
		return RunInverted(c)
	case "eat":
		var c EATConfig
		decode(t, doc, &c)
		return RunEAT(c)
	}
	t.Fatalf("unknown kind %q", kind)
	return nil, nil
}

// Bad scenarios fail with one line naming the field at fault.
func TestValidateNamesField(t *testing.T) {
	tests := []struct {
		kind, doc, want string
	}{
		{"paging", `{"page_size":1000,"page_table":[1],"addresses":[0]}`, "page_size must be a power of two (got 1000)"},
		{"paging", `{"page_size":0,"page_table":[1],"addresses":[0]}`, "page_size must be between 1 and 1073741824"},
		{"paging", `{"page_size":4096,"memory_frames":16,"page_table":[12,null,null,16],"addresses":[0]}`, "page_table[3].frame must be between 0 and 15"},
		{"paging", `{"page_size":4096,"memory_frames":16,"page_table":[12,{"frame":20,"prot":"r"}],"addresses":[0]}`, "page_table[1].frame must be between 0 and 15"},
		{"paging", `{"page_size":4096,"memory_frames":16,"page_table":[12,{"frame":20,"valid":false}],"addresses":[0]}`, ""},
		{"paging", `{"page_size":4096,"page_table":[12,{"frame":2,"prot":"wr"}],"addresses":[0]}`, "page_table[1].prot must be one of r, w, x, rw, rx, wx, rwx"},
		{"paging", `{"page_size":4096,"page_table":[12,{"frame":2,"dirty":true}],"addresses":[0]}`, "page_table[1].dirty is not a known field"},
		{"paging", `{"page_size":4096,"page_table":[12,"7"],"addresses":[0]}`, `page_table[1] must be a frame number, null, or an object {"frame":…,"valid":…,"prot":…}`},
		{"paging", `{"page_size":4096,"page_table":[12,{"prot":"r"}],"addresses":[0]}`, "page_table[1].frame is required in a valid entry (or set valid to false)"},
		{"paging", `{"page_size":4096,"page_table":[],"addresses":[0]}`, "page_table must have between 1 and 65536 elements"},
		{"paging", `{"page_size":4096,"page_table":[1],"addresses":[-1]}`, "addresses[0] must be between 0 and 4503599627370495"},
		{"paging", `{"page_size":4096,"page_table":[1],"addresses":[{"va":5,"op":"jump"}]}`, "addresses[0].op must be one of read, write, exec"},
		{"paging", `{"page_size":4096,"page_table":[1],"addresses":[{"va":5,"pid":3}]}`, "addresses[0].pid is not used by this kind"},
		{"paging", `{"page_size":4096,"page_table":[1],"addresses":[{"switch":1}]}`, "addresses[0].switch is only allowed in a tlb scenario"},
		{"paging", `{"page_size":4096,"page_table":[1],"addresses":["0xzz"]}`, `addresses[0] must be a number, a hex string like "0x1f", or an object {"va":…}`},
		{"paging", `{"page_size":4096,"page_table":[1],"addresses":[1.5]}`, `addresses[0] must be a number, a hex string like "0x1f", or an object {"va":…}`},
		{"paging", `{"page_size":4096,"address_bits":16,"page_table":[1],"addresses":[65536]}`, "addresses[0] must be between 0 and 65535"},
		{"paging", `{"page_size":4096,"address_bits":13,"page_table":[1,2,3],"addresses":[0]}`, "page_table must have between 1 and 2 elements"},
		{"paging", `{"page_size":4096,"pte_bytes":4,"page_table":[1],"addresses":[0]}`, "pte_bytes needs address_bits to size the table"},
		{"paging", `{"page_size":4096,"page_table":[1],"processes":[{"pid":1,"page_table":[1]}],"addresses":[0]}`, "processes cannot be given with page_table; use one or the other"},
		{"paging", `{"page_size":4096,"processes":[{"pid":1,"page_table":[1]},{"pid":1,"page_table":[2]}],"addresses":[0]}`, "processes[1].pid repeats the pid of processes[0]"},
		{"paging", `{"page_size":4096,"processes":[{"pid":1,"page_table":[1]}],"addresses":[{"va":0,"pid":2}]}`, "addresses[0].pid must be the pid of one of the processes"},
		{"paging", `{"page_size":4096,"processes":[{"pid":1,"page_table":[1]},{"pid":2,"page_table":[null,{"frame":-1}]}],"addresses":[0]}`, "processes[1].page_table[1].frame must be between 0 and 1099511627775"},
		{"eat", `{"levels":0,"memory_ns":100,"tlb_ns":20,"hit_ratio":0.8}`, "levels must be between 1 and 8"},
		{"eat", `{"levels":1,"memory_ns":100,"tlb_ns":20}`, "hit_ratio is required (a decimal between 0 and 1, such as 0.98)"},
		{"eat", `{"levels":1,"memory_ns":100,"tlb_ns":20,"hit_ratio":98e-2}`, "hit_ratio must be a plain decimal between 0 and 1 with at most 9 places, such as 0.98 (got 98e-2)"},
		{"eat", `{"levels":1,"memory_ns":100,"tlb_ns":-1,"hit_ratio":0.5}`, "tlb_ns must be between 0 and 1000000"},
		{"eat", `{"levels":1,"memory_ns":100,"tlb_ns":1,"hit_ratio":0.5,"rules":{"tlb_lookup":"both"}}`, "rules.tlb_lookup must be one of serial, parallel"},
		{"tlb", `{"entries":0,"policy":"lru","accesses":[1]}`, "entries must be between 1 and 64"},
		{"tlb", `{"entries":2,"policy":"opt","accesses":[1]}`, "policy must be one of lru, fifo"},
		{"tlb", `{"entries":2,"policy":"lru","page_size":3,"accesses":[1]}`, "page_size must be a power of two (got 3)"},
		{"tlb", `{"entries":2,"policy":"lru","accesses":[1,{"switch":-1}]}`, "accesses[1].switch must be between 0 and 9999"},
		{"tlb", `{"entries":2,"policy":"lru","accesses":[1,{"switch":1,"va":3}]}`, `accesses[1].switch must stand alone: {"switch":pid}`},
		{"tlb", `{"entries":2,"policy":"lru","accesses":[{"va":1,"op":"write"}]}`, "accesses[0].op is not used by this kind"},
		{"tlb", `{"entries":2,"policy":"lru","accesses":[1],"rules":{"switch":"tag"}}`, "rules.switch must be one of flush, asid"},
		{"pagewalk", `{"page_size":32,"va_bits":14,"levels":[5,5],"pte":{"bytes":1,"valid_mask":128,"pfn_mask":127},"root":0,"memory":[""],"addresses":[0]}`, "va_bits must equal the index bits plus the offset bits: 5 + 5 + 5 = 15 (got 14)"},
		{"pagewalk", `{"page_size":32,"va_bits":16,"levels":[6,5],"pte":{"bytes":1,"valid_mask":128,"pfn_mask":127},"root":0,"memory":[""],"addresses":[0]}`, "levels[0] makes a table of 2^6 entries × 1 bytes = 64 bytes, more than a 32-byte page"},
		{"pagewalk", `{"page_size":32,"va_bits":15,"levels":[5,5],"pte":{"bytes":1,"valid_mask":128,"pfn_mask":255},"root":0,"memory":[""],"addresses":[0]}`, "pte.pfn_mask must not overlap pte.valid_mask"},
		{"pagewalk", `{"page_size":32,"va_bits":15,"levels":[5,5],"pte":{"bytes":1,"valid_mask":256,"pfn_mask":127},"root":0,"memory":[""],"addresses":[0]}`, "pte.valid_mask must be a non-zero mask within 8 bits"},
		{"pagewalk", `{"page_size":32,"va_bits":15,"levels":[5,5],"pte":{"bytes":1,"valid_mask":128,"pfn_mask":127},"root":1,"memory":[""],"addresses":[0]}`, "root must be between 0 and 0"},
		{"pagewalk", `{"page_size":32,"va_bits":15,"levels":[5,5],"pte":{"bytes":1,"valid_mask":128,"pfn_mask":127},"root":0,"memory":["00 11"],"addresses":[0]}`, "memory[0] must be 64 hex digits (32 bytes), or empty for a page of zeros (got 4 digits)"},
		{"pagewalk", `{"page_size":32,"va_bits":15,"levels":[5,5],"pte":{"bytes":1,"valid_mask":128,"pfn_mask":127},"root":0,"memory":[null],"addresses":[32768]}`, "addresses[0] must be between 0 and 32767"},
		{"hashed", `{"buckets":0,"mappings":[],"accesses":[1]}`, "buckets must be between 1 and 4096"},
		{"hashed", `{"buckets":2,"mappings":[{"page":1,"frame":1},{"page":1,"frame":2}],"accesses":[1]}`, "mappings[1] maps page 1 of process 0 again (already in mappings[0])"},
		{"hashed", `{"buckets":2,"mappings":[],"accesses":[1],"rules":{"hash":"crc"}}`, "rules.hash must be one of mod, multiplicative"},
		{"inverted", `{"frames":[],"accesses":[1]}`, "frames must have between 1 and 65536 elements"},
		{"inverted", `{"frames":[{"pid":1,"page":2},null,{"pid":1,"page":2}],"accesses":[1]}`, "frames[2] maps page 2 of process 1 again (already in frames[0])"},
		{"inverted", `{"frames":[null,{"pid":1,"page":-2}],"accesses":[1]}`, "frames[1].page must be between 0 and 4503599627370495"},
	}
	for _, tt := range tests {
		_, err := runDoc(t, tt.kind, tt.doc)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Run(%s %s) error = %q; want %q", tt.kind, tt.doc, got, tt.want)
		}
	}
}
