#!/usr/bin/env bash
# Builds evq-bench in release mode, generates 100,000 and 1,000,000 synthetic events (and a
# synthetic article corpus for the extraction benchmark) into Benchmarks/data/, and runs Q1-Q6
# with evq, DuckDB, sqlite3, jq and EQL side by side (see README.md).
#
#   Benchmarks/run.sh [SIZES...]      default sizes: 100000 1000000
set -euo pipefail
cd "$(dirname "$0")"
[ -x /opt/swift/usr/bin/swift ] && export PATH=/opt/swift/usr/bin:$PATH

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)

need() {  # need COMMAND PACKAGE: install a missing tool from the distribution's packages
    command -v "$1" >/dev/null && return 0
    echo "installing $2 (apt-get)" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q "$2" >/dev/null; else sudo apt-get install -y -q "$2" >/dev/null; fi
}
need sqlite3 sqlite3
need jq jq

# Throwaway virtualenv for the Python peers.
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import duckdb" 2>/dev/null || .venv/bin/pip install -q duckdb
.venv/bin/python -c "import eql" 2>/dev/null || .venv/bin/pip install -q eql \
    || echo "warning: pip could not install eql; the eql row will show the import error" >&2

swift build -c release --product evq-bench 2>&1 | tail -1

mkdir -p data
for n in "${sizes[@]}"; do
    [ -s "data/events-$n.jsonl" ] || python3 generate.py events "$n" "data/events-$n.jsonl"
done
[ -d data/articles ] || python3 generate.py articles 30 data/articles

echo "## $(date -u +%Y-%m-%d) on $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "versions: $(.venv/bin/python -c 'import duckdb; print("duckdb", duckdb.__version__)'), $(sqlite3 --version | cut -d' ' -f1 | sed 's/^/sqlite3 /'), $(jq --version), $(.venv/bin/pip show eql 2>/dev/null | sed -n 's/^Version: /eql /p')"
echo
for n in "${sizes[@]}"; do
    .venv/bin/python bench.py "data/events-$n.jsonl" --runs 5 --cache "data/cache-$n.sqlite" --json "data/results-$n.json"
    echo
done
