# clerk - build, test and install. `make demo` and `make test` install the
# Debian packages they need first (see .ci/install-deps).

CC      ?= cc
PKGS    := libcmark libpcre2-8 yaml-0.1 sqlite3 libutf8proc jansson
BUILD   ?= build
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wvla -Wpointer-arith -Wundef
STD     := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

# The sanitizer build (SANITIZE=1) appends these to CFLAGS and LDFLAGS, so
# they survive `make test CFLAGS=...`.
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ifeq ($(SANITIZE),1)
override SAN_CFLAGS  := -O1 $(SAN_FLAGS)
override SAN_LDFLAGS := $(SAN_FLAGS)
endif

# Where clerk is published (docs/output.md): the home page goes into SARIF's
# informationUri, the address of docs/rules.md into each rule's helpUri.
# Empty by default, as clerk has no public home yet: SARIF then leaves both
# out. Run `make clean` after changing them.
CLERK_HOME      ?=
CLERK_RULES_URL ?= $(if $(CLERK_HOME),$(CLERK_HOME)/blob/main/docs/rules.md)
HOME_FLAGS   = -DCLERK_HOME='"$(CLERK_HOME)"' -DCLERK_RULES_URL='"$(CLERK_RULES_URL)"'

# The program's allocator: mimalloc (Debian's libmimalloc-dev) takes the
# place of malloc for clerk and the libraries it calls, whose parse trees
# (libyaml, cmark) make many small allocations per record: 15% fewer
# instructions on 10,000 records. Not in the sanitizer build, whose own
# allocator finds the errors; MALLOC=libc leaves it out too.
MALLOC ?= mimalloc
ifeq ($(SANITIZE),1)
override MALLOC := libc
endif
MALLOC_LIBS = $(if $(filter mimalloc,$(MALLOC)),-lmimalloc)

PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = $(STD) $(WARN) -pthread $(CPPFLAGS) $(CFLAGS) $(SAN_CFLAGS) $(PKG_CFLAGS) $(HOME_FLAGS) -Isrc -I$(BUILD)
ALL_LDFLAGS = -pthread $(LDFLAGS) $(SAN_LDFLAGS)

