package quiz

import (
	"github.com/osarena/osarena/sim/fs"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// fileLevel is what a difficulty level means for file allocation.
type fileLevel struct {
	block, reads []string // allocation schemes per family
	sizes        []int    // block sizes
	extents      [2]int
	indirect     int  // deepest indirect level an inode offset reaches
	rules        bool // non-default rules drawn
}

var fileLevels = [MaxDifficulty + 1]fileLevel{
	1: {block: []string{fs.Contiguous, fs.Indexed}, reads: []string{fs.Indexed, fs.Linked, fs.InodeAlloc}, sizes: []int{512, 1024}, extents: [2]int{1, 1}, indirect: 1},
	2: {block: []string{fs.Contiguous, fs.Linked, fs.FAT, fs.Indexed}, reads: []string{fs.Indexed, fs.Linked, fs.FAT, fs.InodeAlloc}, sizes: []int{512, 1024}, extents: [2]int{1, 2}, indirect: 1},
	3: {block: fs.Schemes, reads: []string{fs.FAT, fs.InodeAlloc}, sizes: []int{512, 1024, 4096}, extents: [2]int{2, 3}, indirect: 2},
	4: {block: append(fs.Schemes[:len(fs.Schemes):len(fs.Schemes)], fs.InodeAlloc), reads: []string{fs.InodeAlloc}, sizes: []int{1024, 2048, 4096}, extents: [2]int{2, 3}, indirect: 2},
	5: {block: append(fs.Schemes[:len(fs.Schemes):len(fs.Schemes)], fs.InodeAlloc), reads: []string{fs.FAT, fs.InodeAlloc, fs.InodeAlloc}, sizes: []int{1024, 4096}, extents: [2]int{2, 4}, indirect: 3, rules: true},
}

// genFileBlock draws a file and three offsets in it, each a checkpoint.
func genFileBlock(reads bool) func(*rng.Rand, int) (any, []int, error) {
	return func(r *rng.Rand, d int) (any, []int, error) {
		lv := fileLevels[d]
		schemes := lv.block
		if reads {
			schemes = lv.reads
		}
		c := fs.FileBlockConfig{Scheme: stPick(r, schemes), BlockSize: stPick(r, lv.sizes), PointerBytes: 4}
		payload, blocks := c.BlockSize, 0
		switch c.Scheme {
		case fs.Contiguous:
			at := 20 + r.IntN(200)
			for range between(r, lv.extents) {
				e := fs.Extent{Start: at, Length: 3 + r.IntN(6)}
				c.Extents = append(c.Extents, e)
				blocks += e.Length
				at += e.Length + 5 + r.IntN(100)
			}
		case fs.Linked, fs.FAT, fs.Indexed:
			c.Blocks = stDistinct(r, 6+r.IntN(5), 20, 1000)
			blocks = len(c.Blocks)
			switch {
			case c.Scheme == fs.FAT:
				c.FATStart = 1
			case c.Scheme == fs.Indexed:
				ib := stDistinct(r, 1, 20, 1000, c.Blocks...)[0]
				c.IndexBlock = &ib
			case lv.rules && r.IntN(3) == 0:
				c.Rules.LinkedPayload = fs.PayloadWholeBlock
			default:
				payload -= c.PointerBytes
			}
			if lv.rules && c.Scheme != fs.Linked && r.IntN(3) == 0 {
				c.Rules.Cache = fs.CacheIndex
			}
		case fs.InodeAlloc:
			c.Direct = stPick(r, []int{10, 12})
			c.FirstBlock = 100 + r.IntN(900)
			if lv.rules && r.IntN(4) == 0 {
				c.Rules.Cache = fs.CacheIndex
			}
		}
		for range 3 {
			fb := 0
			if c.Scheme == fs.InodeAlloc {
				level := r.IntN(lv.indirect + 2) // direct twice as often
				if level > lv.indirect {
					level = 0
				}
				fb = inodeFileBlock(r, c, level)
			} else {
				fb = r.IntN(blocks)
			}
			in := r.IntN(payload)
			if c.Scheme == fs.Linked && r.IntN(2) == 0 {
				// Where the pointer bytes decide the block: early in a
				// block when they count, late when they do not.
				k := min(payload, (fb+1)*c.PointerBytes)
				if in = r.IntN(k); payload == c.BlockSize {
					in = payload - 1 - in
				}
			}
			c.Offsets = append(c.Offsets, fb*payload+in)
		}
		return c, []int{0, 1, 2}, nil
	}
}

// inodeFileBlock draws a file block reached through level indirect blocks
// (0: a direct block), near the start of that level's range so that the
// numbers stay human.
func inodeFileBlock(r *rng.Rand, c fs.FileBlockConfig, level int) int {
	n := c.BlockSize / c.PointerBytes
	switch level {
	case 1:
		return c.Direct + r.IntN(n)
	case 2:
		return c.Direct + n + r.IntN(3)*n + r.IntN(n)
	case 3:
		return c.Direct + n + n*n + r.IntN(2)*n*n + r.IntN(3)*n + r.IntN(n)
	}
	return r.IntN(c.Direct)
}

// fileQuestion runs c and returns the lookup of offset step.
func fileQuestion(name Family, c fs.FileBlockConfig, step int) (*Question, *fs.FileBlockTrace, fs.Lookup, error) {
	tr, err := fs.RunFileBlock(c)
	if err != nil {
		return nil, nil, fs.Lookup{}, err
	}
	if step < 0 || step >= len(c.Offsets) {
		return nil, nil, fs.Lookup{}, errOffsetStep(len(c.Offsets))
	}
	doc, err := scenario.Encode("fileblock", c)
	if err != nil {
		return nil, nil, fs.Lookup{}, err
	}
	q := &Question{Family: name, Topic: TopicFileBlock, Scenario: doc, Step: step}
	for _, kv := range [][2]string{{"cache", tr.Rules.Cache}, {"linked_payload", tr.Rules.LinkedPayload}, {"indirect", tr.Rules.Indirect}} {
		if kv[1] != "" {
			q.Rules = append(q.Rules, Rule{Name: kv[0], Value: kv[1]})
		}
	}
	return q, tr, tr.Lookups[step], nil
}

type errOffsetStep int

func (e errOffsetStep) Error() string {
	return "must be between 0 and " + itoa(int(e)-1) + ": one of the offsets"
}

// fileArgs are the arguments every fileblock text may use.
func fileArgs(c fs.FileBlockConfig, tr *fs.FileBlockTrace, l fs.Lookup) []string {
	return []string{"scheme", Term("fileblock.scheme." + c.Scheme), "bs", itoa(c.BlockSize), "ptr", itoa(c.PointerBytes),
		"payload", itoa(tr.Payload), "direct", itoa(c.Direct), "offset", itoa(l.Offset), "fb", itoa(l.FileBlock),
		"in", itoa(l.InBlock), "block", itoa(l.Block), "reads", itoa(l.Reads), "via", viaTerm(l.Via)}
}

// diskBlockOf returns the disk block holding file block fb of c, or −1
// when the file has no such block.
func diskBlockOf(c fs.FileBlockConfig, payload, fb int) int {
	if fb < 0 {
		return -1
	}
	oc := c
	oc.Offsets = []int{fb * payload}
	tr, err := fs.RunFileBlock(oc)
	if err != nil {
		return -1
	}
	return tr.Lookups[0].Block
}

func askFileBlockBlock(sc any, step int) (*Question, error) {
	c := sc.(fs.FileBlockConfig)
	q, tr, l, err := fileQuestion(FileBlockBlock, c, step)
	if err != nil {
		return nil, err
	}
	args := fileArgs(c, tr, l)
	q.Prompt = T("fileblock.block.prompt."+c.Scheme, args...)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(l.Block)}}
	w := stWrongs{right: q.Answer.Values}
	switch c.Scheme {
	case fs.Contiguous:
		e, within := l.Entries[0], l.Entries[1]
		start := c.Extents[e].Start
		q.Explanation = T("fileblock.block.explain.contiguous", append(args, "extent", itoa(e), "efirst", itoa(l.FileBlock-within), "start", itoa(start), "within", itoa(within))...)
		if e > 0 {
			w.add(int64(c.Extents[0].Start+l.FileBlock), T("fileblock.block.why.extent", "start", itoa(c.Extents[0].Start), "extent", itoa(e)))
		}
	case fs.Linked:
		key := "fileblock.block.explain.linked"
		alt, altKey := c.BlockSize, "fileblock.block.why.pointer"
		if tr.Rules.LinkedPayload == fs.PayloadWholeBlock {
			key, alt, altKey = key+".whole", c.BlockSize-c.PointerBytes, "fileblock.block.why.whole"
		}
		q.Explanation = T(key, append(args, "chain", joinPath(l.Chain))...)
		if fb := l.Offset / alt; fb != l.FileBlock && fb < len(c.Blocks) {
			w.add(int64(c.Blocks[fb]), T(altKey, "ptr", itoa(c.PointerBytes), "payload", itoa(tr.Payload), "bs", itoa(c.BlockSize), "offset", itoa(l.Offset), "fb", itoa(l.FileBlock)))
		}
	case fs.FAT:
		q.Explanation = T("fileblock.block.explain.fat", append(args, "chain", joinPath(l.Chain))...)
	case fs.Indexed:
		q.Explanation = T("fileblock.block.explain.indexed", append(args, "index", itoa(*c.IndexBlock))...)
		w.add(int64(*c.IndexBlock), T("fileblock.block.why.index", "index", itoa(*c.IndexBlock)))
	case fs.InodeAlloc:
		if l.Level == 0 {
			q.Explanation = T("fileblock.block.explain.direct", args...)
			break
		}
		var path []int
		for _, a := range l.Path[:l.Level] {
			path = append(path, a.Block)
		}
		key := "fileblock.block.explain.single"
		if l.Level > 1 {
			key = "fileblock.block.explain.indirect"
		}
		q.Explanation = T(key, append(args, "entries", joinInts(l.Entries), "path", joinPath(path))...)
		w.add(int64(path[len(path)-1]), T("fileblock.block.why.index", "index", itoa(path[len(path)-1])))
		if c.Inode == nil {
			w.add(int64(c.FirstBlock+l.FileBlock), T("fileblock.block.why.consecutive", "first", itoa(c.FirstBlock)))
		}
	}
	w.add(int64(diskBlockOf(c, tr.Payload, l.FileBlock+1)), T("fileblock.block.why.next", "next", itoa(l.FileBlock+1), "offset", itoa(l.Offset), "fb", itoa(l.FileBlock)))
	w.add(int64(diskBlockOf(c, tr.Payload, l.FileBlock-1)), T("fileblock.block.why.previous", "previous", itoa(l.FileBlock-1), "offset", itoa(l.Offset), "fb", itoa(l.FileBlock)))
	w.add(int64(l.FileBlock), T("fileblock.block.why.fileblock", "fb", itoa(l.FileBlock)))
	q.Wrong = w.list
	return q, nil
}
