#!/usr/bin/env bash
# Builds the libFuzzer targets (FuzzWire: frames, envelopes, the JSON scanner; FuzzHTTP: the HTTP
# API's request parsing) and runs each for RUNS inputs (default 200000) over its seed corpus in
# Tests/Fuzz/corpus/TARGET. Fails on any crash, timeout or out-of-memory; the input that did it
# is left in .build/fuzz/artifacts/TARGET/ (copy it into the corpus with its regression test).
#
# Usage: Tests/Fuzz/run.sh [RUNS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-200000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzWire FuzzHTTP)

scratch=.build/fuzz
# The fuzz targets exist only with NQ57_FUZZ=1 (see Package.swift), in their own scratch path
# so the ordinary build is never disturbed. Optimised (a debug build runs ~500 inputs/s), but
# with `-assert-config Debug` so every bounds check of unsafe buffers still traps.
export NQ57_FUZZ=1
build=(swift build -c release --sanitize=fuzzer --scratch-path "$scratch" -Xswiftc -assert-config -Xswiftc Debug)
mkdir -p "$scratch/logs"
for target in "${targets[@]}"; do
  echo "fuzz: building $target (log: $scratch/logs/build-$target.log)"
  if ! "${build[@]}" --product "$target" >"$scratch/logs/build-$target.log" 2>&1; then
    tail -30 "$scratch/logs/build-$target.log" >&2
    echo "fuzz: building $target failed" >&2
    exit 1
  fi
done
bin="$("${build[@]}" --show-bin-path)"

# Swift's own crash handler would exit before libFuzzer saves the input that crashed.
export SWIFT_BACKTRACE=enable=no
pids=()
for target in "${targets[@]}"; do
  seeds="Tests/Fuzz/corpus/$(echo "${target#Fuzz}" | tr '[:upper:]' '[:lower:]')"
  work="$scratch/corpus/$target"     # inputs found on this machine (not kept in git)
  artifacts="$scratch/artifacts/$target"
  mkdir -p "$work" "$artifacts"
  "$bin/$target" "$work" "$seeds" -runs="$runs" -max_len=8192 -timeout=10 -rss_limit_mb=1024 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$scratch/logs/$target.log" 2>&1 &
  pids+=($!)
done

status=0
for i in "${!targets[@]}"; do
  target="${targets[$i]}"
  log="$scratch/logs/$target.log"
  if wait "${pids[$i]}"; then
    result="ok"
  else
    result="FAILED"
    status=1
    grep -E -A5 'ERROR: libFuzzer|Fatal error|==ERROR|SUMMARY|Test unit written' "$log" | head -40 >&2 || true
  fi
  stat() { grep -o "stat::$1: *[0-9]*" "$log" | grep -o '[0-9]*$' || echo "?"; }
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || echo "cov: ?")
  echo "fuzz: $target $result: $(stat number_of_executed_units) inputs in $(sed -n 's/^Done .* runs in \([0-9]*\) second.*/\1/p' "$log") s," \
    "$(stat average_exec_per_sec) exec/s, peak rss $(stat peak_rss_mb) MB, $cov (log: $log)"
done
exit $status
