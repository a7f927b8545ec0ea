# quizdeck - GNU Makefile.
#
# Targets
#   make            build build/quizdeck (optimised, with debug symbols)
#   make run        install missing packages (see scripts/deps.sh), build, start the game
#   make test       install missing packages, build every test with ASan+UBSan, run them all
#   make check-packs  validate every bundled pack and the template; any error or warning fails
#   make install    install under $(DESTDIR)$(PREFIX): binary, packs, assets, .desktop, icon
#   make format     reformat the tree with clang-format
#   make screenshots  regenerate docs/screenshots/ (every screen at 1920x1080 and 1024x768)
#   make bench      time start-up, memory, CPU, a 4K frame and pack loading (reports only)
#   make fuzz       run every libFuzzer harness of tests/fuzz/ for FUZZ_SECONDS (FUZZ_JOBS at once)
#   make valgrind   play one scripted session of each mode under valgrind's memcheck
#   make fsrs-check  replay the FSRS reference histories (VECTORS=, PARAMS=) through the scheduler
#   make fsrs-check-perturbed  the same with one weight changed; passes only if that fails
#   make clean      remove build/
#
# Switches
#   CI=true         warnings are errors (-Werror); CI sets it
#   DEBUG=1         build the game itself with ASan+UBSan into build/debug/
#   CFLAGS=...      appended last, so it can override anything above
#   PREFIX, DESTDIR for `make install` (default PREFIX=/usr/local)
#
# Every variant has its own object folder: build/ (release), build/debug/, build/asan/ (tests).

CC      ?= cc
PKG     ?= pkg-config
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/quizdeck

VERSION := 0.1.0

CORE_PKGS := inih libutf8proc
UI_PKGS   := sdl2 SDL2_ttf libpng
TEST_PKGS := cmocka libpng

WARN   := -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes \
          -Wno-unused-parameter
ifeq ($(CI),true)
WARN   += -Werror
endif
BASE_CFLAGS := -std=c11 -D_XOPEN_SOURCE=700 -DQUIZDECK_VERSION='"$(VERSION)"' $(WARN) \
               -MMD -MP -Isrc
SAN    := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

pc_cflags = $(shell $(PKG) --cflags $(1) 2>/dev/null)
pc_libs   = $(shell $(PKG) --libs $(1) 2>/dev/null)

