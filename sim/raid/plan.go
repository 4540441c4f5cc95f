package raid

import (
	"cmp"
	"crypto/subtle"
	"slices"
)

// planner serves requests against an array row by row, recording every
// disk operation and moving real bytes: parity is updated from what the plan
// read, and lost blocks are reconstructed from what it read.
type planner struct {
	a          *array
	smallWrite string
	buf        [][]byte // per disk: what was read from it or will be written to it
	tmp        []byte
	rd, wr     []bool // per disk: read or write it in this row
	blocks     []Nullable
	kinds      []string
}

func newPlanner(a *array, smallWrite string) *planner {
	n := len(a.failed)
	p := &planner{
		a: a, smallWrite: smallWrite, buf: make([][]byte, n), tmp: make([]byte, a.bs),
		rd: make([]bool, n), wr: make([]bool, n), blocks: make([]Nullable, n), kinds: make([]string, n),
	}
	scratch := make([]byte, n*a.bs)
	for d := range p.buf {
		p.buf[d] = scratch[d*a.bs : (d+1)*a.bs : (d+1)*a.bs]
	}
	return p
}

// row is one row a request touches.
type row struct {
	o, s int
	data []int // disk of each data index (primary copy)
	p, q int   // parity disks or −1
	req  []int // requested data indices, ascending
	pos  []int // position in the request of each requested index
}

// request serves r: it splits r into rows (ascending offset) and plans each.
func (p *planner) request(r Request) RequestTrace {
	a, g := p.a, p.a.g
	rt := RequestTrace{Block: r.Block, Count: r.Count, Write: r.Write, Data: make([]string, r.Count)}
	var fresh []byte
	if r.Write {
		fresh = make([]byte, r.Count*a.bs)
		a.fill(fresh)
	}
	type item struct{ o, d, i int }
	items := make([]item, r.Count)
	for i := range items {
		pl := g.Locate(r.Block + i)
		items[i] = item{pl.Offset, pl.Index, i}
	}
	slices.SortFunc(items, func(x, y item) int { return cmp.Or(cmp.Compare(x.o, y.o), cmp.Compare(x.d, y.d)) })
	data := make([]int, g.m)
	for j := 0; j < len(items); {
		k := j
		w := row{o: items[j].o, s: items[j].o / g.Chunk, data: data}
		for ; k < len(items) && items[k].o == w.o; k++ {
			w.req = append(w.req, items[k].d)
			w.pos = append(w.pos, items[k].i)
		}
		j = k
		for d := range data {
			data[d] = g.DataDisk(w.s, d)
		}
		w.p, w.q = g.Parity(w.s)
		clear(p.rd)
		clear(p.wr)
		a.roles(w.o, p.blocks, p.kinds)
		plan := RowPlan{Stripe: w.s, Offset: w.o}
		for _, d := range w.req {
			plan.Blocks = append(plan.Blocks, a.rowBlock(w.o, d))
		}
		newOf := func(i int) []byte { return fresh[w.pos[i]*a.bs : (w.pos[i]+1)*a.bs] }
		switch {
		case r.Write && w.p >= 0:
			p.parityWrite(&w, &plan, newOf)
		case r.Write:
			p.plainWrite(&w, &plan, newOf)
		case w.p >= 0:
			p.parityRead(&w, &plan)
		default:
			p.plainRead(&w, &plan)
		}
		// A write plan has already read what it needed to compute the new
		// contents; do only records those reads.
		plan.Reads = p.do(&rt, w.o, p.rd, OpRead, !r.Write)
		if !r.Write {
			p.finishRead(&w, &plan)
			for i, d := range w.req {
				rt.Data[w.pos[i]] = hexOf(p.buf[data[d]])
			}
		}
		plan.Writes = p.do(&rt, w.o, p.wr, OpWrite, true)
		for i, d := range w.req {
			if r.Write {
				copy(a.logical(a.rowBlock(w.o, d)), newOf(i))
				rt.Data[w.pos[i]] = hexOf(newOf(i))
			}
		}
		rt.Rows = append(rt.Rows, plan)
		rt.Reads += plan.Reads
		rt.Writes += plan.Writes
	}
	return rt
}