SRC     := $(sort $(wildcard src/*.c))
CMD     := $(sort $(wildcard cmd/*.c))
OBJ     := $(SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin_schemas.o $(BUILD)/rule_docs.o
SCHEMAS := $(sort $(wildcard schemas/*.yml))
UNIT    := $(sort $(wildcard tests/unit/test_*.c))
UNITBIN := $(UNIT:tests/unit/%.c=$(BUILD)/tests/%)

# Translations (gettext): po/LANG.po is compiled with msgfmt --check into
# $(BUILD)/locale, where an uninstalled clerk finds it (see src/i18n.c).
LOCALEDIR ?= $(PREFIX)/share/locale
PO      := $(sort $(wildcard po/*.po))
MO      := $(PO:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/clerk.mo)
# Where xgettext finds the texts: the functions that translate their format
# string (diag_report, fail, ...) and the markers _(), N_() and RULE().
XGETTEXT_KEYS := -k_ -kN_ -kngettext:1,2 -kdiag_report:6 -kdiag_set_help:2 -kdiag_reword:2 -kfail:3 \
	-kconfig_error_set:5 -kerror_line:1 -kusage_error:1 -kopts_usage_error:2 \
	-kRULE:4 -kjoin_words:4 -kdiag_add_related:5 \
	-kP_:1c,2

.PHONY: all deps demo test test-asan unit lint install uninstall clean golden fuzz bench mutate \
	po-update

all: $(BUILD)/clerk $(MO)

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) src/rules.def | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/builtin_schemas.c: $(SCHEMAS) src/embed-schemas.sh | $(BUILD)
	src/embed-schemas.sh $(SCHEMAS) > $@

$(BUILD)/builtin_schemas.o: $(BUILD)/builtin_schemas.c src/schema.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Each rule's section of docs/rules.md, for `clerk rules NAME` and SARIF.
$(BUILD)/rule_docs.c: docs/rules.md $(wildcard docs/nl/rules.md) src/embed-rules.sh | $(BUILD)
	src/embed-rules.sh docs/rules.md docs/nl/rules.md > $@

$(BUILD)/rule_docs.o: $(BUILD)/rule_docs.c src/rule_doc.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/i18n.o: src/i18n.c src/i18n.h | $(BUILD)
	$(CC) $(ALL_CFLAGS) -DLOCALEDIR='"$(LOCALEDIR)"' -c -o $@ $<

$(BUILD)/locale/%/LC_MESSAGES/clerk.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# The template of every translatable text, extracted from the source and
# from the built-in schemas' titles and descriptions.
$(BUILD)/schema_texts.c: $(SCHEMAS) src/schema-texts.sh | $(BUILD)
	src/schema-texts.sh $(SCHEMAS) > $@

$(BUILD)/clerk.pot: $(SRC) $(wildcard src/*.h) src/rules.def $(CMD) $(BUILD)/schema_texts.c
	xgettext --from-code=UTF-8 -L C --add-comments=TRANSLATORS: --package-name=clerk \
		--msgid-bugs-address="see README.md" --add-location=file $(XGETTEXT_KEYS) -o $@ \
		$(SRC) src/rules.def $(CMD) $(BUILD)/schema_texts.c

# Brings po/*.po up to date with the source: new texts are added untranslated
# (the tests then fail until they are translated).
po-update: $(BUILD)/clerk.pot
	for p in $(PO); do msgmerge --quiet --update --backup=none --no-fuzzy-matching $$p $<; done

# Made anew each time, so that the object of a source file that was
# removed or renamed does not stay in the library.
$(BUILD)/libclerk.a: $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The program: cmd/clerk.c (the table of subcommands) and the commands in
# other files of cmd/.
$(BUILD)/clerk: $(CMD) $(wildcard cmd/*.h) $(BUILD)/libclerk.a
	$(CC) $(ALL_CFLAGS) -Icmd -o $@ $(CMD) $(BUILD)/libclerk.a $(ALL_LDFLAGS) $(MALLOC_LIBS) \
		$(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libclerk.a | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libclerk.a $(ALL_LDFLAGS) $(PKG_LIBS) \
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
	@$(BUILD)/clerk check examples/broken; rc=$$?; echo; \
	if [ $$rc -eq 1 ]; then \
		echo "clerk exited with 1 on examples/broken, as it should: that set is meant to fail."; \
	else \
		echo "clerk exited with $$rc on examples/broken, but that set is meant to fail with 1."; \
		exit 1; \
	fi

unit: $(UNITBIN) $(BUILD)/tests/yaml_parses $(BUILD)/tests/vanish.so

# A test shim: removes a file the moment clerk first touches it (LD_PRELOAD),
# for the tests of a set that changes while clerk walks it. Built without
# the sanitizers, which must come first in a sanitized clerk.
$(BUILD)/tests/vanish.so: tests/tools/vanish.c | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CPPFLAGS) -shared -fPIC -O1 -Wall -Wextra -o $@ $< -ldl

# A test helper: is a file valid YAML? (for the CI recipes in docs/ci/).
$(BUILD)/tests/yaml_parses: tests/tools/yaml_parses.c | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(PKG_LIBS)

# Runs every suite against the normal build and, with sanitizers, against
# build-asan; counts each test once and ends with the line
# "N passed, N failed, N skipped" (see tests/run).
test: deps
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory BUILD=build-asan SANITIZE=1 all unit
	@tests/run build build-asan

test-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SANITIZE=1 all unit
	@tests/run build-asan

# Applies each source change in tests/mutations.txt to a copy of the
# repository and reports those the tests do not catch (see tests/mutate).
mutate: deps
	@tests/mutate

# Style (clang-format), static analysis (cppcheck), no call cycle between
# the library's source files (tests/tools/call-cycles), and no comment that
# names an issue number instead of saying what the code does.
lint: $(BUILD)/libclerk.a
	clang-format --dry-run --Werror src/*.c src/*.h cmd/*.c tests/unit/*.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--suppress=missingIncludeSystem -Isrc src cmd
	tests/tools/call-cycles $(BUILD) src
	@! grep -rniE '\bissue [0-9]+' src cmd tests/cli tests/unit tests/tools tests/mutations.txt || \
		{ echo "lint: a comment names an issue number; say what the code does instead" >&2; exit 1; }
	tests/tools/lint_writes.sh

# Installs the program, its manual page and its bash completion under
# $(DESTDIR)$(PREFIX); `make uninstall` removes exactly these files.
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
INSTALLED  := $(BINDIR)/clerk $(MANDIR)/man1/clerk.1 $(BASHCOMPDIR)/clerk \
	$(PO:po/%.po=$(LOCALEDIR)/%/LC_MESSAGES/clerk.mo)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BUILD)/clerk $(DESTDIR)$(BINDIR)/clerk
	install -m 644 docs/clerk.1 $(DESTDIR)$(MANDIR)/man1/clerk.1
	install -m 644 cmd/clerk.bash-completion $(DESTDIR)$(BASHCOMPDIR)/clerk
	for p in $(PO:po/%.po=%); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$p/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$p/LC_MESSAGES/clerk.mo \
			$(DESTDIR)$(LOCALEDIR)/$$p/LC_MESSAGES/clerk.mo || exit 1; \
	done

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

clean:
	rm -rf build build-asan build-fuzz

# Rewrites the golden output of the broken example set, in every format;
# review the diff. The machine formats use a fixed --as-of, and SARIF's
# absolute folder is replaced by file:///ROOT/ (tests/cli/formats.bats does
# the same).
GOLDEN_FORMATS := pretty json sarif junit github gitlab
GOLDEN_AS_OF := 2025-12-31
golden: all
	-$(BUILD)/clerk check --as-of $(GOLDEN_AS_OF) examples/broken > tests/golden/broken.out
	-$(BUILD)/clerk --lang nl check --as-of $(GOLDEN_AS_OF) examples/broken > tests/golden/broken.nl.out
	for f in $(GOLDEN_FORMATS); do \
		$(BUILD)/clerk check --as-of $(GOLDEN_AS_OF) --format $$f examples/broken | \
		sed 's|"SRCROOT":{"uri":"[^"]*"}|"SRCROOT":{"uri":"file:///ROOT/"}|' \
		> tests/golden/broken.$$f; \
	done

# Builds the libFuzzer targets (record, schema, config) with clang and runs
# each for FUZZ_SECONDS from its seeds in tests/fuzz/seeds/<target>/. Inputs
# up to 1 MB; an input that takes over 10 s counts as a finding. New inputs
# go to build-fuzz/corpus/<target>/, findings to build-fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := record schema config
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer
fuzz:
	@.ci/install-deps fuzz
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libclerk.a
	@for t in $(FUZZ_TARGETS); do \
		echo "clang ... -o build-fuzz/fuzz_$$t" && \
		clang $(STD) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined -Isrc \
			-o build-fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c build-fuzz/libclerk.a \
			$$(pkg-config --libs $(PKGS)) || exit 1; \
	done
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus/$$t && \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s" && \
		build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=1048576 -timeout=10 \
			-artifact_prefix=build-fuzz/$$t- -print_final_stats=1 \
			build-fuzz/corpus/$$t tests/fuzz/seeds/$$t || exit 1; \
	done

# Prints how fast clerk checks generated record sets of BENCH_SIZES records
# (BENCH_1M=1 adds a million), against the parse floor; see tests/bench.
BENCH_SIZES ?= 1000 10000 100000
bench: all $(BUILD)/tests/bench_floor
	CLERK=$(BUILD)/clerk BENCH_FLOOR=$(BUILD)/tests/bench_floor BENCH_SIZES="$(BENCH_SIZES)" tests/bench

# The parse floor for the benchmark: libyaml and cmark on the same files.
$(BUILD)/tests/bench_floor: tests/tools/bench_floor.c | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(PKG_LIBS)
