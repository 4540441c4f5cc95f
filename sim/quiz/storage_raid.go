package quiz

import (
	"errors"
	"fmt"
	"slices"

	"github.com/osarena/osarena/sim/raid"
	"github.com/osarena/osarena/sim/rng"
	"github.com/osarena/osarena/sim/scenario"
)

// raidLevel is what a difficulty level means for the RAID families: the
// RAID levels each family draws from, the array's size and rule variants.
type raidLevel struct {
	disk, parity, write []int // RAID levels per family
	disks               [2]int
	chunks              []int
	layouts             []string
	smallWrite          bool // draw the small-write rule too
}

var raidLevels = [MaxDifficulty + 1]raidLevel{
	1: {disk: []int{0, 4}, parity: []int{4, 5}, write: []int{5}, disks: [2]int{3, 4}, chunks: []int{1}, layouts: []string{raid.LeftSymmetric}},
	2: {disk: []int{0, 4, 5}, parity: []int{4, 5}, write: []int{4, 5}, disks: [2]int{4, 5}, chunks: []int{1}, layouts: []string{raid.LeftSymmetric}},
	3: {disk: []int{0, 4, 5}, parity: []int{5}, write: []int{4, 5, 6}, disks: [2]int{4, 5}, chunks: []int{1, 2}, layouts: []string{raid.LeftSymmetric, raid.LeftAsymmetric}},
	4: {disk: []int{4, 5, 6}, parity: []int{5, 6}, write: []int{5, 6}, disks: [2]int{4, 6}, chunks: []int{1, 2}, layouts: []string{raid.LeftSymmetric, raid.LeftAsymmetric, raid.RightSymmetric}},
	5: {disk: []int{0, 4, 5, 6}, parity: []int{4, 5, 6}, write: []int{4, 5, 6}, disks: [2]int{4, 8}, chunks: []int{1, 2, 4}, layouts: raid.Layouts, smallWrite: true},
}

// genRAIDConfig draws an array from levels at difficulty d, without requests.
func genRAIDConfig(r *rng.Rand, d int, levels []int) (raid.Config, *raid.Geometry) {
	lv := raidLevels[d]
	c := raid.Config{Level: stPick(r, levels), Disks: between(r, lv.disks)}
	if c.Level == 6 {
		c.Disks = max(c.Disks, 5)
	}
	if ch := stPick(r, lv.chunks); ch > 1 {
		c.Chunk = ch
	}
	if c.Level == 5 || c.Level == 6 {
		c.Layout = stPick(r, lv.layouts)
	}
	return c, raid.NewGeometry(c)
}

func allRequests(n int) []int {
	steps := make([]int, n)
	for i := range steps {
		steps[i] = i
	}
	return steps
}

// genRAIDDisk asks where each of four blocks of the first stripes lives.
func genRAIDDisk(r *rng.Rand, d int) (any, []int, error) {
	c, g := genRAIDConfig(r, d, raidLevels[d].disk)
	for _, b := range stDistinct(r, 4, 0, g.StripeBlocks()*4) {
		c.Requests = append(c.Requests, raid.Request{Block: b})
	}
	return c, allRequests(len(c.Requests)), nil
}

// genRAIDParity asks for the parity disk of four distinct stripes.
func genRAIDParity(r *rng.Rand, d int) (any, []int, error) {
	c, g := genRAIDConfig(r, d, raidLevels[d].parity)
	for _, s := range stDistinct(r, 4, 0, 2*c.Disks) {
		c.Requests = append(c.Requests, raid.Request{Block: s*g.StripeBlocks() + r.IntN(g.StripeBlocks())})
	}
	return c, allRequests(len(c.Requests)), nil
}

// genRAIDWrite asks about three small writes, each within one row.
func genRAIDWrite(r *rng.Rand, d int) (any, []int, error) {
	c, g := genRAIDConfig(r, d, raidLevels[d].write)
	if raidLevels[d].smallWrite && r.IntN(3) == 0 {
		c.Rules.SmallWrite = stPick(r, []string{raid.AlwaysRMW, raid.AlwaysReconstruct})
	}
	m := g.DataChunks()
	for range 3 {
		s, i := r.IntN(2*c.Disks), r.IntN(m)
		count := 1
		if g.Chunk == 1 && m-i > 1 && r.IntN(3) == 0 {
			count = 1 + r.IntN(min(m-i, m-1))
		}
		rq := raid.Request{Block: s*g.StripeBlocks() + i*g.Chunk + r.IntN(g.Chunk), Write: true}
		if count > 1 {
			rq.Count = count
		}
		c.Requests = append(c.Requests, rq)
	}
	return c, allRequests(len(c.Requests)), nil
}

// errWorkingArray refuses a failed disk in the families about a working
// array (raid.disk, raid.parity, raid.write); raid.degraded and
// raid.rebuild are the ones about failures.
var errWorkingArray = errors.New("the RAID questions are about a working array; leave failed out")