CORE_SRC := $(sort $(wildcard src/core/*.c))
UI_SRC   := $(sort $(wildcard src/ui/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_SUPPORT := tests/support.c

# ---- variants -------------------------------------------------------------------------------
# $(call variant,DIR,FLAGS): objects of core and ui under DIR with FLAGS.

RELEASE_DIR := build
RELEASE_FLAGS := -O2 -g
ifeq ($(DEBUG),1)
RELEASE_DIR := build/debug
RELEASE_FLAGS := -O0 -g $(SAN)
endif
ASAN_DIR := build/asan
ASAN_FLAGS := -O1 -g $(SAN)

BIN := $(RELEASE_DIR)/quizdeck

core_objs = $(patsubst src/%.c,$(1)/obj/%.o,$(CORE_SRC))
ui_objs   = $(patsubst src/%.c,$(1)/obj/%.o,$(UI_SRC) src/main.c)

.PHONY: all run test unit check-packs deps install uninstall clean format bench screenshots
.DEFAULT_GOAL := all
# keep test objects between runs (they are intermediate files of a pattern chain)
.SECONDARY:

all: $(BIN)

# release (or DEBUG=1) objects
$(RELEASE_DIR)/obj/core/%.o: src/core/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(RELEASE_FLAGS) $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(RELEASE_DIR)/obj/ui/%.o: src/ui/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(RELEASE_FLAGS) $(call pc_cflags,$(CORE_PKGS) $(UI_PKGS)) $(CFLAGS) -c $< -o $@
$(RELEASE_DIR)/obj/main.o: src/main.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(RELEASE_FLAGS) $(call pc_cflags,$(CORE_PKGS) $(UI_PKGS)) $(CFLAGS) -c $< -o $@
$(RELEASE_DIR)/libquizdeck-core.a: $(call core_objs,$(RELEASE_DIR))
	$(AR) rcs $@ $^
$(BIN): $(call ui_objs,$(RELEASE_DIR)) $(RELEASE_DIR)/libquizdeck-core.a
	$(CC) $(RELEASE_FLAGS) $(CFLAGS) -o $@ $^ $(call pc_libs,$(CORE_PKGS) $(UI_PKGS)) -lm $(LDFLAGS)

# sanitizer objects for the tests: core only, so a test that needs SDL does not link
$(ASAN_DIR)/obj/core/%.o: src/core/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(ASAN_FLAGS) $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(ASAN_DIR)/libquizdeck-core.a: $(call core_objs,$(ASAN_DIR))
	$(AR) rcs $@ $^
$(ASAN_DIR)/obj/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(ASAN_FLAGS) $(call pc_cflags,$(CORE_PKGS) $(TEST_PKGS)) $(CFLAGS) -c $< -o $@
$(ASAN_DIR)/tests/%: $(ASAN_DIR)/obj/tests/%.o $(ASAN_DIR)/obj/tests/support.o $(ASAN_DIR)/libquizdeck-core.a
	@mkdir -p $(@D)
	$(CC) $(ASAN_FLAGS) $(CFLAGS) -o $@ $^ $(call pc_libs,$(CORE_PKGS) $(TEST_PKGS)) -lm $(LDFLAGS)

TEST_BINS := $(patsubst tests/%.c,$(ASAN_DIR)/tests/%,$(TEST_SRC))

# ---- user-facing targets --------------------------------------------------------------------

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) $(ARGS)

# every part runs even when an earlier one fails, so one run shows every failure; the unit
# tests run last so that their closing line ends the log
test: deps
	@packs=0; fsrs=0; perturbed=0; unit=0; \
	$(MAKE) --no-print-directory check-packs || packs=$$?; \
	$(MAKE) --no-print-directory fsrs-check || fsrs=$$?; \
	$(MAKE) --no-print-directory fsrs-check-perturbed || perturbed=$$?; \
	$(MAKE) --no-print-directory unit || unit=$$?; \
	[ $$packs -eq 0 ] && [ $$fsrs -eq 0 ] && [ $$perturbed -eq 0 ] && [ $$unit -eq 0 ]

unit: $(TEST_BINS) $(BIN)
	@sh tests/run-tests.sh $(TEST_BINS)

check-packs: $(BIN)
	@sh tests/check-packs.sh ./$(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/questions $(DESTDIR)$(DATADIR)/assets
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/quizdeck
	install -m 644 questions/*.ini $(DESTDIR)$(DATADIR)/questions/
	cp -R assets/. $(DESTDIR)$(DATADIR)/assets/
	install -d $(DESTDIR)$(PREFIX)/share/applications $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps
	install -m 644 assets/quizdeck.desktop $(DESTDIR)$(PREFIX)/share/applications/quizdeck.desktop
	install -m 644 assets/icons/quizdeck.svg $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/quizdeck.svg

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/quizdeck $(DESTDIR)$(PREFIX)/share/applications/quizdeck.desktop \
	      $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/quizdeck.svg
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i $(CORE_SRC) $(UI_SRC) src/main.c $(wildcard src/*/*.h) $(TEST_SRC) $(wildcard tests/*.h) $(TEST_SUPPORT)

screenshots: deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh scripts/screenshots.sh ./$(BIN)

# ---- fsrs conformance ---------------------------------------------------------------------
# fsrs-check            replay VECTORS (reference reviews) with PARAMS through src/core/fsrs.c;
#                       any row outside the tolerances fails (tests/fsrs/README.md)
# fsrs-check-perturbed  the same with weight FSRS_PERTURB (I:DELTA) changed; passes only when
#                       that wrong scheduler is rejected, so the check is shown able to fail
# The checker links the release core (-O2); with DEBUG=1 it links build/debug's sanitized core.
.PHONY: fsrs-check fsrs-check-perturbed
VECTORS ?= tests/fsrs/sample-expected.csv
PARAMS ?= tests/fsrs/sample-params.csv
FSRS_PERTURB ?= 8:0.001
FSRS_CHECK := $(RELEASE_DIR)/fsrs/fsrs_check

$(RELEASE_DIR)/obj/fsrs/%.o: tests/fsrs/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 -g $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(FSRS_CHECK): $(RELEASE_DIR)/obj/fsrs/fsrs_check.o $(RELEASE_DIR)/libquizdeck-core.a
	@mkdir -p $(@D)
	$(CC) $(RELEASE_FLAGS) $(CFLAGS) -o $@ $^ $(call pc_libs,$(CORE_PKGS)) -lm $(LDFLAGS)

fsrs-check: $(FSRS_CHECK)
	./$(FSRS_CHECK) $(VECTORS) $(PARAMS)

fsrs-check-perturbed: $(FSRS_CHECK)
	./$(FSRS_CHECK) --perturb-weight $(FSRS_PERTURB) --expect-mismatches $(VECTORS) $(PARAMS)
# ---- end of fsrs conformance ----------------------------------------------------------------

# ---- fuzzing ---------------------------------------------------------------------------------
# fuzz        install clang-14 and libFuzzer (scripts/deps.sh fuzz), build the harnesses of
#             tests/fuzz/ and run each for FUZZ_SECONDS, FUZZ_JOBS at a time (scripts/fuzz.sh);
#             fails when any harness finds a crash, leak, timeout or out-of-memory
#             (tests/fuzz/README.md)
# fuzz-build  only build them: build/fuzz/fuzz_NAME, linking a core compiled by CC_FUZZ with
#             the fuzzer's coverage and ASan+UBSan into build/fuzz/ (core only, no SDL)
# The replay test (tests/test_fuzz_replay.c, part of `make test`) links the same harnesses,
# built by CC with -DFUZZ_REPLAY, and runs them on every seed and regression input.
.PHONY: fuzz fuzz-build
CC_FUZZ ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= $(shell nproc)
FUZZ_DIR := build/fuzz
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(FUZZ_SRC))
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(FUZZ_DIR)/%,$(FUZZ_SRC))

$(FUZZ_DIR)/obj/core/%.o: src/core/%.c
	@mkdir -p $(@D)
	$(CC_FUZZ) $(BASE_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(FUZZ_DIR)/libquizdeck-core.a: $(call core_objs,$(FUZZ_DIR))
	$(AR) rcs $@ $^
$(FUZZ_DIR)/obj/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(CC_FUZZ) $(BASE_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/fuzz/fuzz_%.o $(FUZZ_DIR)/obj/fuzz/common.o $(FUZZ_DIR)/libquizdeck-core.a
	$(CC_FUZZ) $(FUZZ_FLAGS) -fsanitize=fuzzer $(CFLAGS) -o $@ $^ $(call pc_libs,$(CORE_PKGS)) -lm $(LDFLAGS)

fuzz-build: $(FUZZ_BINS)

fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@sh scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_NAMES)

# the replay test: the harnesses built by CC with ASan+UBSan, called from a cmocka program
FUZZ_REPLAY_OBJS := $(patsubst tests/fuzz/%.c,$(ASAN_DIR)/obj/fuzz/%.o,$(FUZZ_SRC) tests/fuzz/common.c)
$(ASAN_DIR)/obj/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(ASAN_FLAGS) -DFUZZ_REPLAY $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(ASAN_DIR)/tests/test_fuzz_replay: $(ASAN_DIR)/obj/tests/test_fuzz_replay.o $(ASAN_DIR)/obj/tests/support.o $(FUZZ_REPLAY_OBJS) $(ASAN_DIR)/libquizdeck-core.a
	@mkdir -p $(@D)
	$(CC) $(ASAN_FLAGS) $(CFLAGS) -o $@ $^ $(call pc_libs,$(CORE_PKGS) $(TEST_PKGS)) -lm $(LDFLAGS)
# ---- end of fuzzing ---------------------------------------------------------------------------

# ---- valgrind ---------------------------------------------------------------------------------
# valgrind    install valgrind (scripts/deps.sh valgrind), build the release game (build/quizdeck,
#             -O2 -g, never the sanitizer build: valgrind cannot run it) and play one script of
#             each mode under memcheck with SDL's dummy drivers (scripts/valgrind.sh); fails on
#             any memcheck error, any definitely lost byte or a failed expect
.PHONY: valgrind
valgrind:
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory DEBUG=0 build/quizdeck
	@sh scripts/valgrind.sh build/quizdeck
# ---- end of valgrind --------------------------------------------------------------------------

# ---- benchmark (reports, never fails on a slow machine) ---------------------------------------
# bench_load links the release core (-O2, no sanitizers, so not with DEBUG=1)
BENCH_LOAD := $(RELEASE_DIR)/bench/bench_load

$(RELEASE_DIR)/obj/bench/%.o: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 -g $(call pc_cflags,$(CORE_PKGS)) $(CFLAGS) -c $< -o $@
$(BENCH_LOAD): $(RELEASE_DIR)/obj/bench/bench_load.o $(RELEASE_DIR)/libquizdeck-core.a
	@mkdir -p $(@D)
	$(CC) -O2 -g $(CFLAGS) -o $@ $^ $(call pc_libs,$(CORE_PKGS)) -lm $(LDFLAGS)

bench:
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory $(BIN) $(BENCH_LOAD)
	@sh scripts/bench.sh ./$(BIN) ./$(BENCH_LOAD)

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
