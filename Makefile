# ipsreport — build, test, demo.  See README.md.
#
# `make` builds build/ipsreport; `make test` builds an AddressSanitizer +
# UBSan copy and runs every unit and end-to-end test; `make demo` runs the whole
# pipeline on the samples into out/.  Helpers may build in their own tree with
# `make BUILD=/tmp/somewhere`.

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

PKGS    := sqlite3 xlsxwriter cairo pangocairo fontconfig libsodium inih
WARN    := -std=c17 -Wall -Wextra -Wpedantic
DEFS    := -D_POSIX_C_SOURCE=200809L -DIPS_VERSION='"$(VERSION)"'
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(WARN) $(DEFS) -I. $(PKG_CFLAGS) $(CFLAGS)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC := $(sort $(wildcard common/*.c model/*.c ingest/*.c reports/*.c charts/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
HDRS    := $(wildcard common/*.h model/*.h ingest/*.h reports/*.h charts/*.h cli/*.h tests/unit/*.h)

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/rel/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/rel/%.o)
ALIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/asan/%.o)
ACLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/asan/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/asan/tests/%)

# The text catalogue po/*.po, compiled into C at build time (docs/translations.md):
# scripts/po2c.awk fails the build when the ids of the headers and the
# catalogue's msgctxts differ.
PO_FILES := po/ipsreport.pot $(sort $(wildcard po/*.po))
CAT_HDRS := reports/labels.h charts/chart_labels.h
CAT_C    := $(BUILD)/gen/catalogue.c
LIB_OBJ  += $(BUILD)/rel/gen/catalogue.o
ALIB_OBJ += $(BUILD)/asan/gen/catalogue.o

.PHONY: all deps demo test unit e2e install clean bench fuzz samples check-deps
all: $(BUILD)/ipsreport $(if $(wildcard samples/gen_samples.c),$(BUILD)/gen-samples)

deps:
	@sh scripts/deps.sh

$(BUILD)/rel/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo '  CC      $<'
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/asan/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo '  CC-SAN  $<'
	@$(CC) $(WARN) $(DEFS) -I. $(PKG_CFLAGS) -O1 -g $(SAN) -c $< -o $@

$(CAT_C): scripts/po2c.awk $(CAT_HDRS) $(PO_FILES)
	@mkdir -p $(dir $@)
	@echo '  GEN     $@'
	@awk -f scripts/po2c.awk $(CAT_HDRS) $(PO_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/rel/gen/catalogue.o: $(CAT_C) $(HDRS)
	@mkdir -p $(dir $@)
	@echo '  CC      $<'
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/asan/gen/catalogue.o: $(CAT_C) $(HDRS)
	@mkdir -p $(dir $@)
	@echo '  CC-SAN  $<'
	@$(CC) $(WARN) $(DEFS) -I. $(PKG_CFLAGS) -O1 -g $(SAN) -c $< -o $@

$(BUILD)/ipsreport: $(LIB_OBJ) $(CLI_OBJ)
	@echo '  LINK    $@'
	@$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/asan/ipsreport: $(ALIB_OBJ) $(ACLI_OBJ)
	@echo '  LINK    $@'
	@$(CC) -g $(SAN) -o $@ $^ $(PKG_LIBS)

GEN_SRC := $(sort $(wildcard samples/*.c))
$(BUILD)/gen-samples: $(GEN_SRC) $(wildcard samples/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEFS) -O2 -o $@ $(GEN_SRC) -lm

$(BUILD)/asan/tests/%: tests/unit/%.c $(ALIB_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	@echo '  TEST    $@'
	@$(CC) $(WARN) $(DEFS) -I. $(PKG_CFLAGS) -O1 -g $(SAN) -o $@ $< $(ALIB_OBJ) $(PKG_LIBS) $(shell pkg-config --libs cmocka)

samples: $(BUILD)/gen-samples
	$(BUILD)/gen-samples --out samples --exports

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(BUILD)/ipsreport

test: deps
	@$(MAKE) --no-print-directory all $(BUILD)/asan/ipsreport $(UNIT_BIN)
	@sh tests/run.sh $(BUILD)

# bench also needs pandas, XlsxWriter and matplotlib for its peer script.
bench:
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@sh scripts/bench.sh $(BUILD)

fuzz: deps
	@sh scripts/fuzz.sh $(BUILD)

install: $(BUILD)/ipsreport
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ipsreport/profiles
	install -m 0755 $(BUILD)/ipsreport $(DESTDIR)$(PREFIX)/bin/ipsreport
	for f in ingest/profiles/*.ini; do [ -e "$$f" ] && install -m 0644 "$$f" $(DESTDIR)$(PREFIX)/share/ipsreport/profiles/ || true; done

clean:
	rm -rf $(BUILD) out

# --- Fuzz targets without libFuzzer ------------------------------------------
# Each tests/fuzz/fuzz_*.c linked with a plain main() (tests/fuzz/driver.c),
# gcc and ASan/UBSan, so `make test` replays the corpus through every target
# (tests/e2e/test_fuzz_corpus.sh).  `make fuzz` builds the libFuzzer versions
# with clang itself (scripts/fuzz.sh).
FUZZ_SRC    := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/asan/fuzz/%)
FUZZ_SUPPORT := $(BUILD)/asan/tests/fuzz/driver.o $(BUILD)/asan/tests/fuzz/support.o
.PHONY: fuzz-replay
fuzz-replay: $(FUZZ_REPLAY)
$(FUZZ_SRC:%.c=$(BUILD)/asan/%.o) $(FUZZ_SUPPORT): tests/fuzz/support.h
$(FUZZ_REPLAY): $(BUILD)/asan/fuzz/%: $(BUILD)/asan/tests/fuzz/%.o $(FUZZ_SUPPORT) $(ALIB_OBJ)
	@mkdir -p $(dir $@)
	@echo '  LINK    $@'
	@$(CC) -g $(SAN) -o $@ $^ $(PKG_LIBS)
