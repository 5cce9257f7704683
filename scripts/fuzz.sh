#!/usr/bin/env bash
# Runs one libFuzzer target for a number of seconds.
#   scripts/fuzz.sh TARGET SECONDS      TARGET: import | query | extract
# Corpora live in Fuzz/corpus/TARGET (seeded from Examples/ and the dev articles); crashes are
# written to Fuzz/crashes/TARGET and make the script exit non-zero. Each crash becomes a
# regression test (see docs/RELIABILITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
target=${1:?usage: scripts/fuzz.sh import|query|extract SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
case "$target" in import|query|extract) ;; *) echo "unknown target: $target (import, query, extract)" >&2; exit 2;; esac

(cd Fuzz && swift build -c release --scratch-path ../.build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product "fuzz-$target" 2>&1 \
  | grep -v "Cannot export local symbol" | grep -E "error|Compiling|Build" || true)
bin=.build-fuzz/release/fuzz-$target
[ -x "$bin" ] || { echo "build failed: $bin" >&2; exit 1; }

corpus=Fuzz/corpus/$target
crashes=Fuzz/crashes/$target
mkdir -p "$corpus" "$crashes"
if [ -z "$(ls -A "$corpus")" ]; then
  case "$target" in
    query) grep -hv '^#' Examples/*.evq | awk 'NF' | split -l 1 - "$corpus/ex-" ;;
    extract) cp seeds/* "$corpus/" 2>/dev/null || true
             cp Tests/EvqExtractTests/DevSet/*.txt "$corpus/" 2>/dev/null || true ;;
    import) cp Examples/corpora/imported/*.jsonl "$corpus/" ;;
  esac
fi
# The Swift backtracer would linger after a crash and hold the output pipe.
export SWIFT_BACKTRACE=enable=no
# -detect_leaks=0 (libFuzzer, per input) and ASAN_OPTIONS=detect_leaks=0 (AddressSanitizer, at
# exit): LeakSanitizer reports Swift's once-initialised static tables (e.g. the checker's column
# list) as leaks; a real per-input leak still trips -rss_limit_mb.
export ASAN_OPTIONS=detect_leaks=0
exec "$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -detect_leaks=0 \
  -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus"
