package game

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/osarena/osarena/assets/fonts"
	"github.com/osarena/osarena/sim/disk"
	"github.com/osarena/osarena/sim/quiz"
	"github.com/osarena/osarena/sim/replace"
)

func TestParseRefs(t *testing.T) {
	tests := []struct {
		in     string
		refs   []int
		writes []bool
		err    string // the English message, "" for none
	}{
		{"7 0 1 2 0 3", []int{7, 0, 1, 2, 0, 3}, nil, ""},
		{"7,0,1,2", []int{7, 0, 1, 2}, nil, ""},
		{" 7, 0 ,1;2\t3\n4 ", []int{7, 0, 1, 2, 3, 4}, nil, ""},
		{"[7, 0, 1]", []int{7, 0, 1}, nil, ""},
		{"7，0、1", []int{7, 0, 1}, nil, ""},
		{"7 0w 1W", []int{7, 0, 1}, []bool{false, true, true}, ""},
		{"999", []int{999}, nil, ""},
		{"", nil, nil, "Type a reference string, such as 7 0 1 2 0 3"},
		{" , ; ", nil, nil, "Type a reference string, such as 7 0 1 2 0 3"},
		{"7 0 x 1", nil, nil, `Item 3, "x", is not a page number`},
		{"7 0.5", nil, nil, `Item 2, "0.5", is not a page number`},
		{"7 -3", nil, nil, `Item 2, "-3": page numbers go from 0 to 999`},
		{"1000", nil, nil, `Item 1, "1000": page numbers go from 0 to 999`},
		{"99999999999999999999", nil, nil, `Item 1, "99999999999…": page numbers go from 0 to 999`},
		{"w", nil, nil, `Item 1, "w", is not a page number`},
		{"7ww", nil, nil, `Item 1, "7ww", is not a page number`},
		{"abcdefghijklmnopqrstuvwxyz", nil, nil, `Item 1, "abcdefghijk…", is not a page number`},
		{"7 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9", nil, nil, "At most 30 references (you typed 31)"},
	}
	for _, tt := range tests {
		refs, writes, err := parseRefs(tt.in)
		got := ""
		if err != nil {
			got = err.Error()
			if err.in(quiz.Korean) == "" || err.in(quiz.Korean) == got {
				t.Errorf("parseRefs(%q) error has no Korean text (%q)", tt.in, err.in(quiz.Korean))
			}
		}
		if got != tt.err || !slices.Equal(refs, tt.refs) || !slices.Equal(writes, tt.writes) {
			t.Errorf("parseRefs(%q) = %v, %v, %q; want %v, %v, %q", tt.in, refs, writes, got, tt.refs, tt.writes, tt.err)
		}
	}
}

func TestParseRequests(t *testing.T) {
	tests := []struct {
		in   string
		cyls int
		want []int
		err  string
	}{
		{"98 183 37 122 14 124 65 67", 200, []int{98, 183, 37, 122, 14, 124, 65, 67}, ""},
		{"98,183,37", 200, []int{98, 183, 37}, ""},
		{"0 199", 200, []int{0, 199}, ""},
		{"", 200, nil, "Type a request queue, such as 98 183 37 122"},
		{"98 200", 200, nil, `Item 2, "200": this disk's cylinders go from 0 to 199`},
		{"98 -1", 200, nil, `Item 2, "-1": this disk's cylinders go from 0 to 199`},
		{"98 7w", 200, nil, `Item 2, "7w", is not a cylinder number`},
		{"98 lots", 200, nil, `Item 2, "lots", is not a cylinder number`},
	}
	for _, tt := range tests {
		got, err := parseRequests(tt.in, tt.cyls)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if msg != tt.err || !slices.Equal(got, tt.want) {
			t.Errorf("parseRequests(%q, %d) = %v, %q; want %v, %q", tt.in, tt.cyls, got, msg, tt.want, tt.err)
		}
	}
}

