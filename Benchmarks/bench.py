#!/usr/bin/env python3
"""Runs Q1-Q6 with evq (release build of evq-bench) and its peers on one JSONL file, checks
that every peer gives evq's answer, and prints a Markdown table.

    bench.py FILE [--runs N] [--cache DB] [--peers duckdb,sqlite3,jq,eql] [--json OUT]
"""
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EVQ_BENCH = os.path.join(HERE, ".build", "release", "evq-bench")
PYTHON = os.path.join(HERE, ".venv", "bin", "python")
KINDS = ["ids", "int", "months", "values", "ids", "int"]


def queries(name, place):
    return [
        "releases where date > 2025-09",
        "releases where date > 2025-09 | count",
        "events | count by month(date)",
        "events | sort count desc | take 10",
        f'events where actors contains "{name}"',
        f'events where date >= 2024-07 and count >= 10 and places contains "{place}" | count',
    ]


def run_json(cmd):
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        return {"error": (proc.stderr or proc.stdout).strip()[-400:]}, wall
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def evq_answer(kind, answer):
    """evq's normalised result (see evq-bench) in the peers' form."""
    if answer is None:
        return None
    if isinstance(answer, dict):  # an event list
        if kind == "ids":
            return {"events": answer["events"], "ids_fnv": answer["ids_fnv"]}
        if kind == "values":
            return answer["counts"][:10]
        if kind == "int":
            return answer["events"]
        return None
    rows = answer
    if kind == "int" and len(rows) == 1 and len(rows[0]) == 1:
        return rows[0][0]
    if kind == "months":
        return [[r[0], r[1]] for r in rows if len(r) == 2]
    if kind == "values":
        return [r[0] for r in rows][:10]
    return rows


def same(kind, a, b):
    if a is None or b is None:
        return None
    if kind == "months":
        # Compared on the months the peer reports (events whose date lies within one month);
        # evq adds a bucket for the others.
        da = {k: v for k, v in a}
        return all(da.get(k) == v for k, v in b)
    return a == b