// do records the reads or writes flagged in which, by ascending disk,
// moves the bytes when move is set, and returns how many it recorded.
func (p *planner) do(rt *RequestTrace, o int, which []bool, op string, move bool) int {
	n := 0
	for d, ok := range which {
		if !ok {
			continue
		}
		switch {
		case !move:
		case op == OpRead:
			copy(p.buf[d], p.a.block(d, o))
		default:
			copy(p.a.block(d, o), p.buf[d])
		}
		rt.Ops = append(rt.Ops, Op{Op: op, Disk: d, Offset: o, Role: p.kinds[d], Block: p.blocks[d]})
		n++
	}
	return n
}

func (p *planner) alive(d int) bool { return d >= 0 && !p.a.failed[d] }

// plainRead reads RAID 0, 1 and 10 blocks from their lowest working copy.
func (p *planner) plainRead(w *row, plan *RowPlan) {
	plan.Method = MethodRead
	for _, d := range w.req {
		copies := p.a.g.Copies(w.s, d)
		for _, c := range copies {
			if p.alive(c) {
				p.rd[c] = true
				if c != copies[0] {
					plan.Method = MethodCopyRead
					w.data[d] = c // read the bytes from the copy
				}
				break
			}
		}
	}
}

// plainWrite writes RAID 0, 1 and 10 blocks to every working copy.
func (p *planner) plainWrite(w *row, plan *RowPlan, newOf func(int) []byte) {
	plan.Method = MethodWrite
	if p.a.g.Level != 0 {
		plan.Method = MethodMirror
	}
	for i, d := range w.req {
		for _, c := range p.a.g.Copies(w.s, d) {
			if p.alive(c) {
				copy(p.buf[c], newOf(i))
				p.wr[c] = true
			}
		}
	}
}

// lost returns the data indices of the row whose disks have failed.
func (p *planner) lost(w *row) []int {
	var out []int
	for d, disk := range w.data {
		if !p.alive(disk) {
			out = append(out, d)
		}
	}
	return out
}

// parityRead reads RAID 4, 5 and 6 blocks; when a requested block is lost
// it reads the rest of the row and the parity it needs instead.
func (p *planner) parityRead(w *row, plan *RowPlan) {
	plan.Method = MethodRead
	for _, d := range w.req {
		if !p.alive(w.data[d]) {
			plan.Method = MethodDegraded
			plan.Reconstructed = append(plan.Reconstructed, p.a.rowBlock(w.o, d))
		}
	}
	if plan.Method == MethodRead {
		for _, d := range w.req {
			p.rd[w.data[d]] = true
		}
		return
	}
	lost := p.lost(w)
	for _, disk := range w.data {
		p.rd[disk] = p.alive(disk)
	}
	switch {
	case len(lost) == 1 && p.alive(w.p):
		p.rd[w.p] = true
	case len(lost) == 1:
		p.rd[w.q] = true
	default:
		p.rd[w.p], p.rd[w.q] = true, true
	}
}

// finishRead reconstructs the lost blocks of a degraded read from the bytes
// the reads brought in.
func (p *planner) finishRead(w *row, plan *RowPlan) {
	if plan.Method != MethodDegraded {
		return
	}
	dv := p.dataBufs(w)
	lost := p.lost(w)
	switch {
	case len(lost) == 1 && p.alive(w.p):
		recoverRow(dv, p.buf[w.p], nil, lost, false, false)
	case len(lost) == 1:
		recoverRow(dv, p.buf[w.p], p.buf[w.q], lost, true, false)
	default:
		recoverRow(dv, p.buf[w.p], p.buf[w.q], lost, false, false)
	}
}

// dataBufs returns the row's data buffers in data-index order.
func (p *planner) dataBufs(w *row) [][]byte {
	dv := make([][]byte, len(w.data))
	for d, disk := range w.data {
		dv[d] = p.buf[disk]
	}
	return dv
}

