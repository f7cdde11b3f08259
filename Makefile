# casus: the two set-up commands are `make demo` and `make test` (see README.md).
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build test test-slow demo bench asan-test fuzz-smoke ci clean

all: build

deps:
	@bash scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j $(JOBS)

# Every test not labelled slow.
test: build
	ctest --test-dir $(BUILD) -LE slow --output-on-failure -j $(JOBS)

# The slow suites (full-corpus accuracy runs).
test-slow: build
	ctest --test-dir $(BUILD) -L slow --output-on-failure -j $(JOBS)

# Code the bundled example articles (the first article first) and print a readable summary of each.
FIRST_ARTICLE := examples/articles/kremlin-drone-2023-05-03.md
DEMO_ARTICLES := $(FIRST_ARTICLE) $(sort $(filter-out $(FIRST_ARTICLE),$(wildcard examples/articles/*.md)))
demo: build
	@mkdir -p out
	@echo "casus code examples/articles -> out/demo.jsonl"
	@$(BUILD)/casus code --quiet -o out/demo.jsonl $(DEMO_ARTICLES) || test $$? -eq 1
	$(BUILD)/casus show out/demo.jsonl

bench: build
	$(BUILD)/bench/casus_bench

# Tests under AddressSanitizer + UndefinedBehaviorSanitizer, in their own build folder.
asan-test: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCASUS_BUILD_BENCH=OFF \
	  -DCASUS_SANITIZE=address,undefined
	ninja -C build-asan -j $(JOBS)
	ctest --test-dir build-asan -LE slow --output-on-failure -j $(JOBS)

# Each libFuzzer target runs briefly over its seed corpus.
FUZZ_SECONDS ?= 20
fuzz-smoke: deps
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCASUS_BUILD_TESTS=OFF -DCASUS_BUILD_BENCH=OFF -DCASUS_BUILD_FUZZ=ON
	ninja -C build-fuzz -j $(JOBS)
	bash tests/fuzz/run-all build-fuzz $(FUZZ_SECONDS)

ci: test asan-test fuzz-smoke

clean:
	rm -rf $(BUILD) build-asan build-fuzz out
