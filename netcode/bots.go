package netcode

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/netip"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/osarena/osarena/sim/quiz"
)

// BotConfig configures RunBots. Zero fields take the defaults in brackets.
type BotConfig struct {
	URL      string        // a ws:// URL on a loopback host
	Rooms    int           // rooms, one host bot each [1]; at most 2 000
	Players  int           // bots per room, the host included [4]; at most 100; at most 10 000 bots in all
	Matches  int           // matches each room plays [1]; negative: match after match until Duration ends
	Ramp     time.Duration // rooms start spread over this long [0: all at once]
	Accuracy float64       // share of answers that are right where a bot can compute the answer [0.8]
	Duration time.Duration // the whole run; bots stop at its end [60s]; at most 10 min
	Think    time.Duration // the longest think time before answering [2s]
	Rounds   uint8         // questions per match [5]
	Seconds  uint16        // the time limit per question [20]
	Seed     uint64        // seeds think times and wrong answers; 0: at random
	Dial     Dialer        // [DialWebSocket]
}

// Percentiles summarise latencies.
type Percentiles struct {
	N                  int
	P50, P90, P99, Max time.Duration
}

// BotReport is what a bot run saw.
type BotReport struct {
	Bots, Rooms int
	Matches     int // podiums the hosts saw
	Answers     int // answers sent
	Computed    int // answers whose right value the bot computed with its own sim
	Accepted    int // AnswerAcks accepting an answer
	Correct     int // results with full credit in Reveal
	Received    int // messages received, events included
	Reconnects  int
	Errors      int // failed dials, Error messages, answers refused for a reason other than ErrLate, lost clients
	Late        int // answers refused with ErrLate: the server's clock had passed the deadline
	// ErrorCodes counts the Error messages and refused answers behind
	// Errors, by code.
	ErrorCodes map[ErrorCode]int

	// StartLag is when a bot got RoundStart, on its estimate of the server
	// clock, minus RoundStart.StartMs: delivery latency plus clock error.
	StartLag Percentiles
	// AckRTT is from sending an Answer to receiving its AnswerAck.
	AckRTT Percentiles
}

// MaxBots bounds a run's bots (rooms × players).
const MaxBots = 10000

// ErrNotLoopback refuses a URL whose host is not a loopback address: bots
// generate load, and this workplace allows it on this machine only.
var ErrNotLoopback = errors.New("netcode: bots connect to loopback addresses only (127.0.0.0/8, ::1, localhost)")

// CheckLoopback returns nil if rawURL is a ws:// or wss:// URL whose host
// is localhost or a loopback address.
func CheckLoopback(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("netcode: bad URL %q: %w", rawURL, err)
	}
	if u.Scheme != "ws" && u.Scheme != "wss" {
		return fmt.Errorf("netcode: URL %q: scheme must be ws or wss", rawURL)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if a, err := netip.ParseAddr(host); err == nil && a.Unmap().IsLoopback() {
		return nil
	}
	return fmt.Errorf("%w: %q", ErrNotLoopback, host)
}

func (cfg *BotConfig) defaults() error {
	if err := CheckLoopback(cfg.URL); err != nil {
		return err
	}
	set := func(p *int, v, limit int, name string) error {
		if *p == 0 {
			*p = v
		}
		if *p < 1 || *p > limit {
			return fmt.Errorf("netcode: bots: %s = %d; want 1 to %d", name, *p, limit)
		}
		return nil
	}
	if err := errors.Join(set(&cfg.Rooms, 1, 2000, "rooms"), set(&cfg.Players, 4, 100, "players")); err != nil {
		return err
	}
	if n := cfg.Rooms * cfg.Players; n > MaxBots {
		return fmt.Errorf("netcode: bots: %d rooms × %d players = %d bots; want at most %d", cfg.Rooms, cfg.Players, n, MaxBots)
	}
	if cfg.Matches == 0 {
		cfg.Matches = 1
	}
	cfg.Ramp = max(cfg.Ramp, 0)
	if cfg.Accuracy < 0 || cfg.Accuracy > 1 {
		return fmt.Errorf("netcode: bots: accuracy %v; want 0 to 1", cfg.Accuracy)
	}
	if cfg.Duration <= 0 {
		cfg.Duration = time.Minute
	}
	cfg.Duration = min(cfg.Duration, 10*time.Minute)
	if cfg.Think <= 0 {
		cfg.Think = 2 * time.Second
	}
	if cfg.Rounds == 0 {
		cfg.Rounds = 5
	}
	if cfg.Seconds == 0 {
		cfg.Seconds = 20
	}
	if cfg.Seed == 0 {
		cfg.Seed = newJitter(0).Uint64() ^ uint64(time.Now().UnixNano())
	}
	return nil
}

