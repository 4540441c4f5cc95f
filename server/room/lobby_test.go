package room

import (
	"strings"
	"testing"

	"github.com/osarena/osarena/netcode"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(h *harness)
		session string
		nick    string
		want    netcode.ErrorCode
	}{
		{"ok", nil, "s2", "Bora", netcode.ErrNone},
		{"korean", nil, "s2", "김민준", netcode.ErrNone},
		{"empty", nil, "s2", "   ", netcode.ErrBadNickname},
		{"too long", nil, "s2", strings.Repeat("a", 21), netcode.ErrBadNickname},
		{"bidi override", nil, "s2", "abc\u202Edef", netcode.ErrBadNickname},
		{"control", nil, "s2", "a\x07b", netcode.ErrBadNickname},
		{"blocked en", nil, "s2", "xX_Sh1t_shit", netcode.ErrBadNickname},
		{"blocked ko", nil, "s2", "나는 병신", netcode.ErrBadNickname},
		{"taken, other case", nil, "s2", "HOST", netcode.ErrNicknameTaken},
		{"locked", func(h *harness) { h.cmd("s1", netcode.TypeLock, netcode.Lock{Locked: true}) }, "s2", "Bora", netcode.ErrRoomLocked},
		{"full", func(h *harness) { h.join("s9", "Other") }, "s2", "Bora", netcode.ErrRoomFull},
		{"kicked", func(h *harness) {
			r := h.join("s2", "Bora")
			h.cmd("s1", netcode.TypeKick, netcode.Kick{PlayerID: r.PlayerID})
		}, "s2", "Bora2", netcode.ErrRoomLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, testSettings(), Config{MaxPlayers: 2})
			if r := h.join("s1", "host"); r.Err != netcode.ErrNone || r.PlayerID != 1 {
				t.Fatalf("host join = %+v", r)
			}
			if tt.setup != nil {
				tt.setup(h)
			}
			got := h.join(tt.session, tt.nick)
			if got.Err != tt.want {
				t.Fatalf("Join(%q) = %+v; want error %d", tt.nick, got, tt.want)
			}
			if tt.want != netcode.ErrNone {
				if e := last[netcode.Error](t, h.out, "ch-"+tt.session, netcode.TypeError); e.Code != tt.want || e.About != netcode.TypeJoinRoom {
					t.Errorf("Error sent = %+v; want code %d about JoinRoom", e, tt.want)
				}
				return
			}
			st := last[netcode.RoomState](t, h.out, "ch-s1", netcode.TypeRoomState)
			if len(st.Players) != 2 || st.Players[1].Nickname != tt.nick || st.Players[1].Host {
				t.Errorf("RoomState players = %+v", st.Players)
			}
		})
	}
}

func TestHostToken(t *testing.T) {
	h := newHarness(t, testSettings(), Config{})
	h.join("s1", "host")
	h.join("s2", "guest")
	if got := last[netcode.RoomJoined](t, h.out, "ch-s1", netcode.TypeRoomJoined); got.HostToken != h.r.HostToken() || got.HostToken == "" || got.Code != "ABCDEF" {
		t.Errorf("host RoomJoined = %+v; want the host token", got)
	}
	if got := last[netcode.RoomJoined](t, h.out, "ch-s2", netcode.TypeRoomJoined); got.HostToken != "" || got.PlayerID != 2 {
		t.Errorf("guest RoomJoined = %+v; want no host token, player 2", got)
	}
}

func TestHostCommands(t *testing.T) {
	bad := testSettings()
	bad.Difficulty = 6
	good := testSettings()
	good.Rounds, good.Lang = 7, "ko"
	tests := []struct {
		name    string
		session string
		typ     netcode.Type
		msg     any
		wantErr netcode.ErrorCode
		check   func(*testing.T, *harness)
	}{
		{"guest settings", "s2", netcode.TypeUpdateSettings, netcode.UpdateSettings{Settings: good}, netcode.ErrNotHost, nil},
		{"guest kick", "s2", netcode.TypeKick, netcode.Kick{PlayerID: 1}, netcode.ErrNotHost, nil},
		{"guest start", "s2", netcode.TypeStartMatch, netcode.StartMatch{}, netcode.ErrNotHost, nil},
		{"bad settings", "s1", netcode.TypeUpdateSettings, netcode.UpdateSettings{Settings: bad}, netcode.ErrBadSettings, nil},
		{"settings", "s1", netcode.TypeUpdateSettings, netcode.UpdateSettings{Settings: good}, netcode.ErrNone, func(t *testing.T, h *harness) {
			if st := last[netcode.RoomState](t, h.out, "ch-s2", netcode.TypeRoomState); st.Settings.Rounds != 7 || st.Settings.Lang != "ko" {
				t.Errorf("RoomState settings = %+v; want 7 rounds, ko", st.Settings)
			}
		}},
		{"kick self", "s1", netcode.TypeKick, netcode.Kick{PlayerID: 1}, netcode.ErrNotInRoom, nil},
		{"kick", "s1", netcode.TypeKick, netcode.Kick{PlayerID: 2}, netcode.ErrNone, func(t *testing.T, h *harness) {
			if c := h.out.closed["ch-s2"]; c != netcode.CloseKicked {
				t.Errorf("kicked channel closed with %d; want %d", c, netcode.CloseKicked)
			}
			if st := last[netcode.RoomState](t, h.out, "ch-s1", netcode.TypeRoomState); len(st.Players) != 1 {
				t.Errorf("players after kick = %+v", st.Players)
			}
		}},
		{"lock", "s1", netcode.TypeLock, netcode.Lock{Locked: true}, netcode.ErrNone, func(t *testing.T, h *harness) {
			if st := last[netcode.RoomState](t, h.out, "ch-s2", netcode.TypeRoomState); !st.Locked {
				t.Errorf("RoomState.Locked = false after Lock")
			}
		}},
		{"next in lobby", "s1", netcode.TypeNext, netcode.Next{}, netcode.ErrWrongPhase, nil},
		{"unknown command", "s1", netcode.TypePing, netcode.Ping{}, netcode.ErrWrongPhase, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, testSettings(), Config{})
			h.join("s1", "host")
			h.join("s2", "guest")
			h.cmd(tt.session, tt.typ, tt.msg)
			errs := count(h.out, "ch-"+tt.session, netcode.TypeError)
			if tt.wantErr == netcode.ErrNone {
				if errs != 0 {
					t.Fatalf("got %d Errors; want none (last %+v)", errs, last[netcode.Error](t, h.out, "ch-"+tt.session, netcode.TypeError))
				}
			} else if e := last[netcode.Error](t, h.out, "ch-"+tt.session, netcode.TypeError); e.Code != tt.wantErr || e.About != tt.typ {
				t.Fatalf("Error = %+v; want code %d about %d", e, tt.wantErr, tt.typ)
			}
			if tt.check != nil {
				tt.check(t, h)
			}
		})
	}
}

