package game

import (
	"encoding/json"
	"strconv"

	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/replace"
)

// The sandbox is the homework checker: the player picks a simulation and
// its settings, types their own reference string or request queue, and
// steps through the run forwards and backwards. This file is its model (no
// drawing): the settings, reading them into a simulator config, the run
// and the position in it. Everything runs locally through sim/replace and
// sim/disk, so it works offline.

// sandboxKind is what the sandbox simulates.
type sandboxKind string

const (
	kindReplace sandboxKind = "replace"
	kindDisk    sandboxKind = "disk"
)

// sandboxPolicies are the replacement policies offered (random needs a
// seed, which a homework rarely gives), and sandboxDiskPolicies the disk
// ones (N-step and F-SCAN need more than a queue).
var (
	sandboxPolicies     = []replace.Policy{replace.FIFO, replace.LRU, replace.OPT, replace.Clock, replace.EClock, replace.LFU, replace.MFU, replace.MRU}
	sandboxDiskPolicies = []disk.Policy{disk.FCFS, disk.SSTF, disk.SCAN, disk.CSCAN, disk.LOOK, disk.CLOOK}
)

// sandboxMaxFrames is the most frames the picture draws side by side.
const sandboxMaxFrames = 8

// sandboxSetup is everything the player chose and typed; it is kept in
// browser storage so the checker opens where it was left.
type sandboxSetup struct {
	Kind      sandboxKind    `json:"kind"`
	Policy    replace.Policy `json:"policy"`
	Frames    int            `json:"frames"`
	Refs      string         `json:"refs"`
	Disk      disk.Policy    `json:"disk"`
	Queue     string         `json:"queue"`
	Head      string         `json:"head"`
	Cylinders string         `json:"cylinders"`
	Direction string         `json:"direction"`
}

// sandboxKey is the browser-storage key of the sandbox's setup.
const sandboxKey = "osarena.sandbox.v1"

// defaultSandbox is the textbook's examples: Silberschatz's reference
// string with three frames, and its request queue with the head at 53.
func defaultSandbox() sandboxSetup {
	return sandboxSetup{
		Kind: kindReplace, Policy: replace.FIFO, Frames: 3, Refs: "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1",
		Disk: disk.FCFS, Queue: "98 183 37 122 14 124 65 67", Head: "53", Cylinders: "200", Direction: disk.Down,
	}
}

// loadSandbox reads the saved setup; anything unreadable or out of range
// falls back to the default of that setting.
func loadSandbox() sandboxSetup {
	d := defaultSandbox()
	s := d
	if b := storageGet(sandboxKey); b == "" || json.Unmarshal([]byte(b), &s) != nil {
		return d
	}
	if s.Kind != kindReplace && s.Kind != kindDisk {
		s.Kind = d.Kind
	}
	if indexOf(sandboxPolicies, s.Policy) < 0 {
		s.Policy = d.Policy
	}
	if indexOf(sandboxDiskPolicies, s.Disk) < 0 {
		s.Disk = d.Disk
	}
	if s.Frames < 1 || s.Frames > sandboxMaxFrames {
		s.Frames = d.Frames
	}
	if s.Direction != disk.Up && s.Direction != disk.Down {
		s.Direction = d.Direction
	}
	return s
}

func (s sandboxSetup) save() {
	if b, err := json.Marshal(s); err == nil {
		storageSet(sandboxKey, string(b))
	}
}

// sandboxRun is one run of the simulator and the position in it: pos
// references (or requests) have been served, 0 ≤ pos ≤ n.
type sandboxRun struct {
	kind sandboxKind
	rt   *replace.Trace // kind replace
	dt   *disk.Trace    // kind disk
	n    int
	pos  int
}