// RunBots runs headless players: in each room a host bot creates the room,
// the others join with its code, the host starts the match once all are in
// (or after 10 s) and moves on from each reveal; every bot answers each
// question after a random think time. Each room plays Matches matches, the
// host starting the next one a moment after each podium; rooms start
// spread over Ramp. RunBots returns when every match has ended, at the end
// of Duration, or when ctx ends, whichever is first.
//
// Answers: a bot runs the question's scenario through its own sim/quiz (the
// question as a one-question pack: family, scenario, step), which gives
// the right answer for every family the client knows. With probability
// Accuracy it sends that; otherwise a wrong value: another choice, or the
// right number shifted. A question it cannot compute gets a random choice,
// or a random small number.
func RunBots(ctx context.Context, cfg BotConfig) (BotReport, error) {
	if err := cfg.defaults(); err != nil {
		return BotReport{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	st := &botStats{r: BotReport{ErrorCodes: map[ErrorCode]int{}}}
	var wg sync.WaitGroup
	for r := range cfg.Rooms {
		codes, answers := make(chan string, 1), &answerCache{}
		delay := cfg.Ramp * time.Duration(r) / time.Duration(cfg.Rooms)
		for p := range cfg.Players {
			b := &bot{cfg: &cfg, st: st, host: p == 0, name: fmt.Sprintf("bot%d-%d", r, p), codes: codes, answers: answers,
				rng: rand.New(rand.NewPCG(cfg.Seed, uint64(r*1000+p)))}
			wg.Go(func() {
				if delay > 0 {
					t := time.NewTimer(delay)
					defer t.Stop()
					select {
					case <-t.C:
					case <-ctx.Done():
						return
					}
				}
				b.run(ctx)
			})
		}
	}
	wg.Wait()
	return st.report(cfg), nil
}

// botStats gathers what the bots saw.
type botStats struct {
	mu              sync.Mutex
	r               BotReport
	startLag, ackRT []time.Duration
}

func (s *botStats) add(f func(r *BotReport)) {
	s.mu.Lock()
	f(&s.r)
	s.mu.Unlock()
}

func (s *botStats) report(cfg BotConfig) BotReport {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.r
	r.ErrorCodes = maps.Clone(s.r.ErrorCodes)
	r.Bots, r.Rooms = cfg.Rooms*cfg.Players, cfg.Rooms
	r.StartLag, r.AckRTT = percentiles(s.startLag), percentiles(s.ackRT)
	return r
}

func percentiles(d []time.Duration) Percentiles {
	if len(d) == 0 {
		return Percentiles{}
	}
	d = slices.Clone(d)
	slices.Sort(d)
	at := func(p int) time.Duration { return d[min(len(d)-1, len(d)*p/100)] }
	return Percentiles{N: len(d), P50: at(50), P90: at(90), P99: at(99), Max: d[len(d)-1]}
}

// bot is one headless player.
type bot struct {
	cfg     *BotConfig
	st      *botStats
	host    bool
	name    string
	codes   chan string  // the room code, from the host to the others
	answers *answerCache // the room's right answers, computed once per question
	rng     *rand.Rand   // this bot's goroutine only

	c      *Client
	id     uint32
	played int        // podiums seen; the run goroutine's alone
	mu     sync.Mutex // guards sentAt (think timers fire on other goroutines)
	sentAt map[uint8]time.Time
}

func (b *bot) run(ctx context.Context) {
	code := ""
	if !b.host {
		select {
		case c, ok := <-b.codes:
			if !ok {
				return // the host failed
			}
			code = c
			b.codes <- code // for the next joiner
		case <-ctx.Done():
			return
		}
	}
	c, err := Dial(ctx, b.cfg.URL, Options{Dial: b.cfg.Dial, Seed: b.rng.Uint64()})
	if err != nil {
		b.st.add(func(r *BotReport) { r.Errors++ })
		if b.host {
			close(b.codes) // the joiners give up
		}
		return
	}
	b.c, b.sentAt = c, map[uint8]time.Time{}
	defer func() {
		c.Close()
		<-c.Done()
		b.st.add(func(r *BotReport) { r.Received += c.Received(); r.Reconnects += c.Reconnects() })
	}()
	if b.host {
		_ = c.Send(TypeCreateRoom, &CreateRoom{Nickname: b.name, Settings: Settings{Difficulty: 2, Rounds: b.cfg.Rounds, Seconds: b.cfg.Seconds, Timed: true, Lang: "en", Chain: 1}})
	} else {
		_ = c.Send(TypeJoinRoom, &JoinRoom{Code: code, Nickname: b.name})
	}
	startBy := time.NewTimer(10 * time.Second)
	defer startBy.Stop()
	started := false
	start := func() {
		if b.host && !started {
			started = true
			_ = c.Send(TypeStartMatch, &StartMatch{})
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-startBy.C:
			start()
		case m, ok := <-c.Incoming():
			if !ok {
				if ctx.Err() == nil {
					b.st.add(func(r *BotReport) { r.Errors++ })
				}
				return
			}
			if done := b.handle(m, start); done {
				return
			}
		}
	}
}

// handle reacts to one message; it reports whether the bot is done.
func (b *bot) handle(m Message, start func()) bool {
	now := time.Now()
	switch msg := m.Msg.(type) {
	case *RoomJoined:
		b.id = msg.PlayerID
		if b.host {
			select {
			case b.codes <- msg.Code:
			default: // already told (a resumed session)
			}
		}
	case *RoomState:
		if msg.Phase == PhaseLobby && len(msg.Players) >= b.cfg.Players {
			start()
		}
	case *RoundStart:
		lag := time.Duration(b.c.ServerMs()-msg.StartMs) * time.Millisecond
		b.st.mu.Lock()
		b.st.startLag = append(b.st.startLag, lag)
		b.st.mu.Unlock()
		b.answer(msg)
	case *AnswerAck:
		b.mu.Lock()
		sent, ok := b.sentAt[msg.Round]
		b.mu.Unlock()
		b.st.add(func(r *BotReport) {
			switch {
			case msg.Accepted:
				r.Accepted++
			case msg.Reason == ErrLate:
				r.Late++
			default:
				r.Errors++
				r.ErrorCodes[msg.Reason]++
			}
		})
		if ok {
			b.st.mu.Lock()
			b.st.ackRT = append(b.st.ackRT, now.Sub(sent))
			b.st.mu.Unlock()
		}
	case *Reveal:
		for _, res := range msg.Results {
			if res.PlayerID == b.id && res.Answered && res.Credit == quiz.FullCredit {
				b.st.add(func(r *BotReport) { r.Correct++ })
			}
		}
		if b.host {
			time.AfterFunc(200*time.Millisecond, func() { _ = b.c.Send(TypeNext, &Next{}) })
		}
	case *Podium:
		b.played++
		if b.host {
			b.st.add(func(r *BotReport) { r.Matches++ })
		}
		if b.cfg.Matches > 0 && b.played >= b.cfg.Matches {
			return true
		}
		if b.host {
			time.AfterFunc(500*time.Millisecond, func() { _ = b.c.Send(TypeStartMatch, &StartMatch{}) })
		}
	case *Error:
		b.st.add(func(r *BotReport) { r.Errors++; r.ErrorCodes[msg.Code]++ })
	case *Disconnected:
		if !msg.Retry {
			b.st.add(func(r *BotReport) { r.Errors++ })
			return true
		}
	}
	return false
}

// answer picks the answer to rs and sends it after a think time.
func (b *bot) answer(rs *RoundStart) {
	right, computed := b.answers.get(&rs.Question)
	var values []int64
	switch {
	case computed && b.rng.Float64() < b.cfg.Accuracy:
		values = right
	case computed:
		values = wrongAnswer(&rs.Question, right, b.rng)
	default:
		values = randomAnswer(&rs.Question, b.rng)
	}
	think := time.Duration(b.rng.Int64N(int64(b.cfg.Think) + 1))
	round := rs.Round
	time.AfterFunc(think, func() {
		b.mu.Lock()
		b.sentAt[round] = time.Now()
		b.mu.Unlock()
		if b.c.Send(TypeAnswer, &Answer{Round: round, Values: values}) == nil {
			b.st.add(func(r *BotReport) {
				r.Answers++
				if computed {
					r.Computed++
				}
			})
		}
	})
}
