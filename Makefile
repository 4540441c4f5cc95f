# OS Arena. `make` alone lists the targets.

GO       ?= go
ADDR     ?= 127.0.0.1:8080
FUZZTIME ?= 4s
BIN      := bin
WASMEXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
EXAMPLE  ?= examples/replace-clock.json

.DEFAULT_GOAL := help
.PHONY: help deps build run test test-native test-wasm vet bench fuzz clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

deps: ## check and install what builds and tests need (Go modules; node for wasm tests)
	@scripts/need go node
	@$(GO) mod download

build: ## build the command line into bin/osarena
	$(GO) build -o $(BIN)/osarena ./cmd/osarena

run: build ## build and run the simulator on an example (EXAMPLE=path to pick another)
	$(BIN)/osarena sim $(EXAMPLE) --format table

test: deps vet test-native test-wasm ## everything CI runs: vet, all tests natively, sim tests under wasm

test-native: ## go test ./... natively
	$(GO) test ./...

test-wasm: ## the simulator tests under GOOS=js GOARCH=wasm (node)
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASMEXEC)" ./sim/...

vet: ## gofmt and go vet
	@out=$$(gofmt -l . 2>&1); if [ -n "$$out" ]; then echo "not gofmt-ed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench: ## simulator benchmarks (the DESIGN.md §8 budgets)
	$(GO) test -run '^$$' -bench . -benchtime 3x ./sim/...

fuzz: ## run every fuzz target for FUZZTIME each (short and bounded)
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) >/dev/null || exit 1; \
	  done; \
	done

clean: ## remove build output
	rm -rf $(BIN)
