package fs

// DirInsert is where one name went when the directory was built (hash).
type DirInsert struct {
	Name   string `json:"name"`
	Hash   uint32 `json:"hash"`
	Bucket int    `json:"bucket"` // hash mod table_size: the home bucket
	// Slot is where the name went: its slot (linear probing) or its
	// position in the bucket's chain (chaining).
	Slot int `json:"slot"`
	// Collision is set when the home bucket already held a name.
	Collision bool `json:"collision"`
	// Probes counts the slots examined to place the name (linear probing).
	Probes int `json:"probes,omitempty"`
}

// DirLookup is one search.
type DirLookup struct {
	Name  string `json:"name"`
	Found bool   `json:"found"`
	// Hash and Bucket are the name's hash and home bucket (hash).
	Hash   *uint32 `json:"hash,omitempty"`
	Bucket *int    `json:"bucket,omitempty"`
	// Position is where the name was found: its index in the list
	// (linear), in its bucket's chain (chaining) or its slot (linear
	// probing); -1 when missing.
	Position int `json:"position"`
	// Compared are the entries examined, in order: names compared, with ""
	// for an empty slot examined under linear probing.
	Compared []string `json:"compared"`
	// Probes is len(Compared): entries compared (linear, chaining) or
	// slots examined (linear probing, an empty slot included).
	Probes int `json:"probes"`
}

// DirTrace is the result of a dir scenario.
type DirTrace struct {
	Method    string   `json:"method"`
	TableSize int      `json:"table_size,omitempty"`
	Rules     DirRules `json:"rules"`
	// List is the linear directory (linear).
	List []string `json:"list,omitempty"`
	// Inserts record how each name was placed (hash).
	Inserts []DirInsert `json:"inserts,omitempty"`
	// Buckets are the chains after every insert (chaining).
	Buckets [][]string `json:"buckets,omitempty"`
	// Slots are the table after every insert, "" when empty (linear probing).
	Slots      []string    `json:"slots,omitempty"`
	Lookups    []DirLookup `json:"lookups"`
	Collisions int         `json:"collisions"`
	Probes     int         `json:"probes"` // over all lookups
}

// RunDir validates c, builds the directory from its files in order and
// runs the lookups.
func RunDir(c DirConfig) (*DirTrace, error) {
	c, err := c.resolve()
	if err != nil {
		return nil, err
	}
	t := &DirTrace{Method: c.Method, TableSize: c.TableSize, Rules: c.Rules, Lookups: make([]DirLookup, len(c.Lookups))}
	switch {
	case c.Method == LinearDir:
		t.List = append([]string{}, c.Files...)
		for i, name := range c.Lookups {
			l := DirLookup{Name: name, Position: -1, Compared: []string{}}
			for j, f := range t.List {
				l.Compared = append(l.Compared, f)
				if f == name {
					l.Found, l.Position = true, j
					break
				}
			}
			t.Lookups[i] = l
		}
	case c.Rules.Collision == Chaining:
		t.Buckets = make([][]string, c.TableSize)
		for i := range t.Buckets {
			t.Buckets[i] = []string{}
		}
		for _, name := range c.Files {
			h := Hash(c.Rules.Hash, name)
			b := int(h % uint32(c.TableSize))
			in := DirInsert{Name: name, Hash: h, Bucket: b, Slot: len(t.Buckets[b]), Collision: len(t.Buckets[b]) > 0}
			t.Buckets[b] = append(t.Buckets[b], name)
			t.Inserts = append(t.Inserts, in)
		}
		for i, name := range c.Lookups {
			h := Hash(c.Rules.Hash, name)
			b := int(h % uint32(c.TableSize))
			l := DirLookup{Name: name, Hash: &h, Bucket: &b, Position: -1, Compared: []string{}}
			for j, f := range t.Buckets[b] {
				l.Compared = append(l.Compared, f)
				if f == name {
					l.Found, l.Position = true, j
					break
				}
			}
			t.Lookups[i] = l
		}
	default:
		t.Slots = make([]string, c.TableSize)
		for _, name := range c.Files {
			h := Hash(c.Rules.Hash, name)
			b := int(h % uint32(c.TableSize))
			in := DirInsert{Name: name, Hash: h, Bucket: b, Collision: t.Slots[b] != ""}
			s := b
			for in.Probes = 1; t.Slots[s] != ""; in.Probes++ {
				s = (s + 1) % c.TableSize
			}
			t.Slots[s], in.Slot = name, s
			t.Inserts = append(t.Inserts, in)
		}
		for i, name := range c.Lookups {
			h := Hash(c.Rules.Hash, name)
			b := int(h % uint32(c.TableSize))
			l := DirLookup{Name: name, Hash: &h, Bucket: &b, Position: -1, Compared: []string{}}
			for k := range c.TableSize {
				s := (b + k) % c.TableSize
				l.Compared = append(l.Compared, t.Slots[s])
				if t.Slots[s] == name {
					l.Found, l.Position = true, s
				}
				if t.Slots[s] == name || t.Slots[s] == "" {
					break
				}
			}
			t.Lookups[i] = l
		}
	}
	for _, in := range t.Inserts {
		if in.Collision {
			t.Collisions++
		}
	}
	for i := range t.Lookups {
		t.Lookups[i].Probes = len(t.Lookups[i].Compared)
		t.Probes += t.Lookups[i].Probes
	}
	return t, nil
}
