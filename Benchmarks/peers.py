#!/usr/bin/env python3
"""The peers' side of evq's benchmark: load the same JSONL and answer Q1-Q6 the way evq's
semantics define them (docs: DESIGN.md "Dates" and "Counts"), timing warm queries.

    peers.py duckdb|sqlite3|jq|eql FILE NAME PLACE RUNS

Prints one JSON object: load_s, peak_rss_mb, and per query the median time in ms and the
answer in the normalised form bench.py compares with evq's.

Semantics shared by every peer (the `events` collection is status = occurred and not total):
  Q1 releases where date > 2025-09      type in (release, pardon, amnesty, exchange), start >= 2025-10-01
  Q2 ... | count
  Q3 events | count by month(date)      compared on events whose date lies within one month
  Q4 events | sort count desc | take 10 compared as the ten count values
  Q5 events where actors contains NAME
  Q6 events where date >= 2024-07 and count >= 10 and places contains PLACE | count
     count >= 10 must hold for every possible value: exact/about v >= 10, at_least v >= 10,
     more_than v + 1 >= 10; at_most and unspecified never.
"""
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time

RELEASES = ("release", "pardon", "amnesty", "exchange")


def fnv(ids):
    h = 0xCBF29CE484222325
    for b in "\n".join(sorted(ids)).encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def ids_answer(ids):
    return {"events": len(ids), "ids_fnv": fnv(ids)}


def peak_mb(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024


def timed(fn, runs):
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def sql_queries(name, place, contains):
    e = "status = 'occurred' AND NOT total"
    rel = "type IN ('release','pardon','amnesty','exchange')"
    q6count = ("(CASE qualifier WHEN 'exact' THEN cvalue >= 10 WHEN 'about' THEN cvalue >= 10 "
               "WHEN 'at_least' THEN cvalue >= 10 WHEN 'more_than' THEN cvalue + 1 >= 10 ELSE 0 END)")
    return [
        ("ids", f"SELECT id FROM ev WHERE {e} AND {rel} AND dstart > '2025-09-30'"),
        ("int", f"SELECT count(*) FROM ev WHERE {e} AND {rel} AND dstart > '2025-09-30'"),
        ("months", f"SELECT substr(dstart, 1, 7) AS m, count(*) FROM ev WHERE {e} AND dstart IS NOT NULL AND substr(dstart, 1, 7) = substr(dend, 1, 7) GROUP BY m ORDER BY m"),
        ("values", f"SELECT cvalue FROM ev WHERE {e} AND cvalue IS NOT NULL ORDER BY cvalue DESC LIMIT 10"),
        ("ids", f"SELECT id FROM ev WHERE {e} AND {contains('actors', name)}"),
        ("int", f"SELECT count(*) FROM ev WHERE {e} AND dstart >= '2024-07-01' AND {q6count} AND {contains('places', place)}"),
    ]


def shape(kind, rows):
    if kind == "ids":
        return ids_answer([r[0] for r in rows])
    if kind == "int":
        return rows[0][0]
    if kind == "months":
        return [[r[0], r[1]] for r in rows]
    return [r[0] for r in rows]


def duckdb_peer(path, name, place, runs):
    import duckdb
    con = duckdb.connect()
    t = time.perf_counter()
    con.execute(f"""
        CREATE TABLE ev AS SELECT id, type, status, total,
            date.start AS dstart, date."end" AS dend, date.precision AS precision,
            count.value AS cvalue, count.qualifier AS qualifier, actors, places
        FROM read_json('{path}', format = 'newline_delimited', columns = {{
            'id': 'VARCHAR', 'type': 'VARCHAR', 'status': 'VARCHAR', 'total': 'BOOLEAN',
            'date': 'STRUCT(start VARCHAR, "end" VARCHAR, precision VARCHAR, text VARCHAR)',
            'count': 'STRUCT(value BIGINT, qualifier VARCHAR, text VARCHAR)',
            'actors': 'VARCHAR[]', 'places': 'VARCHAR[]'}})""")
    load = time.perf_counter() - t
    contains = lambda col, v: f"list_contains({col}, '{v}')"
    out = []
    for kind, sql in sql_queries(name, place, contains):
        ms, rows = timed(lambda: con.execute(sql).fetchall(), runs)
        out.append({"median_ms": ms, "answer": shape(kind, rows)})
    return {"load_s": load, "queries": out, "peak_rss_mb": peak_mb()}


def sqlite3_peer(path, name, place, runs):
    contains = lambda col, v: f"EXISTS (SELECT 1 FROM json_each({col}) WHERE value = '{v}')"
    queries = sql_queries(name, place, contains)
    lines = [
        ".bail on", ".mode ascii", '.separator "\\037" "\\n"', "CREATE TABLE raw(line TEXT);",
        ".timer on", "SELECT '@@load';", f".import {path} raw",
        """CREATE TABLE ev AS SELECT json_extract(line, '$.id') AS id, json_extract(line, '$.type') AS type,
             json_extract(line, '$.status') AS status, json_extract(line, '$.total') AS total,
             json_extract(line, '$.date.start') AS dstart, json_extract(line, '$.date.end') AS dend,
             json_extract(line, '$.date.precision') AS precision, json_extract(line, '$.count.value') AS cvalue,
             json_extract(line, '$.count.qualifier') AS qualifier, json_extract(line, '$.actors') AS actors,
             json_extract(line, '$.places') AS places FROM raw;""",
        "DROP TABLE raw;", ".mode list", '.separator "|" "\\n"',
    ]
    for k, (kind, sql) in enumerate(queries):
        lines.append(f"SELECT '@@answer{k}';")
        lines.append(sql + ";")
        for _ in range(runs):
            lines.append(f"SELECT '@@run{k}';")
            lines.append(f"SELECT count(*) FROM ({sql});" if kind == "ids" else sql + ";")
    lines.append("SELECT '@@end';")
    t = time.perf_counter()
    proc = subprocess.run(["sqlite3", ":memory:"], input="\n".join(lines) + "\n", capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip()[:500])
    section, load, answers, times, first = None, 0.0, {}, {}, True
    for line in proc.stdout.splitlines():
        if line.startswith("@@"):
            section, first = line[2:], True
            continue
        if line.startswith("Run Time: real"):
            real = float(line.split()[3])
            if section == "load":
                load += real
            elif section and section.startswith("run") and not first:
                times.setdefault(int(section[3:]), []).append(real * 1000)
            first = False  # the first timer line after a marker times the marker SELECT itself
            continue
        if section and section.startswith("answer"):
            answers.setdefault(int(section[6:]), []).append(line.split("|"))
    out = []
    for k, (kind, _) in enumerate(queries):
        rows = answers.get(k, [])
        if kind == "int":
            rows = [[int(r[0])] for r in rows]
        elif kind == "months":
            rows = [[r[0], int(r[1])] for r in rows]
        elif kind == "values":
            rows = [[int(r[0])] for r in rows]
        out.append({"median_ms": statistics.median(times.get(k, [float("nan")])), "answer": shape(kind, rows)})
    return {"load_s": load, "queries": out, "peak_rss_mb": peak_mb(resource.RUSAGE_CHILDREN),
            "wall_s": time.perf_counter() - t}


def jq_peer(path, name, place, runs):
    e = '(.status == "occurred" and .total == false)'
    rel = '(.type == "release" or .type == "pardon" or .type == "amnesty" or .type == "exchange")'
    after = '(.date.start != null and .date.start > "2025-09-30")'
    q6 = ('(.date.start != null and .date.start >= "2024-07-01" and .count != null and .count.value != null and '
          '(((.count.qualifier == "exact" or .count.qualifier == "about" or .count.qualifier == "at_least") and .count.value >= 10) '
          'or (.count.qualifier == "more_than" and .count.value + 1 >= 10)) and any(.places[]; . == $p))')
    programs = [
        ("ids", f"[inputs | select({e} and {rel} and {after}) | .id]"),
        ("int", f"[inputs | select({e} and {rel} and {after})] | length"),
        ("months", f'reduce (inputs | select({e} and .date.start != null and .date.start[0:7] == .date.end[0:7]) | .date.start[0:7]) as $m ({{}}; .[$m] += 1) | to_entries | map([.key, .value])'),
        ("values", f"[inputs | select({e} and .count != null and .count.value != null) | .count.value] | sort | reverse | .[0:10]"),
        ("ids", f"[inputs | select({e} and any(.actors[]; . == $n)) | .id]"),
        ("int", f"[inputs | select({e} and {q6})] | length"),
    ]
    out = []
    for kind, prog in programs:
        t = time.perf_counter()
        proc = subprocess.run(["jq", "-n", "-c", "--arg", "n", name, "--arg", "p", place, prog, path], capture_output=True, text=True)
        ms = (time.perf_counter() - t) * 1000
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.strip()[:500])
        value = json.loads(proc.stdout)
        answer = ids_answer(value) if kind == "ids" else sorted(value) if kind == "months" else value
        out.append({"median_ms": ms, "answer": answer, "one_shot": True})
    return {"load_s": 0.0, "queries": out, "peak_rss_mb": peak_mb(resource.RUSAGE_CHILDREN)}


