package tournament

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// Correcting a quarterfinal of eight undoes the semifinal and final it fed
// and puts the new winner in the semifinal.
func TestCorrectSingleReadvances(t *testing.T) {
	tr := mustNew(t, Options{Format: SingleElimination}, 8)
	playOut(t, tr, chalk)                           // matches 1-4 R1, 5-6 R2, 7 final
	undone, err := tr.Correct(2, Result{Winner: 4}) // 5 beats 4
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{5, 7}; !slices.Equal(undone, want) {
		t.Errorf("Correct(2) undid %v; want %v", undone, want)
	}
	if got := pairLabel(tr.match(5)); got != "1-5" || tr.match(5).Status != Ready {
		t.Errorf("semifinal = %s %s; want 1-5 ready", got, tr.match(5).Status)
	}
	if got := tr.match(6).Status; got != Done {
		t.Errorf("other semifinal status %s; want done (it did not depend on match 2)", got)
	}
	if got := tr.match(7).Players; got != [2]int{None, 1} {
		t.Errorf("final players %v; want [None 1]", got)
	}
	if _, ok := tr.Champion(); ok {
		t.Errorf("champion still decided after the correction")
	}
	// A walkover flag with the same winner undoes nothing.
	if undone, err := tr.Correct(3, Result{Winner: 1, Walkover: true}); err != nil || len(undone) != 0 {
		t.Errorf("Correct(3, same winner, walkover) = %v, %v; want nothing undone", undone, err)
	}
}

// In double elimination a correction moves the loser too: the corrected
// match's new loser goes to the losers' bracket and what the old loser
// played there is undone.
func TestCorrectDoubleMovesLoser(t *testing.T) {
	tr := mustNew(t, Options{Format: DoubleElimination}, 4)
	// 1: W1 1-4, 2: W1 2-3, 3: W2, 4: L1, 5: L2, 6: GF, 7: reset
	for _, id := range []int{1, 2, 4} {
		if err := tr.Record(id, chalk(tr.match(id))); err != nil {
			t.Fatal(err)
		}
	}
	undone, err := tr.Correct(1, Result{Winner: 3})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{4}; !slices.Equal(undone, want) {
		t.Errorf("undone %v; want %v", undone, want)
	}
	if got := pairLabel(tr.match(4)); got != "1-3" {
		t.Errorf("losers' round 1 = %s; want 1-3", got)
	}
	if got := pairLabel(tr.match(3)); got != "4-2" {
		t.Errorf("winners' final = %s; want 4-2", got)
	}
}

// Property: after a random correction, the tournament is exactly what
// replaying every kept result onto a fresh bracket gives, and no match fed
// by the corrected one keeps a result.
func TestCorrectEqualsReplay(t *testing.T) {
	for _, f := range []Format{SingleElimination, DoubleElimination, RoundRobin} {
		for n := 2; n <= 40; n++ {
			r := rand.New(rand.NewPCG(uint64(n), 5))
			tr := mustNew(t, Options{Format: f}, n)
			steps := r.IntN(2*n) + 1
			for i := 0; i < steps && len(tr.Ready()) > 0; i++ {
				ready := tr.Ready()
				m := tr.match(ready[r.IntN(len(ready))])
				if err := tr.Record(m.ID, randomly(r, false)(m)); err != nil {
					t.Fatal(err)
				}
			}
			var done []int
			for _, m := range tr.Matches {
				if m.Status == Done {
					done = append(done, m.ID)
				}
			}
			id := done[r.IntN(len(done))]
			m := tr.match(id)
			if _, err := tr.Correct(id, Result{Winner: m.Loser()}); err != nil {
				t.Fatal(err)
			}
			for _, d := range tr.dependents(id) {
				if tr.match(d).Status == Done {
					t.Errorf("%s n=%d: match %d fed by corrected %d kept its result", f, n, d, id)
				}
			}
			fresh := mustNew(t, Options{Format: f}, n)
			for _, m := range tr.Matches {
				if m.Status == Done {
					if err := fresh.Record(m.ID, *m.Result); err != nil {
						t.Fatalf("%s n=%d: replay Record(%d): %v", f, n, m.ID, err)
					}
				}
			}
			if !reflect.DeepEqual(fresh.Matches, tr.Matches) {
				t.Errorf("%s n=%d: state after Correct(%d) differs from a replay", f, n, id)
			}
		}
	}
}

