# OS Arena. `make` alone lists the targets.

GO       ?= go
ADDR     ?= 127.0.0.1:8080
FUZZTIME ?= 4s
FUZZKEEP ?= 20
BIN      := bin
EMBED    := assets/client/dist
WASMEXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
EXAMPLE  ?= examples/replace-clock.json

.DEFAULT_GOAL := help
.PHONY: help deps build run sim-example test test-native test-race test-wasm vet bench fuzz clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

deps: ## check and install what builds and tests need (Go modules; node for wasm tests; chromium and brotli for the client; redis-server and PostgreSQL for the scale-out backends' tests)
	@scripts/need go node chromium brotli gcc redis-server postgres
	@$(GO) mod download

build: web ## build bin/osarena with the browser client embedded
	@find $(EMBED) -mindepth 1 ! -name README.md -delete
	cp -R $(WEB)/. $(EMBED)/
	$(GO) build -o $(BIN)/osarena ./cmd/osarena

run: build ## build the client and start the server on ADDR (127.0.0.1:8080); open the URL it prints
	$(BIN)/osarena serve --addr $(ADDR)

sim-example: ## run the simulator on an example (EXAMPLE=path to pick another)
	$(GO) run ./cmd/osarena sim $(EXAMPLE) --format table

test: deps vet test-native test-race test-wasm ## everything CI runs: vet, all tests natively, the server under the race detector, sim tests under wasm

test-native: ## go test ./... natively (the browser tests of game/e2e take several minutes together)
	$(GO) test -timeout 60m ./...

test-race: ## the server, netcode and command tests again under the race detector
	@scripts/need gcc
	CGO_ENABLED=1 $(GO) test -race ./server/... ./netcode/... ./cmd/osarena/...

test-wasm: ## the simulator tests under GOOS=js GOARCH=wasm (node)
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASMEXEC)" ./sim/...

vet: ## gofmt and go vet, natively and for the browser (GOOS=js GOARCH=wasm: the client's _js.go files)
	@out=$$(gofmt -l . 2>&1); if [ -n "$$out" ]; then echo "not gofmt-ed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./game/... ./cmd/osarena-web ./netcode/... ./sim/...

bench: ## simulator benchmarks (the DESIGN.md §8 budgets)
	$(GO) test -run '^$$' -bench . -benchtime 3x ./sim/...

fuzz: ## run every fuzz target for FUZZTIME each; keep up to FUZZKEEP small new inputs per target in testdata/fuzz
	@cache=$$($(GO) env GOCACHE)/fuzz; \
	for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) >/dev/null || exit 1; \
	    dir=$$($(GO) list -f '{{.Dir}}' $$pkg)/testdata/fuzz/$$f; mkdir -p $$dir; \
	    find $$cache/$$pkg/$$f -type f -size -8k 2>/dev/null | sort | head -n $(FUZZKEEP) | xargs -r cp -n -t $$dir; \
	  done; \
	done

clean: ## remove build output
	rm -rf $(BIN) build
	find $(EMBED) -mindepth 1 ! -name README.md -delete

# ---- browser client (game/, cmd/osarena-web, assets/) ----
# `make web` rebuilds only what changed: the wasm when a Go source of the
# client (or go.mod/go.sum) changed, each copied asset when its source did.
.PHONY: web web-test font wasm-size

WEB      := build/web
GOROOT_  := $(shell $(GO) env GOROOT)
FONT     := assets/fonts/OSArenaGothic.ttf
WEB_GO   := $(shell find game cmd/osarena-web sim netcode -name '*.go' ! -name '*_test.go' 2>/dev/null) go.mod go.sum
WEB_OUT  := $(WEB)/osarena.wasm $(WEB)/osarena.wasm.br $(WEB)/osarena.wasm.gz \
            $(WEB)/fonts/OSArenaGothic.ttf $(WEB)/fonts/OSArenaGothic.ttf.br $(WEB)/fonts/OSArenaGothic.ttf.gz \
            $(WEB)/index.html $(WEB)/sw.js $(WEB)/wasm_exec.js $(WEB)/manifest.webmanifest $(WEB)/icon.svg

web: $(WEB_OUT) ## build the browser client into build/web (wasm, page, service worker, font; .br and .gz)

wasm-size: ## where the client's wasm bytes go, by package (the budget is 3.5 MB brotli)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o build/osarena-names.wasm ./cmd/osarena-web
	$(GO) run ./internal/wasmsize -n 40 build/osarena-names.wasm

web-test: web ## the browser test (headless chromium): play a solo round, reload offline, screenshots in build/screenshots
	@scripts/need chromium
	$(GO) test -count=1 -v -run TestBrowser ./game/e2e/

$(WEB)/osarena.wasm: $(WEB_GO)
	@mkdir -p $(@D)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./cmd/osarena-web

$(WEB)/%.br: $(WEB)/%
	@scripts/need brotli
	brotli -c -q 11 $< > $@

$(WEB)/%.gz: $(WEB)/%
	gzip -9 -n -c $< > $@

$(WEB)/fonts/OSArenaGothic.ttf: $(FONT)
	@mkdir -p $(@D)
	cp $< $@

# The page and the service worker carry the wasm's size (for the progress
# bar) and a version that changes with the wasm (for the cache name).
$(WEB)/index.html $(WEB)/sw.js: $(WEB)/%: assets/web/% $(WEB)/osarena.wasm $(FONT)
	@mkdir -p $(@D)
	sed -e "s/__WASM_SIZE__/$$(wc -c < $(WEB)/osarena.wasm)/" \
	    -e "s/__VERSION__/$$(cat $(WEB)/osarena.wasm $(FONT) assets/web/* | cksum | cut -d' ' -f1)/" $< > $@