// setParity computes the row's parity from its data buffers.
func (p *planner) setParity(w *row) {
	dv := p.dataBufs(w)
	if w.q >= 0 {
		PQ(p.buf[w.p], p.buf[w.q], dv)
	} else {
		XOR(p.buf[w.p], dv)
	}
}

// parityWrite writes RAID 4, 5 and 6 blocks and updates parity by the
// method the small-write rule and the failed disks allow.
func (p *planner) parityWrite(w *row, plan *RowPlan, newOf func(int) []byte) {
	m := len(w.data)
	var parity []int
	for _, d := range []int{w.p, w.q} {
		if p.alive(d) {
			parity = append(parity, d)
		}
	}
	rmwOK, rcwOK := true, true
	inReq := make([]bool, m)
	for _, d := range w.req {
		inReq[d] = true
	}
	for d, disk := range w.data {
		if !p.alive(disk) {
			if inReq[d] {
				rmwOK = false
			} else {
				rcwOK = false
			}
		}
	}
	method := MethodFullStripe
	switch {
	case len(w.req) == m:
	case len(parity) == 0:
		method = MethodNoParity
	default:
		rmwReads, rcwReads := len(w.req)+len(parity), m-len(w.req)
		if rmwOK {
			plan.RMWReads = &rmwReads
		}
		if rcwOK {
			plan.ReconstructReads = &rcwReads
		}
		method = chooseSmallWrite(p.smallWrite, rmwOK, rcwOK, rmwReads, rcwReads)
	}
	plan.Method = method
	for _, d := range parity {
		p.wr[d] = true
	}
	switch method {
	case MethodRMW:
		for _, d := range w.req {
			p.rd[w.data[d]] = true
		}
		for _, d := range parity {
			p.rd[d] = true
		}
	case MethodReconstruct:
		for d, disk := range w.data {
			p.rd[disk] = !inReq[d]
		}
	case MethodRecover:
		for _, disk := range w.data {
			p.rd[disk] = p.alive(disk)
		}
		p.rd[w.p], p.rd[w.q] = true, true
	}
	// Reads happen now, so that the new contents can be computed from them.
	p.readNow(w)
	if method == MethodRecover {
		recoverRow(p.dataBufs(w), p.buf[w.p], p.buf[w.q], p.lost(w), false, false)
	}
	for i, d := range w.req {
		disk := w.data[d]
		if method == MethodRMW {
			subtle.XORBytes(p.tmp, p.buf[disk], newOf(i))
			subtle.XORBytes(p.buf[w.p], p.buf[w.p], p.tmp)
			if w.q >= 0 {
				mulXOR(p.buf[w.q], p.tmp, gfPow(d))
			}
		}
		copy(p.buf[disk], newOf(i))
		p.wr[disk] = p.alive(disk)
	}
	if method != MethodRMW && method != MethodNoParity {
		p.setParity(w)
	}
}

// readNow copies the flagged disks into their buffers; do records the
// operations afterwards.
func (p *planner) readNow(w *row) {
	for d, ok := range p.rd {
		if ok {
			copy(p.buf[d], p.a.block(d, w.o))
		}
	}
}

// chooseSmallWrite applies the small-write rule to the methods a row's
// failed disks allow. When neither is possible (RAID 6 with one lost data
// block written and another not), the row is recovered first.
func chooseSmallWrite(rule string, rmwOK, rcwOK bool, rmwReads, rcwReads int) string {
	switch {
	case rmwOK && rcwOK:
		switch rule {
		case AlwaysRMW:
			return MethodRMW
		case AlwaysReconstruct:
			return MethodReconstruct
		}
		if rmwReads <= rcwReads {
			return MethodRMW
		}
		return MethodReconstruct
	case rmwOK:
		return MethodRMW
	case rcwOK:
		return MethodReconstruct
	}
	return MethodRecover
}
