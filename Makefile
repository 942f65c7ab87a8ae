# clerk - build, test and install. `make demo` and `make test` install the
# Debian packages they need first (see .ci/install-deps).

CC      ?= cc
PKGS    := libcmark libpcre2-8 yaml-0.1
BUILD   ?= build
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wvla -Wpointer-arith -Wundef
STD     := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

ifeq ($(SANITIZE),1)
CFLAGS  += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Isrc -I$(BUILD)

SRC     := $(sort $(wildcard src/*.c))
OBJ     := $(SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin_schemas.o
SCHEMAS := $(sort $(wildcard schemas/*.yml))
UNIT    := $(sort $(wildcard tests/unit/test_*.c))
UNITBIN := $(UNIT:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo test test-asan unit lint install clean golden fuzz bench

all: $(BUILD)/clerk

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) src/rules.def | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/builtin_schemas.c: $(SCHEMAS) src/embed-schemas.sh | $(BUILD)
	src/embed-schemas.sh $(SCHEMAS) > $@

$(BUILD)/builtin_schemas.o: $(BUILD)/builtin_schemas.c src/schema.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libclerk.a: $(OBJ)
	$(AR) rcs $@ $^

$(BUILD)/clerk: cmd/clerk.c $(BUILD)/libclerk.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libclerk.a $(LDFLAGS) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libclerk.a | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libclerk.a $(LDFLAGS) $(PKG_LIBS) \
		$(shell pkg-config --libs cmocka)

$(BUILD):
	@mkdir -p $(BUILD)

deps:
	@.ci/install-deps

demo: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/clerk check examples/records
	@echo
	@echo "And the set in examples/broken, which breaks every rule on purpose:"
	-$(BUILD)/clerk check examples/broken

unit: $(UNITBIN)

# Runs every suite against the normal build and, with sanitizers, against
# build-asan; ends with the line "N passed, N failed".
test: deps
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory BUILD=build-asan SANITIZE=1 all unit
	@tests/run build build-asan

test-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SANITIZE=1 all unit
	@tests/run build-asan

lint:
	clang-format --dry-run --Werror src/*.c src/*.h cmd/*.c tests/unit/*.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--suppress=missingIncludeSystem -Isrc src cmd

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/clerk $(DESTDIR)$(PREFIX)/bin/clerk

clean:
	rm -rf build build-asan build-fuzz

# Rewrites the golden output of the broken example set; review the diff.
golden: all
	-$(BUILD)/clerk check --as-of 2025-12-31 examples/broken > tests/golden/broken.out

# Builds the libFuzzer target with clang and runs it for FUZZ_SECONDS,
# starting from the example records.
FUZZ_SECONDS ?= 60
fuzz:
	@mkdir -p build-fuzz/corpus
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libclerk.a
	clang $(STD) -g -fsanitize=fuzzer,address,undefined -Isrc -o build-fuzz/fuzz_record \
		tests/fuzz/fuzz_record.c build-fuzz/libclerk.a $$(pkg-config --libs $(PKGS))
	for f in examples/*/*.md; do cp "$$f" build-fuzz/corpus/$$(echo "$$f" | tr / _); done
	build-fuzz/fuzz_record -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus

# Prints how fast clerk checks BENCH_RECORDS generated records.
BENCH_RECORDS ?= 100000
bench: all
	tests/bench $(BENCH_RECORDS)