$(WEB)/manifest.webmanifest $(WEB)/icon.svg: $(WEB)/%: assets/web/%
	@mkdir -p $(@D)
	cp $< $@

$(WEB)/wasm_exec.js: $(GOROOT_)/lib/wasm/wasm_exec.js
	@mkdir -p $(@D)
	cp $< $@

# The font is generated once and committed (CI does not rebuild it):
# Nanum Gothic (SIL OFL 1.1, Debian fonts-nanum) subset to Latin, a few
# symbol blocks, Hangul compatibility jamo and all 11 172 Hangul syllables,
# unhinted, and renamed "OSArena Gothic" because the OFL reserves the name
# "NanumGothic" for unmodified versions.
FONT_SRC := /usr/share/fonts/truetype/nanum/NanumGothic.ttf
FONT_UNI := U+0020-007E,U+00A0-00FF,U+0391-03A9,U+03B1-03C9,U+2010-2027,U+2030-203A,U+2190-2199,U+2212,U+2260-2265,U+25A0-25CF,U+3000-3003,U+3008-3011,U+3131-318E,U+AC00-D7A3
font: ## regenerate assets/fonts/OSArenaGothic.ttf from Nanum Gothic (needs fonts-nanum, fonttools)
	@scripts/need pyftsubset
	@test -f $(FONT_SRC) || { echo "font: $(FONT_SRC) missing: apt-get install fonts-nanum"; exit 1; }
	pyftsubset $(FONT_SRC) --unicodes="$(FONT_UNI)" --no-hinting --desubroutinize --layout-features='*' --output-file=$(FONT).tmp
	/usr/bin/python3 -c 'import sys; from fontTools.ttLib import TTFont; f = TTFont(sys.argv[1]); \
	  names = {1: "OSArena Gothic", 3: "OSArena Gothic subset of NanumGothic", 4: "OSArena Gothic", 6: "OSArenaGothic", 16: "OSArena Gothic"}; \
	  [r.__setattr__("string", names[r.nameID]) for r in f["name"].names if r.nameID in names]; f.save(sys.argv[2])' $(FONT).tmp $(FONT)
	rm -f $(FONT).tmp

# ---- load run (server/, netcode bots) ----
# Loopback only; it stops by itself after LOAD_DURATION (at most 10m). The
# per-address join limit is lifted for this server alone: every bot is
# 127.0.0.1. Numbers go in the server's note (DESIGN.md §8).
.PHONY: load

LOAD_ADDR     ?= 127.0.0.1:18080
LOAD_ROOMS    ?= 500
LOAD_PLAYERS  ?= 20
LOAD_DURATION ?= 2m
LOAD_RAMP     ?= 20s

load: ## load run on 127.0.0.1: LOAD_ROOMS×LOAD_PLAYERS bots play match after match for LOAD_DURATION against osarena serve; server RSS and CPU per message
	$(GO) build -o $(BIN)/osarena-load ./cmd/osarena # the client is not needed: no web build
	@ulimit -n $$(ulimit -Hn); set -e; \
	m() { curl -s http://$(LOAD_ADDR)/metrics | awk -v k="$$1" '$$1 == k { print $$2 }'; }; \
	samples=$$(mktemp); \
	$(BIN)/osarena-load serve --addr $(LOAD_ADDR) --joins-per-minute 1000000 --db "" --log-level warn & srv=$$!; \
	trap 'kill $$smp $$srv 2>/dev/null; rm -f $$samples' EXIT; \
	for i in $$(seq 50); do curl -sf http://$(LOAD_ADDR)/healthz >/dev/null && break; sleep 0.1; done; \
	cpu0=$$(m process_cpu_seconds_total); out0=$$(m osarena_messages_out_total); \
	( while sleep 2; do echo "$$(m osarena_connections) $$(m process_resident_memory_bytes)" >> $$samples; done ) & smp=$$!; \
	echo "before: $$(uptime)"; \
	$(BIN)/osarena-load bots --url ws://$(LOAD_ADDR)/ws --rooms $(LOAD_ROOMS) --players $(LOAD_PLAYERS) \
	  --duration $(LOAD_DURATION) --ramp $(LOAD_RAMP) --think 3s --seconds 15 --rounds 5; \
	echo "after:  $$(uptime)"; \
	cpu1=$$(m process_cpu_seconds_total); out1=$$(m osarena_messages_out_total); \
	awk -v c0=$$cpu0 -v c1=$$cpu1 -v o0=$$out0 -v o1=$$out1 \
	  '{ if ($$1 >= pc) { pc = $$1; rc = $$2 } if ($$2 > pr) pr = $$2 } END { \
	    printf "server: peak connections %d, RSS there %.0f MB (%.1f KB per connection), peak RSS %.0f MB\n", pc, rc / 1048576, pc ? rc / pc / 1024 : 0, pr / 1048576; \
	    printf "server: CPU %.1f s for %d messages written = %.1f µs per message\n", c1 - c0, o1 - o0, (o1 > o0) ? (c1 - c0) * 1e6 / (o1 - o0) : 0 }' $$samples; \
	curl -s http://$(LOAD_ADDR)/metrics | awk -F'[{}" ]+' '/^osarena_write_delay_seconds_bucket/ { le[n] = $$3; cum[n++] = $$NF } \
	  END { for (i = 0; i < n; i++) { if (!p50 && cum[i] >= cum[n-1] * .5) p50 = le[i]; if (!p99 && cum[i] >= cum[n-1] * .99) p99 = le[i] } \
	    printf "server: write delay (queued at an idle connection to written) p50 <= %s s, p99 <= %s s over %d bursts\n", p50, p99, cum[n-1] }'; \
	curl -s http://$(LOAD_ADDR)/metrics | grep -E '^osarena_(send_queue_drops_total|closes_total|bad_frames_total|requests_refused_total)'