func TestRecordErrors(t *testing.T) {
	tr := mustNew(t, Options{Format: SingleElimination}, 5)
	// 1: 1-bye, 2: 4-5, ...
	tests := []struct {
		id   int
		r    Result
		want error
		msg  string
	}{
		{99, Result{Winner: 0}, ErrNoMatch, "tournament: record result: match 99: no such match"},
		{1, Result{Winner: 0}, ErrNotReady, "tournament: record result: match 1: match is not ready to be played: status bye"},
		{5, Result{Winner: 0}, ErrNotReady, "tournament: record result: match 5: match is not ready to be played: status pending"},
		{2, Result{Winner: 0}, ErrResult, "tournament: record result: match 2: invalid result: winner 0 does not play in it"},
		{2, Result{Winner: None, Draw: true}, ErrResult, "tournament: record result: match 2: invalid result: no draws in elimination"},
	}
	for _, tt := range tests {
		err := tr.Record(tt.id, tt.r)
		if !errors.Is(err, tt.want) || err.Error() != tt.msg {
			t.Errorf("Record(%d, %+v) = %v; want %q", tt.id, tt.r, err, tt.msg)
		}
	}
	if _, err := tr.Correct(2, Result{Winner: 3}); !errors.Is(err, ErrNotPlayed) {
		t.Errorf("Correct on an unplayed match: %v; want ErrNotPlayed", err)
	}
	if _, err := tr.PairNextRound(); !errors.Is(err, ErrFormat) {
		t.Errorf("PairNextRound on single elimination: %v; want ErrFormat", err)
	}
	sw := mustNew(t, Options{Format: Swiss}, 4)
	if _, err := sw.PairNextRound(); !errors.Is(err, ErrRoundOpen) {
		t.Errorf("PairNextRound with round open: %v; want ErrRoundOpen", err)
	}
	newTests := []struct {
		opts Options
		n    int
		want error
	}{
		{Options{Format: SingleElimination}, 1, ErrPlayers},
		{Options{Format: "knockout"}, 4, ErrOptions},
		{Options{Format: Swiss, Rounds: 4}, 4, ErrOptions},
		{Options{Format: RoundRobin, ThirdPlace: true}, 4, ErrOptions},
		{Options{Format: RoundRobin, Rounds: 2}, 4, ErrOptions},
	}
	for _, tt := range newTests {
		if _, err := New(tt.opts, players(tt.n)); !errors.Is(err, tt.want) {
			t.Errorf("New(%+v, %d) error %v; want %v", tt.opts, tt.n, err, tt.want)
		}
	}
	if _, err := New(Options{Format: Swiss}, []Entrant{{ID: "a"}, {ID: "a"}}); !errors.Is(err, ErrPlayers) {
		t.Errorf("New with a repeated id: %v; want ErrPlayers", err)
	}
}

// The state survives JSON: the store writes it, reads it back, and play
// continues identically.
func TestJSONRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)
	for _, f := range []Format{SingleElimination, DoubleElimination, RoundRobin, Swiss} {
		tr := mustNew(t, Options{Format: f}, 11)
		for i := 0; i < 5; i++ {
			m := tr.match(tr.Ready()[0])
			r := chalk(m)
			r.At, r.Walkover = at, i == 2
			if err := tr.Record(m.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		data, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		var back Tournament
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&back, tr) {
			t.Errorf("%s: JSON round trip changed the tournament", f)
		}
		playOut(t, tr, chalk)
		playOut(t, &back, chalk)
		if !reflect.DeepEqual(&back, tr) {
			t.Errorf("%s: play after the round trip diverged", f)
		}
		if _, err := json.Marshal(tr.State()); err != nil {
			t.Errorf("%s: State does not marshal: %v", f, err)
		}
	}
}

// Equal ratings keep registration order, whatever the IDs look like: the
// store's numeric IDs "9" and "10" compared as strings put 10 first.
func TestSeedByRatingTiesKeepRegistrationOrder(t *testing.T) {
	tests := []struct {
		name string
		in   []Entrant // registration order
		want []string
	}{
		{"nobody has a history", []Entrant{{ID: "9"}, {ID: "10"}, {ID: "11"}, {ID: "2"}}, []string{"9", "10", "11", "2"}},
		{"ties among rated", []Entrant{{ID: "12", Rating: 700}, {ID: "9", Rating: 800}, {ID: "100", Rating: 700}, {ID: "3"}},
			[]string{"9", "12", "100", "3"}},
		{"registered late, rated higher", []Entrant{{ID: "1"}, {ID: "2"}, {ID: "30", Rating: 1}}, []string{"30", "1", "2"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range SeedByRating(tt.in) {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: SeedByRating = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestSeeding(t *testing.T) {
	es := []Entrant{{ID: "c", Rating: 1500}, {ID: "a", Rating: 1600}, {ID: "b", Rating: 1500}, {ID: "d"}}
	ids := func(es []Entrant) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	if got, want := ids(SeedByRating(es)), []string{"a", "c", "b", "d"}; !slices.Equal(got, want) {
		t.Errorf("SeedByRating = %v; want %v (c and b tie: registration order)", got, want)
	}
	got, err := SeedByOrder(es, []string{"d", "c", "b", "a"})
	if err != nil || !slices.Equal(ids(got), []string{"d", "c", "b", "a"}) {
		t.Errorf("SeedByOrder = %v, %v; want [d c b a]", ids(got), err)
	}
	for _, order := range [][]string{{"a", "b", "c"}, {"a", "a", "b", "c"}, {"a", "b", "c", "x"}} {
		if _, err := SeedByOrder(es, order); !errors.Is(err, ErrPlayers) {
			t.Errorf("SeedByOrder(%v) error %v; want ErrPlayers", order, err)
		}
	}
	r1 := SeedRandom(es, rand.New(rand.NewPCG(1, 2)))
	rev := slices.Clone(es)
	slices.Reverse(rev)
	r2 := SeedRandom(rev, rand.New(rand.NewPCG(1, 2)))
	if !slices.Equal(ids(r1), ids(r2)) {
		t.Errorf("SeedRandom depends on input order: %v vs %v", ids(r1), ids(r2))
	}
}
