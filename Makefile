# Medford Water lobby kiosk. On a fresh Debian 12 machine (as root, or a
# user with sudo) two commands are enough:
#   make run    install what is missing, build, start the demo
#   make test   install what is missing, then every check CI runs
# Other targets: deps, build, fmt-check, vet, unit-test, contract-check, fault-matrix, soak-short, keyring-test,
# speech-audio, print-test, deploy-test, fleet-check, smoke, fuzz (FUZZTIME=30s each), fuzz-smoke, soak (1000 visits), bench,
# any-day (make test at every edge instant), package, install, clean.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

BIN := bin/lobbykiosk
# Extra arguments for `make run`, e.g. make run RUN_ARGS="demo --fullscreen"
RUN_ARGS ?= demo
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

# Build tags of every build and test here, of `make package` and of `make bench`.
# no_emoji leaves Fyne's 4 MB colour emoji font out: Fyne parses it once per text
# style it draws, some 13 MiB of the kiosk's memory for glyphs it never shows
# (docs/PERFORMANCE.md). The kiosk shows no emoji: ui/glyphs_test.go keeps
# every rune it draws in the fonts that stay. `make BUILD_TAGS= build` has them back.
export BUILD_TAGS ?= no_emoji

# The version is stamped by -ldflags; -buildvcs=false keeps `go build`
# from failing in checkouts git refuses to read (another owner, CI clones).
export GOFLAGS += -buildvcs=false -tags=$(BUILD_TAGS)

.PHONY: deps build run test any-day fmt-check vet unit-test contract-check keyring-test speech-audio print-test smoke fuzz fuzz-smoke soak soak-short fault-matrix deploy-test fleet-check bench package install clean

deps:
	@.ci/deps.sh

# Always invokes go build: Go's own cache makes a no-change rebuild ~2 s,
# and make cannot see which Go sources changed.
build:
	go build -ldflags '$(LDFLAGS)' -o $(BIN) .

run: deps build
	@.ci/run-demo.sh $(BIN) $(RUN_ARGS)

test: deps
	@MAKE='$(MAKE)' .ci/test.sh

# `make test` at each instant where a date rule is easy to get wrong
# (internal/clock/clocktest/edges.txt), with the machine in UTC+14;
# ANY_DAY_CHECKS="unit-test soak-short" narrows it to some checks.
any-day: deps
	@MAKE='$(MAKE)' .ci/any-day.sh

fmt-check:
	@files="$$(gofmt -l .)"; \
	if [[ -n "$$files" ]]; then echo "gofmt needed on:"; echo "$$files"; exit 1; fi

vet:
	go vet ./...

# -short leaves out the fault matrix and the soak: each has a step of its own (below).
unit-test:
	go test -race -short ./...

# The simulator's answers on every route and documented error code through
# Stoplight Prism's validating proxy (installed when missing): a second reading of
# docs/portal-api.yaml beside the Go tests' kin-openapi.
contract-check:
	@.ci/contract-check.sh

# Every portal call under every fault, through the UI; checks docs/reliability.md
# shows the same table (`go generate ./ui` writes it).
fault-matrix:
	go test ./ui -run '^TestFaultMatrix$$' -count=1

# The soak of `make test`: 40 visits under -race, compared from visit 20.
soak-short:
	go test -race ./ui -run '^TestSoak$$' -count=1 -soak.sessions=40

keyring-test:
	@.ci/keyring-test.sh

# Real speech into a virtual sound card: the kiosk binary, its welcome screen in
# Spanish, speaks after Help (F1) through speech-dispatcher and espeak-ng into a
# PulseAudio null sink, recorded and measured (.ci/speech-audio.sh,
# .ci/kiosk-speaks.sh; SPEECH_AUDIO_CMD="…" speaks through something else).
SPEECH_AUDIO_CMD ?= .ci/kiosk-speaks.sh $(BIN)
speech-audio: build
	@.ci/speech-audio.sh $(SPEECH_AUDIO_CMD)

# Every kind of receipt printed through a private, real cupsd; the printer's
# failures (paper out, jammed, stopped, hung) and the time a receipt takes.
print-test:
	@.ci/print-test.sh

smoke: build
	@.ci/smoke.sh $(BIN)

# The install tree, the unit files (systemd-analyze verify), the keyring unlock and
# the installed binary started from its desktop file (docs/deploy.md).
deploy-test: build
	@.ci/deploy-test.sh

# The fleet's Prometheus files (deploy/prometheus, docs/fleet.md): promtool check
# rules, test rules (each alert) and check config with its inventory's targets;
# amtool check-config and each alert's route. Then the fleet end to end: a real
# Prometheus on loopback scrapes the demo kiosk under Xvfb and finds it up and
# its printer alert's expression true (.ci/fleet-e2e.sh).
fleet-check: build
	@.ci/fleet-check.sh
	@.ci/fleet-e2e.sh $(BIN)

# Every fuzz target for FUZZTIME each (default 30s); fuzz-smoke is the short run CI does:
# a count of inputs, not a time, since a time limit can end with a spurious
# "context deadline exceeded" on a loaded machine.
fuzz:
	@.ci/fuzz.sh

fuzz-smoke:
	@FUZZTIME=300x .ci/fuzz.sh

# The long soak: 1000 whole visits through the UI against the simulator
# (`make test` runs a short one, soak-short).
soak: deps
	@.ci/soak.sh

# Side-by-side performance against a Chromium kiosk and a hello-world Fyne
# window; writes docs/PERFORMANCE.md.
bench: deps
	@bench/run.sh

# The Linux release tarball, built with the pinned fyne tool.
package: deps
	@.ci/package.sh

# Installs the binary, desktop file, icon and example config (PREFIX=/usr/local).
install: build
	@.ci/install.sh

clean:
	rm -rf bin .ci/out