// raidQuestion runs c and fills what every RAID question shares. The
// geometry is built from the trace's resolved rules, so a pack that names
// the layout under rules.layout is placed right.
func raidQuestion(name Family, c raid.Config, step int) (*Question, *raid.Trace, *raid.Geometry, error) {
	// Encode first and run a copy: raid.Run fills in each request's count
	// in the caller's slice.
	doc, err := scenario.Encode("raid", c)
	if err != nil {
		return nil, nil, nil, err
	}
	run := c
	run.Requests = slices.Clone(c.Requests)
	tr, err := raid.Run(run)
	if err != nil {
		return nil, nil, nil, err
	}
	switch {
	case tr.Rebuild != nil && (step < 0 || step >= len(c.Requests)+len(tr.Rebuild.Rows)):
		return nil, nil, nil, fmt.Errorf("must be between 0 and %d: one of the requests, then the rebuild's rows", len(c.Requests)+len(tr.Rebuild.Rows)-1)
	case tr.Rebuild == nil && (step < 0 || step >= len(c.Requests)):
		return nil, nil, nil, fmt.Errorf("must be between 0 and %d: one of the requests", len(c.Requests)-1)
	}
	q := &Question{Family: name, Topic: TopicRAID, Scenario: doc, Step: step}
	for _, kv := range [][2]string{{"layout", tr.Rules.Layout}, {"small_write", tr.Rules.SmallWrite}, {"parity4", tr.Rules.Parity4}, {"q", tr.Rules.Q}, {"mirror_read", tr.Rules.MirrorRead}} {
		if kv[0] == "small_write" && len(c.Failed) > 0 {
			continue // only a working array is asked about writes (errWorkingArray)
		}
		if kv[1] != "" {
			q.Rules = append(q.Rules, Rule{Name: kv[0], Value: kv[1]})
		}
	}
	g := raid.NewGeometry(raid.Config{Level: c.Level, Disks: c.Disks, Chunk: c.Chunk, Layout: tr.Rules.Layout})
	return q, tr, g, nil
}

// layoutTerm names how g places parity: a RAID 5/6 layout, RAID 4's last
// disk, RAID 1's and 10's copies, or none.
func layoutTerm(g *raid.Geometry) string {
	switch g.Level {
	case 4:
		return Term("raid.layout.raid4")
	case 5, 6:
		return Term("raid.layout." + g.Layout)
	case 1, 10:
		return Term("raid.layout.raid" + itoa(g.Level))
	}
	return Term("raid.layout.none")
}

// raidArgs are the array's description for a prompt.
func raidArgs(g *raid.Geometry, more ...string) []string {
	return append([]string{"level", itoa(g.Level), "disks", itoa(g.Disks), "chunk", itoa(g.Chunk), "layout", layoutTerm(g)}, more...)
}

// diskChoices lists every disk of g, in disk order, with why(d) for the
// wrong ones.
func diskChoices(g *raid.Geometry, answer int, why func(d int) Text) []Choice {
	out := make([]Choice, g.Disks)
	for d := range out {
		out[d] = Choice{Value: int64(d), Label: T("raid.choice.disk", "disk", itoa(d))}
		if d != answer {
			out[d].Why = why(d)
		}
	}
	return out
}

// withLayout returns g's array under another layout (or chunk size).
func withLayout(g *raid.Geometry, layout string, chunk int) *raid.Geometry {
	return raid.NewGeometry(raid.Config{Level: g.Level, Disks: g.Disks, Chunk: chunk, Layout: layout})
}

func askRAIDDisk(sc any, step int) (*Question, error) {
	c := sc.(raid.Config)
	if c.Level == 1 || c.Level == 10 {
		return nil, errors.New("raid.disk asks about RAID 0, 4, 5 and 6: a mirror keeps a block on several disks")
	}
	q, _, g, err := raidQuestion(RAIDDisk, c, step)
	if err != nil {
		return nil, err
	}
	if len(c.Failed) > 0 {
		return nil, errWorkingArray
	}
	b := c.Requests[step].Block
	pl := g.Locate(b)
	q.Prompt = T("raid.disk.prompt", raidArgs(g, "block", itoa(b))...)
	q.Answer = Answer{Kind: KindChoice, Values: []int64{int64(pl.Disk)}}
	m := g.DataChunks()
	k := b / g.Chunk
	args := []string{"block", itoa(b), "chunk", itoa(g.Chunk), "k", itoa(k), "disks", itoa(g.Disks), "m", itoa(m),
		"stripe", itoa(pl.Stripe), "index", itoa(pl.Index), "p", itoa(pl.P), "q", itoa(pl.Q), "disk", itoa(pl.Disk), "layout", layoutTerm(g)}
	key := "raid.disk.explain.r" + itoa(g.Level)
	if g.Level >= 5 {
		key = "raid.disk.explain.sym"
		if g.Layout == raid.LeftAsymmetric || g.Layout == raid.RightAsymmetric {
			key = "raid.disk.explain.asym"
		}
		if g.Level == 6 {
			key += "6"
		}
	}
	q.Explanation = T(key, args...)
	q.Choices = diskChoices(g, pl.Disk, func(v int) Text { return raidDiskWhy(g, b, pl, v) })
	return q, nil
}