func TestRunSandboxReportsTheSettings(t *testing.T) {
	tests := []struct {
		change func(*sandboxSetup)
		err    string
	}{
		{func(s *sandboxSetup) {}, ""},
		{func(s *sandboxSetup) { s.Head = "" }, "Head: type a cylinder from 0 to 199"},
		{func(s *sandboxSetup) { s.Head = "200" }, "Head: type a cylinder from 0 to 199"},
		{func(s *sandboxSetup) { s.Head = "fifty" }, "Head: type a cylinder from 0 to 199"},
		{func(s *sandboxSetup) { s.Cylinders = "1" }, "Cylinders: type a number from 2 to 9999"},
		{func(s *sandboxSetup) { s.Cylinders = "100000" }, "Cylinders: type a number from 2 to 9999"},
		{func(s *sandboxSetup) { s.Cylinders = "150" }, `Item 2, "183": this disk's cylinders go from 0 to 149`},
		{func(s *sandboxSetup) { s.Queue = "98 x" }, `Item 2, "x", is not a cylinder number`},
	}
	for i, tt := range tests {
		s := defaultSandbox()
		s.Kind = kindDisk
		tt.change(&s)
		run, err := runSandbox(s)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err || (run == nil) != (tt.err != "") {
			t.Errorf("case %d: runSandbox(%+v) = run %v, %q; want %q", i, s, run != nil, got, tt.err)
		}
	}
}

// The sandbox's defaults are the textbook's examples: its counts must be
// the textbook's (Silberschatz: 15 / 12 / 9 faults; 640 / 236 cylinders).
func TestSandboxTextbookCounts(t *testing.T) {
	for _, tt := range []struct {
		p    replace.Policy
		want int
	}{{replace.FIFO, 15}, {replace.LRU, 12}, {replace.OPT, 9}} {
		s := defaultSandbox()
		s.Policy = tt.p
		run, err := runSandbox(s)
		if err != nil {
			t.Fatalf("runSandbox(%s) error %v", tt.p, err)
		}
		if got := run.faults(run.n); got != tt.want || run.rt.Faults != tt.want {
			t.Errorf("%s on the textbook string: %d faults (trace %d); want %d", tt.p, got, run.rt.Faults, tt.want)
		}
	}
	for _, tt := range []struct {
		p    disk.Policy
		want int
	}{{disk.FCFS, 640}, {disk.SSTF, 236}, {disk.SCAN, 236}} {
		s := defaultSandbox()
		s.Kind, s.Disk = kindDisk, tt.p
		run, err := runSandbox(s)
		if err != nil {
			t.Fatalf("runSandbox(%s) error %v", tt.p, err)
		}
		if got := run.movement(run.n); got != tt.want {
			t.Errorf("%s on the textbook queue: head movement %d; want %d", tt.p, got, tt.want)
		}
	}
}