func TestValidSettings(t *testing.T) {
	mod := func(f func(*netcode.Settings)) netcode.Settings { s := DefaultSettings(); f(&s); return s }
	tests := []struct {
		name string
		s    netcode.Settings
		want bool
	}{
		{"default", DefaultSettings(), true},
		{"all topics", mod(func(s *netcode.Settings) { s.Topics = Topics() }), true},
		{"unknown topic", mod(func(s *netcode.Settings) { s.Topics = []string{"cooking"} }), false},
		{"repeated topic", mod(func(s *netcode.Settings) { s.Topics = []string{"replace", "replace"} }), false},
		{"difficulty 0", mod(func(s *netcode.Settings) { s.Difficulty = 0 }), false},
		{"difficulty 5", mod(func(s *netcode.Settings) { s.Difficulty = 5 }), true},
		{"difficulty 6", mod(func(s *netcode.Settings) { s.Difficulty = 6 }), false},
		{"rounds 0", mod(func(s *netcode.Settings) { s.Rounds = 0 }), false},
		{"rounds 51", mod(func(s *netcode.Settings) { s.Rounds = 51 }), false},
		{"seconds 4", mod(func(s *netcode.Settings) { s.Seconds = 4 }), false},
		{"seconds 601", mod(func(s *netcode.Settings) { s.Seconds = 601 }), false},
		{"untimed", mod(func(s *netcode.Settings) { s.Timed = false }), true},
		{"lang fr", mod(func(s *netcode.Settings) { s.Lang = "fr" }), false},
		{"lang ko", mod(func(s *netcode.Settings) { s.Lang = "ko" }), true},
		{"chain 0", mod(func(s *netcode.Settings) { s.Chain = 0 }), true},
		{"chain 11", mod(func(s *netcode.Settings) { s.Chain = 11 }), false},
	}
	for _, tt := range tests {
		if got := ValidSettings(tt.s); got != tt.want {
			t.Errorf("ValidSettings(%s: %+v) = %v; want %v", tt.name, tt.s, got, tt.want)
		}
	}
}

func TestNormalizeNickname(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Bora  ", "Bora"},
		{"a   b\tc", "a b c"},
		{"e\u0301", "\u00e9"},      // NFC
		{"\u1100\u1161", "\uac00"}, // conjoining jamo → 가
		{"zero\u200bwidth", ""},    // format character
		{"\u2067iso\u2069", ""},    // bidi isolate
		{"\u00ad", ""},             // soft hyphen (Cf)
		{"\xff", ""},               // invalid UTF-8
		{"김민준김민준김민준김민준김민준김민준김민", "김민준김민준김민준김민준김민준김민준김민"}, // 20
		{"FUCKER", ""},
		{"s.h.i.t", ""},
		{"씨 발", ""},
		{"Scunthorpe", ""}, // the small list's known price
	}
	for _, tt := range tests {
		got, err := NormalizeNickname(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("NormalizeNickname(%q) = %q; want ErrBadNickname", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeNickname(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCode(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		c := NewCode()
		if n, ok := NormalizeCode(strings.ToLower(c)); !ok || n != c {
			t.Fatalf("NormalizeCode(lower(%q)) = %q, %v", c, n, ok)
		}
		if strings.ContainsAny(c, "0O1I") {
			t.Fatalf("code %q has a confusable character", c)
		}
		seen[c] = true
	}
	if len(seen) < 990 {
		t.Errorf("1000 codes, %d distinct", len(seen))
	}
	for _, bad := range []string{"ABCDE", "ABCDEFG", "ABCDE0", "ABCDEO", "ABC-EF"} {
		if _, ok := NormalizeCode(bad); ok {
			t.Errorf("NormalizeCode(%q) ok; want refused", bad)
		}
	}
}