def fmt_ms(ms):
    if ms is None:
        return "n/a"
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def main(argv):
    path = argv[0]
    opts = dict(zip(argv[1::2], argv[2::2]))
    runs = int(opts.get("--runs", "5"))
    cache = opts.get("--cache", os.path.join(HERE, "data", "cache.sqlite"))
    peers = opts.get("--peers", "duckdb,sqlite3,jq,eql").split(",")
    with open(path, encoding="utf-8") as f:
        name = json.loads(f.readline())["actors"][0]
    place = "Minsk"
    qs = queries(name, place)

    report = {"file": path, "name": name, "place": place, "runs": runs}
    imp, _ = run_json([EVQ_BENCH, "import", path])
    for f in [cache, cache + "-wal", cache + "-shm"]:
        if os.path.exists(f):
            os.remove(f)
    store, _ = run_json([EVQ_BENCH, "cache-store", path, cache])
    loads = [run_json([EVQ_BENCH, "cache-load", path, cache])[0] for _ in range(3)]
    evq, _ = run_json([EVQ_BENCH, "query", path, cache, str(runs)] + qs)
    report["evq"] = {"import": imp, "store": store, "loads": loads, "query": evq}

    results = {}
    for peer in peers:
        peer_runs = 1 if peer in ("jq",) else (max(1, runs // 2) if peer == "eql" else runs)
        out, wall = run_json([PYTHON, os.path.join(HERE, "peers.py"), peer, path, name, place, str(peer_runs)])
        out["wall_s"] = wall
        results[peer] = out
    report["peers"] = results

    load_cache = statistics.median([l.get("load_s", float("nan")) for l in loads])
    evq_queries = evq.get("queries", [])
    evq_ms, evq_ans = [], []
    for k in range(6):
        q = evq_queries[k] if k < len(evq_queries) else {}
        evq_ms.append(q.get("median_ms") if "error" not in q else None)
        evq_ans.append(evq_answer(KINDS[k], q.get("answer")) if "error" not in q else None)

    n = imp.get("events", "?")
    lines = [f"### {os.path.basename(path)}: {n} events ({os.path.getsize(path) / 1e6:.0f} MB)", ""]
    lines.append("| tool | load (s) | Q1 | Q2 | Q3 | Q4 | Q5 | Q6 | peak RSS (MB) |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    evq_rss = max(imp.get("peak_rss_mb", 0), evq.get("peak_rss_mb", 0))
    lines.append(
        f"| evq | import {imp.get('import_s', float('nan')):.2f}, cache {load_cache:.2f} | "
        + " | ".join(fmt_ms(m) if m is not None else "fails" for m in evq_ms)
        + f" | {evq_rss:.0f} |")
    checks = []
    for peer, out in results.items():
        if "error" in out:
            lines.append(f"| {peer} | error: {out['error'][:80]} | | | | | | | |")
            continue
        qs_out = out["queries"]
        label = peer + (" (one-shot)" if peer == "jq" else "")
        lines.append(
            f"| {label} | {out['load_s']:.2f} | " + " | ".join(fmt_ms(q["median_ms"]) for q in qs_out)
            + f" | {out['peak_rss_mb']:.0f} |")
        for k, q in enumerate(qs_out):
            verdict = same(KINDS[k], evq_ans[k], q.get("answer"))
            ref = results.get("duckdb", {}).get("queries", [{}] * 6)[k].get("answer")
            agrees_duckdb = same(KINDS[k], q.get("answer"), ref) if peer != "duckdb" else True
            checks.append((peer, k + 1, verdict, agrees_duckdb))
    lines.append("")
    ratio_rows = []
    for peer, out in results.items():
        if "error" in out:
            continue
        cells = []
        for k, q in enumerate(out["queries"]):
            if evq_ms[k] is None or not q.get("median_ms"):
                cells.append("n/a")
            else:
                cells.append(f"{evq_ms[k] / q['median_ms']:.2f}x")
        ratio_rows.append(f"| evq / {peer} | " + " | ".join(cells) + " |")
    lines.append("| ratio (time) | Q1 | Q2 | Q3 | Q4 | Q5 | Q6 |")
    lines.append("|---|---|---|---|---|---|---|")
    lines += ratio_rows
    lines.append("")
    bad_evq = [f"Q{k}: {peer}" for peer, k, v, _ in checks if v is False]
    unchecked = sorted({f"Q{k}" for peer, k, v, _ in checks if v is None})
    bad_peers = [f"Q{k}: {peer}" for peer, k, _, d in checks if d is False]
    lines.append(f"Answers: peers agree with DuckDB on every query: {'yes' if not bad_peers else 'NO (' + ', '.join(bad_peers) + ')'}; "
                 f"peers differing from evq: {', '.join(bad_evq) if bad_evq else 'none'}; "
                 f"not compared with evq (evq failed or peer n/a): {', '.join(unchecked) if unchecked else 'none'}.")
    errors = [f"Q{k + 1}: {q['error'][:120]}" for k, q in enumerate(evq_queries) if "error" in q]
    if errors:
        lines.append(f"evq errors: {'; '.join(errors)}")
    if "error" in evq:
        lines.append(f"evq-bench query failed: {evq['error'][:200]}")
    load_list = ", ".join("%.2f" % l.get("load_s", float("nan")) for l in loads)
    lines.append(f"evq cache: store {store.get('store_s', float('nan')):.2f} s, database {store.get('cache_mb', 0):.0f} MB; "
                 f"load from cache (3 fresh processes) {load_list} s, "
                 f"peak RSS {max(l.get('peak_rss_mb', 0) for l in loads):.0f} MB; Corpus build {evq.get('corpus_s', float('nan')):.2f} s; "
                 f"first query (builds the columns) {evq_queries[0].get('first_ms', float('nan')) if evq_queries else float('nan'):.0f} ms; "
                 f"query process: resident after loading {evq.get('rss_loaded_mb', 0):.0f} MB, at the end {evq.get('rss_end_mb', 0):.0f} MB, "
                 f"import peak {imp.get('peak_rss_mb', 0):.0f} MB.")
    text = "\n".join(lines)
    print(text)
    if "--json" in opts:
        with open(opts["--json"], "w") as f:
            json.dump(report, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
