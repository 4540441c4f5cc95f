package server

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	rtmetrics "runtime/metrics"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/osarena/osarena/netcode"
)

// metrics are the server's counters, written in the Prometheus text format
// by hand: a handful of counters, gauges and one histogram do not need the
// client library and its dependency tree.
type metrics struct {
	conns, connsTotal  atomic.Int64
	msgsIn, msgsOut    atomic.Uint64
	badFrames, refused atomic.Uint64

	// writeDelay is from a frame reaching an idle connection's queue to
	// the end of its socket write: the server's share of delivery latency.
	writeDelay atomicHistogram

	mu     sync.Mutex
	closes map[netcode.CloseCode]uint64
	reveal histogram
}

// atomicHistogram is a histogram of durations that writers update without
// a lock (every connection's writer observes into it).
type atomicHistogram struct {
	counts [len(delayBounds) + 1]atomic.Uint64 // per bound, then +Inf; not cumulative
	sumNs  atomic.Int64
}

var delayBounds = [...]float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}

func (h *atomicHistogram) observe(d time.Duration) {
	i, _ := slices.BinarySearch(delayBounds[:], d.Seconds())
	h.counts[i].Add(1)
	h.sumNs.Add(int64(d))
}

func (h *atomicHistogram) write(w io.Writer, name, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	var cum uint64
	for i, b := range delayBounds {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{le=\"%g\"} %d\n", name, b, cum)
	}
	cum += h.counts[len(delayBounds)].Load()
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n", name, cum, name, time.Duration(h.sumNs.Load()).Seconds(), name, cum)
}

func newMetrics() *metrics {
	return &metrics{
		closes: map[netcode.CloseCode]uint64{},
		reveal: histogram{bounds: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1}},
	}
}

func (m *metrics) closed(code netcode.CloseCode) {
	m.mu.Lock()
	m.closes[code]++
	m.mu.Unlock()
}

func (m *metrics) observeReveal(late time.Duration) {
	m.mu.Lock()
	m.reveal.observe(late.Seconds())
	m.mu.Unlock()
}

// histogram is a cumulative Prometheus histogram.
type histogram struct {
	bounds []float64
	counts []uint64 // per bound, not cumulative
	count  uint64
	sum    float64
}

func (h *histogram) observe(v float64) {
	if h.counts == nil {
		h.counts = make([]uint64, len(h.bounds))
	}
	h.count++
	h.sum += v
	if i, _ := slices.BinarySearch(h.bounds, v); i < len(h.bounds) {
		h.counts[i]++
	}
}

func (h *histogram) write(w io.Writer, name, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	var cum uint64
	for i, b := range h.bounds {
		if h.counts != nil {
			cum += h.counts[i]
		}
		fmt.Fprintf(w, "%s_bucket{le=\"%g\"} %d\n", name, b, cum)
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n", name, h.count, name, h.sum, name, h.count)
}

// runtimeSamples are the Go runtime metrics /metrics reports, read without
// stopping the world.
var runtimeSamples = []struct{ name, prom, help string }{
	{"/sched/goroutines:goroutines", "go_goroutines", "Live goroutines."},
	{"/memory/classes/heap/objects:bytes", "go_heap_objects_bytes", "Heap memory held by live and not yet swept objects."},
	{"/memory/classes/heap/stacks:bytes", "go_stack_bytes", "Memory held by goroutine stacks."},
	{"/memory/classes/total:bytes", "go_memory_total_bytes", "All memory the Go runtime has mapped."},
}

// writeRuntime writes the Go runtime's and the process's gauges.
func writeRuntime(w io.Writer, metric func(name, typ, help string, v any)) {
	samples := make([]rtmetrics.Sample, len(runtimeSamples))
	for i, r := range runtimeSamples {
		samples[i].Name = r.name
	}
	rtmetrics.Read(samples)
	for i, r := range runtimeSamples {
		if samples[i].Value.Kind() == rtmetrics.KindUint64 {
			metric(r.prom, "gauge", r.help, samples[i].Value.Uint64())
		}
	}
	metric("process_cpu_seconds_total", "counter", "User and system CPU time of the process.", processCPU().Seconds())
	metric("process_resident_memory_bytes", "gauge", "Resident set size.", processRSS())
}

// serveMetrics writes /metrics.
func (s *Server) serveMetrics(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m := s.metrics
	ls := s.layer.Stats()
	metric := func(name, typ, help string, v any) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %v\n", name, help, name, typ, name, v)
	}
	metric("osarena_connections", "gauge", "Open WebSocket connections.", m.conns.Load())
	metric("osarena_connections_total", "counter", "WebSocket connections accepted.", m.connsTotal.Load())
	metric("osarena_rooms", "gauge", "Live rooms.", s.rooms.Len())
	metric("osarena_messages_in_total", "counter", "Frames received from clients.", m.msgsIn.Load())
	metric("osarena_messages_out_total", "counter", "Frames written to clients.", m.msgsOut.Load())
	metric("osarena_layer_frames_total", "counter", "Frames queued by the channel layer (a group send to n members counts n).", ls.Frames)
	metric("osarena_layer_encodes_total", "counter", "Messages encoded by the channel layer.", ls.Encodes)
	metric("osarena_send_queue_drops_total", "counter", "Connections closed because their send queue was full (never a silent drop).", ls.SlowClosed)
	metric("osarena_bad_frames_total", "counter", "Frames that failed the guard or did not decode.", m.badFrames.Load())
	metric("osarena_requests_refused_total", "counter", "Requests answered with an Error.", m.refused.Load())
	writeRuntime(w, metric)
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintf(w, "# HELP osarena_closes_total Connections closed, by close code.\n# TYPE osarena_closes_total counter\n")
	for _, c := range slices.Sorted(maps.Keys(m.closes)) {
		fmt.Fprintf(w, "osarena_closes_total{code=\"%d\"} %d\n", c, m.closes[c])
	}
	m.reveal.write(w, "osarena_round_reveal_latency_seconds", "How long after a round was due to close its Reveal was queued.")
	m.writeDelay.write(w, "osarena_write_delay_seconds", "From a frame reaching an idle connection's queue to the end of its socket write.")
}
