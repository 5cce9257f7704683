#!/usr/bin/env bash
# The slow half of the reliability suite (the fast half runs in `swift test`, EvqReliabilityTests).
# Checks that hostile documents finish in time linear in their size, with a release build:
# for each shape, extraction CPU time at 4x the size must stay under 6x the time (linear is 4x,
# quadratic 16x), and the largest must finish within its budget. Prints one line per check and
# `N passed, N failed`; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product evq >/dev/null 2>&1 || { echo "release build failed" >&2; exit 1; }
evq=$(swift build -c release --show-bin-path)/evq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0

elapsed() {  # CPU seconds (user + system) to load FILE and count its events, or 999 on timeout/crash.
  # CPU time, not wall time: the machine is shared, and other jobs stretch wall time unevenly.
  local cpu TIMEFORMAT='%U %S'
  cpu=$( { time timeout "${2:-300}" "$evq" --no-cache --no-color --corpus "$1" -c 'events | count' >/dev/null 2>"$work/err" || echo FAIL >&2; } 2>&1 )
  case "$cpu" in *FAIL*) echo 999; return ;; esac
  echo "$cpu" | awk '{print $1 + $2}'
}

check_linear() {  # NAME GENERATOR(size) SMALL LARGE
  local name=$1 gen=$2 small=$3 large=$4
  $gen "$small" > "$work/small.txt"; $gen "$large" > "$work/large.txt"
  local a b
  a=$(elapsed "$work/small.txt" 120); b=$(elapsed "$work/large.txt" 300)
  local ratio
  ratio=$(echo "scale=2; $b / ($a + 0.001)" | bc)
  local growth=$(( large / small ))
  if [ "$(echo "$b < 999 && $ratio < $growth * 1.5" | bc)" = 1 ]; then
    echo "ok   $name: ${a}s -> ${b}s for ${growth}x the input (x$ratio)"; passed=$((passed + 1))
  else
    echo "FAIL $name: ${a}s -> ${b}s for ${growth}x the input (x$ratio; 999 = timed out)"; failed=$((failed + 1))
  fi
}

repeated_triggers() { python3 -c "import sys; sys.stdout.write('released ' * $1)"; }
long_line() { python3 -c "
import random, sys; random.seed(7)
w = ['the','released','prisoners','Minsk','said','on','Tuesday','42','sanctions','envoy','met','more','than']
sys.stdout.write(' '.join(random.choice(w) for _ in range($1)))"; }
big_article() { python3 -c "
import sys
para = ('MINSK, Belarus (AP) - Belarus released 14 political prisoners on Tuesday, officials said. '
        'The envoy met President Alexander Lukashenko in Minsk on Friday. More than 1,100 remain behind bars.\n\n')
n = $1 // len(para) + 1
sys.stdout.write(para * n)"; }

check_linear "100,000 repeated trigger words" repeated_triggers 25000 100000
check_linear "a single 10 MB line" long_line 440000 1760000
check_linear "a 100 MB article" big_article 25000000 100000000

# SIGKILL at random points of a first run over ~1,000 articles (extraction, then the cache
# write), then two normal runs: both must print exactly what an uncached run prints.
kill_during_cache_write() {
  local corpus="$work/corpus" cache="$work/cache" i delay
  mkdir -p "$corpus"
  for f in Tests/EvqExtractTests/DevSet/*.txt; do
    for k in $(seq 0 69); do { cat "$f"; echo "(Copy $k.)"; } > "$corpus/$k-$(basename "$f")"; done
  done
  local query=(--no-color --corpus "$corpus" -c 'events | sort date, id | show id, type, date, count')
  "$evq" --no-cache "${query[@]}" > "$work/reference" 2>/dev/null
  local start end full
  start=$(date +%s.%N); XDG_CACHE_HOME="$work/probe" "$evq" "${query[@]}" >/dev/null 2>&1; end=$(date +%s.%N)
  full=$(echo "$end - $start" | bc)
  local bad=0
  for i in $(seq 1 20); do
    rm -rf "$cache"
    delay=$(echo "scale=3; $full * (50 + $RANDOM % 55) / 100" | bc)   # 50%..104% of a full run
    XDG_CACHE_HOME="$cache" "$evq" "${query[@]}" >/dev/null 2>&1 & local pid=$!
    sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    for run in 1 2; do
      if ! XDG_CACHE_HOME="$cache" "$evq" "${query[@]}" > "$work/out" 2>"$work/err" || ! cmp -s "$work/out" "$work/reference"; then
        bad=$((bad + 1)); echo "     kill after ${delay}s: run $run differs or failed: $(head -c 200 "$work/err")"
      fi
    done
  done
  if [ "$bad" = 0 ]; then
    echo "ok   SIGKILL at 20 random points of a ${full}s first run: every later run printed the uncached answer"; passed=$((passed + 1))
  else
    echo "FAIL SIGKILL during the cache write: $bad later runs were wrong"; failed=$((failed + 1))
  fi
}
kill_during_cache_write

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