// Stepping forward to the end and back to the start shows, at every
// position, the simulator's state after that many steps.
func TestSandboxSteppingFollowsTheTrace(t *testing.T) {
	for _, p := range sandboxPolicies {
		s := defaultSandbox()
		s.Policy, s.Frames, s.Refs = p, 3, "1 2 3w 4 1 2 5w 1 2 3 4 5"
		run, err := runSandbox(s)
		if err != nil {
			t.Fatalf("runSandbox(%s) error %v", p, err)
		}
		tr, _ := replace.Run(replace.Config{Policy: p, Frames: 3, Refs: []int{1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5},
			Writes: []bool{false, false, true, false, false, false, true, false, false, false, false, false}})
		check := func(dir string) {
			t.Helper()
			pos := run.pos
			want, faults := make([]replace.Nullable, 3), 0
			for i := range want {
				want[i] = replace.Null
			}
			if pos > 0 {
				want = tr.Steps[pos-1].Frames
			}
			for _, st := range tr.Steps[:pos] {
				if !st.Hit {
					faults++
				}
			}
			if got := run.frames(pos); !slices.Equal(got, want) {
				t.Errorf("%s %s at %d: frames %v; want %v", p, dir, pos, got, want)
			}
			if got := run.faults(pos); got != faults {
				t.Errorf("%s %s at %d: %d faults; want %d", p, dir, pos, got, faults)
			}
			g := replaceTable(run.rt, pos, quiz.English)
			if g.cur != pos-1 || len(g.cols) != len(tr.Steps) {
				t.Errorf("%s %s at %d: table outlines column %d of %d; want %d of %d", p, dir, pos, g.cur, len(g.cols), pos-1, len(tr.Steps))
			}
		}
		check("start")
		for run.forward() {
			check("forward")
		}
		if run.pos != run.n || run.forward() {
			t.Errorf("%s: forward stopped at %d of %d", p, run.pos, run.n)
		}
		for run.back() {
			check("back")
		}
		if run.pos != 0 || run.back() {
			t.Errorf("%s: back stopped at %d", p, run.pos)
		}
		for _, to := range []int{5, -3, 99, 7} {
			run.seek(to)
			check("seek " + strconv.Itoa(to))
		}
	}
	for _, p := range sandboxDiskPolicies {
		s := defaultSandbox()
		s.Kind, s.Disk, s.Direction = kindDisk, p, disk.Up
		run, err := runSandbox(s)
		if err != nil {
			t.Fatalf("runSandbox(%s) error %v", p, err)
		}
		tr, _ := disk.Run(disk.Config{Policy: p, Cylinders: 200, Head: 53, Direction: disk.Up,
			Requests: []disk.Request{{Cylinder: 98}, {Cylinder: 183}, {Cylinder: 37}, {Cylinder: 122}, {Cylinder: 14}, {Cylinder: 124}, {Cylinder: 65}, {Cylinder: 67}}})
		for {
			head, moved := 53, 0
			for _, st := range tr.Steps[:run.pos] {
				head, moved = st.Cylinder, moved+st.Distance
			}
			if got := run.headAt(run.pos); got != head {
				t.Errorf("%s at %d: head %d; want %d", p, run.pos, got, head)
			}
			if got := run.movement(run.pos); got != moved {
				t.Errorf("%s at %d: movement %d; want %d", p, run.pos, got, moved)
			}
			g := diskTable(run, quiz.English)
			if last := g.cols[run.pos]; last[0].s != strconv.Itoa(head) || last[2].s != strconv.Itoa(moved) {
				t.Errorf("%s at %d: table column says %s, total %s; want %d, %d", p, run.pos, last[0].s, last[2].s, head, moved)
			}
			if !run.forward() {
				break
			}
		}
		if run.movement(run.n) != tr.Movement {
			t.Errorf("%s: whole movement %d; want the trace's %d", p, run.movement(run.n), tr.Movement)
		}
	}
}

func TestLoadSandboxSurvivesBadStorage(t *testing.T) {
	defer storageSet(sandboxKey, "")
	d := defaultSandbox()
	tests := []struct {
		stored string
		want   sandboxSetup
	}{
		{"", d},
		{"{", d},
		{`{"kind":"raid","policy":"nope","frames":99,"disk":"x","direction":"left","refs":"1 2"}`,
			func() sandboxSetup { s := d; s.Refs = "1 2"; return s }()},
		{`{"kind":"disk","policy":"lru","frames":4,"disk":"clook","direction":"up","queue":"5 6","head":"9","cylinders":"50","refs":"3"}`,
			sandboxSetup{Kind: kindDisk, Policy: replace.LRU, Frames: 4, Refs: "3", Disk: disk.CLOOK, Queue: "5 6", Head: "9", Cylinders: "50", Direction: disk.Up}},
	}
	for _, tt := range tests {
		storageSet(sandboxKey, tt.stored)
		if got := loadSandbox(); got != tt.want {
			t.Errorf("loadSandbox from %q = %+v; want %+v", tt.stored, got, tt.want)
		}
	}
}

