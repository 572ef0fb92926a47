#!/usr/bin/env bash
# Runs the package-benchmark suites (Tests/Benchmarks/*) in their own release build (.build/bench), so the
# ordinary debug build is untouched and `swift build`/`swift test` never build them.
#
#   Tests/Benchmarks/run.sh                    # run every benchmark, print the results
#   Tests/Benchmarks/run.sh baseline update    # measure and store the baseline (Tests/Benchmarks/Baselines)
#   Tests/Benchmarks/run.sh baseline check     # measure and compare with the stored baseline; fails on a regression
#   Tests/Benchmarks/run.sh ARGS...            # any other `swift package benchmark` arguments
#
# The plugin keeps baselines in .benchmarkBaselines at the package root; the repository's top level is fixed, so
# they live in Tests/Benchmarks/Baselines and a symbolic link (ignored by git) points there while this runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NQ57_BENCH=1
mkdir -p Tests/Benchmarks/Baselines
ln -sfn Tests/Benchmarks/Baselines .benchmarkBaselines
trap 'rm -f .benchmarkBaselines' EXIT
if [ $# -eq 0 ]; then set -- baseline read; fi
case "$1 ${2:-}" in
  "baseline update") exec_args=(baseline update default) ;;
  "baseline check")  exec_args=(baseline check default) ;;
  "baseline read")   exec_args=() ;;
  *)                 exec_args=("$@") ;;
esac
swift package --scratch-path .build/bench --allow-writing-to-package-directory benchmark "${exec_args[@]}" --no-progress
