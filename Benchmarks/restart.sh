#!/usr/bin/env bash
# The event cache's figures (issue 7): a cached restart over ~10,000 articles (target < 1 s),
# a restart after editing one article, the first run that fills the cache, the same run with
# --no-cache, and `evq -c 'releases | count'` over the cached seeds (target < 30 ms end to end).
# Uses a throwaway cache folder; prints a Markdown table.
#
#   Benchmarks/restart.sh [MEGABYTES]     default 32 (about 10,000 synthetic articles)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH=/opt/swift/usr/bin:$PATH
mb=${1:-32}
corpus=Benchmarks/data/articles-restart-$mb
[ -d "$corpus" ] || python3 Benchmarks/generate.py articles "$mb" "$corpus" >/dev/null
swift build -c release --product evq 2>&1 | tail -1 >&2
evq=$(swift build -c release --show-bin-path)/evq
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME=$cache/xdg

seconds() {  # seconds for one run of evq with the given arguments (output discarded)
    local start end
    start=$(date +%s.%N); "$evq" "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    echo "$end - $start" | bc
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cp -r "$corpus" "$cache/corpus"   # the edit below must not touch the generated data
corpus=$cache/corpus
articles=$(find "$corpus" -type f | wc -l)
mbytes=$(du -sm "$corpus" | cut -f1)
query=(--corpus "$corpus" -c 'events | count')
echo "## $(date -u +%Y-%m-%d) on $(uname -srm), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$articles articles, $mbytes MB"
echo
echo "| run | seconds |"
echo "|---|---|"
echo "| first run (extract everything, fill the cache) | $(seconds "${query[@]}") |"
echo "| restart, nothing changed (median of 5) | $(median $(for i in 1 2 3 4 5; do seconds "${query[@]}"; done)) |"
files=("$corpus"/*)
echo "Police detained 7 activists in Hrodna on Monday, the Viasna rights group said." >> "${files[0]}"
echo "| restart after editing one article | $(seconds "${query[@]}") |"
echo "| the same, --no-cache | $(seconds --no-cache "${query[@]}") |"
"$evq" -c 'releases | count' >/dev/null 2>&1
seeds=$(median $(for i in $(seq 1 11); do seconds -c 'releases | count'; done))
echo "| \`evq -c 'releases \\| count'\` over the cached seeds (median of 11) | $seeds |"