// Every formatted string of the sandbox and the daily challenge takes the
// arguments its callers give, in both languages (vet cannot see through msg.f).
func TestSandboxAndDailyMessagesFormat(t *testing.T) {
	tests := []struct {
		name string
		m    msg
		args []any
	}{
		{"msgSbUp", msgSbUp, []any{"199"}},
		{"msgSbStep", msgSbStep, []any{3, 20}},
		{"msgSbHit", msgSbHit, []any{1, 2}},
		{"msgSbFault", msgSbFault, []any{1, 2}},
		{"msgSbFaultVictim", msgSbFaultVictim, []any{1, 7, 2}},
		{"msgSbWriteBack", msgSbWriteBack, []any{7}},
		{"msgSbFaultsNow", msgSbFaultsNow, []any{3, 5}},
		{"msgSbFaultsAll", msgSbFaultsAll, []any{15, 5, 75}},
		{"msgSbDiskStart", msgSbDiskStart, []any{53, "up"}},
		{"msgSbDiskStartF", msgSbDiskStartF, []any{53}},
		{"msgSbServed", msgSbServed, []any{65, 12, 53}},
		{"msgSbServedVia", msgSbServedVia, []any{65, 12, 53, "199, 0"}},
		{"msgSbMoveNow", msgSbMoveNow, []any{14}},
		{"msgSbMoveAll", msgSbMoveAll, []any{236}},
		{"msgSbMoveNoReturn", msgSbMoveNoReturn, []any{382, 183}},
		{"msgSbFrameRow", msgSbFrameRow, []any{0}},
		{"msgSbTooManyRefs", msgSbTooManyRefs, []any{30, 31}},
		{"msgSbNotPage", msgSbNotPage, []any{3, "x"}},
		{"msgSbPageRange", msgSbPageRange, []any{3, "1000", 999}},
		{"msgSbCylRange", msgSbCylRange, []any{2, "200", 199}},
		{"msgSbHeadRange", msgSbHeadRange, []any{0, 199}},
		{"msgSbCylsRange", msgSbCylsRange, []any{2, 9999}},
		{"msgSbSimError", msgSbSimError, []any{"frames must be between 1 and 64"}},
		{"msgDailyDays", msgDailyDays, []any{3}},
		{"msgDailyScore", msgDailyScore, []any{4210}},
		{"msgDailyCorrectT", msgDailyCorrectT, []any{5, 8, "2:31"}},
		{"msgDailyDone", msgDailyDone, []any{"2025-06-14"}},
		{"msgDailyRightTime", msgDailyRightTime, []any{5, 8, "2:31"}},
		{"msgDailySaved", msgDailySaved, []any{"3 days"}},
		{"msgDailyPractice", msgDailyPractice, []any{4210}},
		{"msgDailyLinkDone", msgDailyLinkDone, []any{4210, 3}},
		{"msgDailyError", msgDailyError, []any{"boom"}},
	}
	for _, tt := range tests {
		for _, lang := range []quiz.Lang{quiz.English, quiz.Korean} {
			if got := tt.m.f(lang, tt.args...); strings.Contains(got, "%!") {
				t.Errorf("%s.f(%s, %v) = %q; want every argument used once", tt.name, lang, tt.args, got)
			}
		}
	}
}

// At 1280x720 the textbook string's picture, stepper and paper table fit
// together (clock's hand included); on a phone the picture and the table
// are tabs, and every control of the run screen is on the screen.
func TestSandboxLayout(t *testing.T) {
	txt, err := NewText(fonts.TTF)
	if err != nil {
		t.Fatal(err)
	}
	defer storageSet(sandboxKey, "")
	tests := []struct {
		w, h   float64
		policy replace.Policy
		tabs   bool
	}{
		{1280, 720, replace.FIFO, false},
		{1280, 720, replace.Clock, false},
		{390, 844, replace.FIFO, true},
		{390, 844, replace.Clock, true},
	}
	for _, tt := range tests {
		s := newSandbox()
		s.set = defaultSandbox()
		s.set.Policy = tt.policy
		s.showRun = true
		a := &app{w: tt.w, h: tt.h, scale: 1, txt: txt, saved: defaultSaved()}
		s.Update(a)
		if got := len(s.view.tabs) > 0; got != tt.tabs {
			t.Errorf("%vx%v %s: tabs %v; want %v", tt.w, tt.h, tt.policy, got, tt.tabs)
		}
		for _, tg := range s.Targets() {
			if tg.R.X < 0 || tg.R.Y < 0 || tg.R.Right() > tt.w || tg.R.Bottom() > tt.h {
				t.Errorf("%vx%v %s: target %s at %+v is off the screen", tt.w, tt.h, tt.policy, tg.Name, tg.R)
			}
		}
	}
}