// raidDiskWhy names the misconception that puts block b on disk v.
func raidDiskWhy(g *raid.Geometry, b int, pl raid.Place, v int) Text {
	n, disk, stripe := g.Disks, itoa(v), itoa(pl.Stripe)
	sym := g.Layout == raid.LeftSymmetric || g.Layout == raid.RightSymmetric
	switch {
	case g.Level >= 5 && sym && v == (pl.P+pl.Index)%n, g.Level >= 5 && !sym && v == pl.Index:
		return T("raid.disk.why.slot", "index", itoa(pl.Index), "stripe", stripe, "p", itoa(pl.P))
	case g.Level == 6 && sym && v == (pl.P+1+pl.Index)%n:
		return T("raid.disk.why.q", "p", itoa(pl.P), "q", itoa(pl.Q))
	case v == pl.P || v == pl.Q:
		return T("raid.disk.why.parity", "disk", disk, "stripe", stripe)
	}
	if g.Level >= 5 {
		for _, l := range raid.Layouts {
			if l != g.Layout && withLayout(g, l, g.Chunk).Locate(b).Disk == v {
				return T("raid.disk.why.layout", "layout", Term("raid.layout."+l))
			}
		}
	}
	if g.Level != 0 && (b/g.Chunk)%n == v {
		return T("raid.disk.why.raid0", "disks", itoa(n))
	}
	if g.Chunk > 1 && withLayout(g, g.Layout, 1).Locate(b).Disk == v {
		first := b / g.Chunk * g.Chunk
		return T("raid.disk.why.chunk", "chunk", itoa(g.Chunk), "first", itoa(first), "last", itoa(first+g.Chunk-1))
	}
	return T("raid.disk.why.other", "disk", disk, "stripe", stripe)
}

func askRAIDParity(sc any, step int) (*Question, error) {
	c := sc.(raid.Config)
	if c.Level != 4 && c.Level != 5 && c.Level != 6 {
		return nil, errors.New("raid.parity asks about RAID 4, 5 and 6")
	}
	q, _, g, err := raidQuestion(RAIDParity, c, step)
	if err != nil {
		return nil, err
	}
	if len(c.Failed) > 0 {
		return nil, errWorkingArray
	}
	b := c.Requests[step].Block
	s := g.Locate(b).Stripe
	p, qd := g.Parity(s)
	key := "raid.parity.prompt"
	if g.Level == 6 {
		key += "6"
	}
	q.Prompt = T(key, raidArgs(g, "stripe", itoa(s), "block", itoa(b))...)
	q.Answer = Answer{Kind: KindChoice, Values: []int64{int64(p)}}
	args := []string{"stripe", itoa(s), "disks", itoa(g.Disks), "p", itoa(p), "q", itoa(qd), "layout", layoutTerm(g)}
	right := g.Layout == raid.RightSymmetric || g.Layout == raid.RightAsymmetric
	switch {
	case g.Level == 4:
		q.Explanation = T("raid.parity.explain.r4", args...)
	case right:
		q.Explanation = T("raid.parity.explain.right"+map[bool]string{true: "6"}[g.Level == 6], args...)
	default:
		q.Explanation = T("raid.parity.explain.left"+map[bool]string{true: "6"}[g.Level == 6], args...)
	}
	q.Choices = diskChoices(g, p, func(v int) Text { return raidParityWhy(g, s, v) })
	return q, nil
}

// raidParityWhy names the misconception that puts stripe s's parity on v.
func raidParityWhy(g *raid.Geometry, s, v int) Text {
	p, qd := g.Parity(s)
	if v == qd {
		return T("raid.parity.why.q", "disk", itoa(v))
	}
	if g.Level >= 5 {
		other := raid.RightSymmetric
		if g.Layout == raid.RightSymmetric || g.Layout == raid.RightAsymmetric {
			other = raid.LeftSymmetric
		}
		if op, _ := withLayout(g, other, g.Chunk).Parity(s); op == v {
			return T("raid.parity.why.rotation", "layout", Term("raid.layout."+other))
		}
		if v == g.Disks-1 {
			return T("raid.parity.why.raid4", "disk", itoa(v))
		}
	}
	if g.Level == 4 {
		r5 := raid.NewGeometry(raid.Config{Level: 5, Disks: g.Disks, Chunk: g.Chunk, Layout: raid.LeftSymmetric})
		if rp, _ := r5.Parity(s); rp == v {
			return T("raid.parity.why.rotating", "disk", itoa(v))
		}
	}
	for _, o := range []int{s + 1, s - 1} {
		if op, _ := g.Parity(max(o, 0)); o >= 0 && op == v && op != p {
			return T("raid.parity.why.stripe", "other", itoa(o))
		}
	}
	return T("raid.parity.why.data", "disk", itoa(v), "stripe", itoa(s))
}