def eql_peer(path, name, place, runs):
    import eql
    t = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        events = [eql.Event(d["type"], 0, d) for d in map(json.loads, f)]
    load = time.perf_counter() - t
    e = 'status == "occurred" and total == false'
    rel = 'category == "releases"'
    after = 'date.start != null and date.start > "2025-09-30"'
    q6 = ('date.start != null and date.start >= "2024-07-01" and count.value != null and '
          '((count.qualifier in ("exact", "about", "at_least") and count.value >= 10) or '
          '(count.qualifier == "more_than" and count.value + 1 >= 10)) and arrayContains(places, "%s")' % place)
    queries = [
        ("ids", f"any where {e} and {rel} and {after}"),
        ("int", f"any where {e} and {rel} and {after} | count"),
        ("months", None),  # EQL's count pipe groups by fields, and it has no month() of a date
        ("values", f"any where {e} and count.value != null | sort count.value | tail 10"),
        ("ids", f'any where {e} and arrayContains(actors, "{name}")'),
        ("int", f"any where {e} and {q6} | count"),
    ]

    def run(query):
        engine = eql.PythonEngine()
        results = []
        engine.add_output_hook(results.append)
        with eql.parser.ignore_missing_fields:
            engine.add_query(eql.parse_query(query))
        engine.stream_events(events)
        return [ev for r in results for ev in r.events]

    out = []
    for kind, query in queries:
        if query is None:
            out.append({"median_ms": None, "answer": None, "note": "not expressible"})
            continue
        ms, found = timed(lambda: run(query), runs)
        if kind == "ids":
            answer = ids_answer([ev.data["id"] for ev in found])
        elif kind == "int":
            answer = next((ev.data["count"] for ev in found if ev.data.get("key") == "totals"), 0)
        else:
            answer = sorted((ev.data["count"]["value"] for ev in found), reverse=True)
        out.append({"median_ms": ms, "answer": answer})
    return {"load_s": load, "queries": out, "peak_rss_mb": peak_mb()}


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    peer, path, name, place, runs = argv[0], argv[1], argv[2], argv[3], int(argv[4])
    fn = {"duckdb": duckdb_peer, "sqlite3": sqlite3_peer, "jq": jq_peer, "eql": eql_peer}[peer]
    print(json.dumps(fn(path, name, place, runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