// runSandbox reads the setup and runs it; a problem with the input comes
// back in words (the simulators' own errors cannot happen once the input
// has been read, but are passed on if they do).
func runSandbox(s sandboxSetup) (*sandboxRun, *inputError) {
	if s.Kind == kindDisk {
		cyls, e := parseSetting(s.Cylinders, 2, sandboxMaxCylinders, msgSbCylsRange)
		if e != nil {
			return nil, e
		}
		head, e := parseSetting(s.Head, 0, cyls-1, msgSbHeadRange)
		if e != nil {
			return nil, e
		}
		reqs, e := parseRequests(s.Queue, cyls)
		if e != nil {
			return nil, e
		}
		c := disk.Config{Policy: s.Disk, Cylinders: cyls, Head: head, Direction: s.Direction}
		for _, r := range reqs {
			c.Requests = append(c.Requests, disk.Request{Cylinder: r})
		}
		tr, err := disk.Run(c)
		if err != nil {
			return nil, badInput(msgSbSimError, err.Error())
		}
		return &sandboxRun{kind: kindDisk, dt: tr, n: len(tr.Steps)}, nil
	}
	refs, writes, e := parseRefs(s.Refs)
	if e != nil {
		return nil, e
	}
	tr, err := replace.Run(replace.Config{Policy: s.Policy, Frames: s.Frames, Refs: refs, Writes: writes})
	if err != nil {
		return nil, badInput(msgSbSimError, err.Error())
	}
	return &sandboxRun{kind: kindReplace, rt: tr, n: len(tr.Steps)}, nil
}

// seek moves to position p, clamped to [0, n].
func (r *sandboxRun) seek(p int) { r.pos = max(0, min(r.n, p)) }

// forward serves one more reference; it reports whether it moved.
func (r *sandboxRun) forward() bool {
	if r.pos >= r.n {
		return false
	}
	r.pos++
	return true
}

// back undoes the last reference served; it reports whether it moved.
func (r *sandboxRun) back() bool {
	if r.pos <= 0 {
		return false
	}
	r.pos--
	return true
}

// faults counts the page faults among the first p references.
func (r *sandboxRun) faults(p int) int {
	n := 0
	for _, s := range r.rt.Steps[:p] {
		if !s.Hit {
			n++
		}
	}
	return n
}

// frames returns the frame contents after the first p references (all
// free at p = 0).
func (r *sandboxRun) frames(p int) []replace.Nullable {
	pages, _, _, _ := state(r.rt, p)
	return pages
}

// movement is the head movement after the first p requests, counted the
// way the trace's rules count it.
func (r *sandboxRun) movement(p int) int {
	m := 0
	for _, s := range r.dt.Steps[:p] {
		m += s.Distance
	}
	return m
}

// headAt is the head's cylinder after the first p requests.
func (r *sandboxRun) headAt(p int) int {
	if p == 0 {
		return r.dt.Head
	}
	return r.dt.Steps[p-1].Cylinder
}

// sandboxInfo is the run as the test hook reports it (window.osarena.info):
// what is on screen, so a browser test can check it against the simulator.
type sandboxInfo struct {
	Kind      sandboxKind `json:"kind"`
	Policy    string      `json:"policy"`
	Frames    int         `json:"frames,omitempty"`
	Items     []int       `json:"items"` // the references or requests read
	Pos       int         `json:"pos"`
	N         int         `json:"n"`
	Faults    int         `json:"faults"`     // shown: faults of the whole run
	FaultsNow int         `json:"faults_now"` // shown: faults up to pos
	FramesNow []int       `json:"frames_now"` // shown: frame contents at pos (-1 free)
	Movement  int         `json:"movement"`   // shown: head movement of the whole run
	HeadNow   int         `json:"head_now"`   // shown: the head at pos
	Error     string      `json:"error"`      // the input problem shown, in English
	View      string      `json:"view"`       // "setup" or "run" (a phone shows one at a time)
}

// info fills in what the run shows.
func (r *sandboxRun) info(in *sandboxInfo) {
	in.Kind, in.Pos, in.N = r.kind, r.pos, r.n
	if r.kind == kindDisk {
		in.Policy = string(r.dt.Policy)
		in.Items = make([]int, r.n) // in the order typed, not served
		for _, s := range r.dt.Steps {
			in.Items[s.Request] = s.Cylinder
		}
		in.Movement, in.HeadNow = r.dt.Movement, r.headAt(r.pos)
		return
	}
	in.Policy, in.Frames = string(r.rt.Policy), r.rt.Frames
	for _, s := range r.rt.Steps {
		in.Items = append(in.Items, s.Ref)
	}
	in.Faults, in.FaultsNow = r.rt.Faults, r.faults(r.pos)
	for _, p := range r.frames(r.pos) {
		in.FramesNow = append(in.FramesNow, int(p))
	}
}

// itemsText writes the items for a summary line: "98 183 37".
func itemsText(vs []int) string {
	b := make([]byte, 0, len(vs)*4)
	for i, v := range vs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	return string(b)
}
