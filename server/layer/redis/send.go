package redis

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/osarena/osarena/netcode"
	"github.com/osarena/osarena/server/layer"
)

// maxTries bounds how often one send re-encodes after losing the race for
// a sequence number to another node; between tries it waits a random time
// up to 50 µs × 2^try (at most 5 ms), so that two nodes sending to one
// group or channel at full speed take turns instead of one starving.
const maxTries = 32

func backoff(try int) time.Duration {
	limit := min(50*time.Microsecond<<min(try, 10), 5*time.Millisecond)
	return rand.N(limit)
}

// GroupAdd adds channel (held by any node) to group.
func (l *Layer) GroupAdd(group, channel string) error {
	if group == "" {
		return layer.ErrBadName
	}
	if l.isClosed() {
		return layer.ErrClosed
	}
	node, open := l.holds(channel)
	if !open {
		return layer.ErrNoChannel
	}
	n, err := addScript.Run(context.Background(), l.rdb, nil, l.prefix, group, channel, node).Int64()
	if err != nil {
		return fmt.Errorf("layer/redis: group add %s: %w", group, err)
	}
	if n == -2 {
		return layer.ErrNoChannel
	}
	return nil
}

// GroupDiscard removes channel from group.
func (l *Layer) GroupDiscard(group, channel string) error {
	if l.isClosed() {
		return layer.ErrClosed
	}
	node, ok := nodeOf(channel)
	if !ok {
		return nil
	}
	if err := discardScript.Run(context.Background(), l.rdb, nil, l.prefix, group, channel, node).Err(); err != nil {
		return fmt.Errorf("layer/redis: group discard %s: %w", group, err)
	}
	return nil
}

// GroupSend encodes msg once with the group's next sequence number and has
// Redis record it and publish it to every node with members.
func (l *Layer) GroupSend(group string, t netcode.Type, msg any) (uint32, error) {
	if l.isClosed() {
		return 0, layer.ErrClosed
	}
	key := "g" + group
	seq, err := l.numbered(key, t, msg, func(seq uint32, frame []byte) *goredis.Cmd {
		return groupSendScript.Run(context.Background(), l.rdb, nil, l.prefix, group, seq, frame, l.opts.History)
	})
	if err != nil {
		return 0, fmt.Errorf("layer/redis: group send %s: %w", group, err)
	}
	return seq, nil
}

// Send encodes msg with the channel's next sequence number and has Redis
// publish it to the node that holds the channel.
func (l *Layer) Send(channel string, t netcode.Type, msg any) error {
	if l.isClosed() {
		return layer.ErrClosed
	}
	node, open := l.holds(channel)
	if !open {
		return layer.ErrNoChannel
	}
	_, err := l.numbered("c"+channel, t, msg, func(seq uint32, frame []byte) *goredis.Cmd {
		return sendScript.Run(context.Background(), l.rdb, nil, l.prefix, channel, seq, frame, node)
	})
	if errors.Is(err, layer.ErrNoChannel) {
		return err
	}
	if err != nil {
		return fmt.Errorf("layer/redis: send: %w", err)
	}
	return nil
}

// numbered encodes msg with the sequence number this node expects to be
// next for key and runs the script, which publishes the frame if the
// number is right and reports the current number if not; then it
// re-encodes with the number after that. It returns the number used, 0 for
// an empty group, or ErrNoChannel.
func (l *Layer) numbered(key string, t netcode.Type, msg any, run func(seq uint32, frame []byte) *goredis.Cmd) (uint32, error) {
	s := l.lock(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	seq := s.last[key] + 1
	for try := range maxTries {
		if try > 1 { // the first retry goes at once, with the number just learnt
			time.Sleep(backoff(try))
		}
		frame, err := l.opts.Encode(t, seq, msg)
		l.encodes.Add(1)
		if err != nil {
			return 0, err
		}
		res, err := run(seq, frame).Int64Slice()
		if err != nil {
			return 0, err
		}
		if len(res) != 2 {
			return 0, fmt.Errorf("script answered %v", res)
		}
		switch res[0] {
		case 1:
			s.remember(key, seq)
			return seq, nil
		case 0:
			delete(s.last, key)
			return 0, nil
		case -2:
			delete(s.last, key)
			return 0, layer.ErrNoChannel
		}
		seq = uint32(res[1]) + 1
	}
	return 0, ErrContention
}

// History returns the group's recorded frames after seq.
func (l *Layer) History(group string, after uint32) ([][]byte, error) {
	if l.isClosed() {
		return nil, layer.ErrClosed
	}
	ctx := context.Background()
	g := l.prefix + "g:" + group
	var seqCmd *goredis.StringCmd
	var histCmd *goredis.StringSliceCmd
	_, err := l.rdb.TxPipelined(ctx, func(p goredis.Pipeliner) error {
		seqCmd = p.Get(ctx, g+":s")
		histCmd = p.LRange(ctx, g+":h", 0, -1)
		return nil
	})
	if err != nil && !errors.Is(err, goredis.Nil) {
		return nil, fmt.Errorf("layer/redis: history %s: %w", group, err)
	}
	cur, err := seqCmd.Result()
	if errors.Is(err, goredis.Nil) {
		if after == 0 {
			return nil, nil
		}
		return nil, layer.ErrHistoryGone
	}
	n, err := strconv.ParseUint(cur, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("layer/redis: history %s: sequence number %q: %w", group, cur, err)
	}
	seq := uint32(n)
	if after >= seq {
		return nil, nil
	}
	hist := histCmd.Val()
	if seq-after > uint32(len(hist)) {
		return nil, layer.ErrHistoryGone
	}
	out := make([][]byte, 0, seq-after)
	for _, f := range hist[len(hist)-int(seq-after):] {
		out = append(out, []byte(f))
	}
	return out, nil
}
