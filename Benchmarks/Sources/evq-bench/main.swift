import EvqDiagnostics
import EvqEval
import EvqModel
import EvqStore
import Foundation

// evq's side of the benchmarks. Prints one JSON object per command on standard output, which
// Benchmarks/run.sh collects.
//
//   evq-bench import FILE                   import a JSONL/CSV event set; time, events, peak RSS
//   evq-bench cache-store FILE DB           import, then store a snapshot in the cache at DB
//   evq-bench cache-load FILE DB            load the snapshot of FILE from DB (fresh process)
//   evq-bench query FILE DB RUNS QUERY...   load (cache, else import), then run each query
//                                           RUNS times through QueryEngine.run; median time
//                                           and the answer in a normalised form
//   evq-bench codec-write FILE OUT          the cache's blob of FILE's events, to OUT
//   evq-bench codec-read OUT THREADS        decode time of that blob alone
//   evq-bench corpus-load PATH DB           load articles at PATH through the cache at DB

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// CPU time used by the whole process so far (all threads), in seconds: less sensitive than
/// wall time to other work on a shared machine.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Peak resident set size of this process in MB (Linux: ru_maxrss is in KB).
func peakRSSMB() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

/// Current resident set size of this process in MB (Linux: /proc/self/statm; 0 elsewhere).
func currentRSSMB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func emit(_ object: [String: Any]) {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("evq-bench: \(message)\n".utf8))
    exit(1)
}

func importFile(_ path: String) -> [Event] {
    do {
        let threads = ProcessInfo.processInfo.environment["EVQ_BENCH_THREADS"].flatMap { Int($0) }
        return try EventSetImporter(parallelism: threads).importFile(at: path)
    } catch {
        fail(error.description)
    }
}

func openCache(_ path: String) -> EventCache {
    do {
        let cache = try EventCache(path: path)
        for w in cache.warnings { FileHandle.standardError.write(Data("warning: \(w.message)\n".utf8)) }
        return cache
    } catch {
        fail(error.description)
    }
}

/// A result in a form the peers can produce too: counts as numbers, event lists as their size
/// and sorted ids, tables as rows of strings.
func normalise(_ result: ResultSet) -> Any {
    switch result.kind {
    case .events, .why:
        let ids = result.events.map(\.id).sorted()
        return ["events": ids.count, "ids_fnv": ContentDigest.fnv1a64Hex(ids.joined(separator: "\n")),
                "counts": result.events.map { $0.count?.value.map { $0 as Any } ?? NSNull() }]
    case .table, .timeline:
        return result.rows.map { $0.map(text) }
    }
}

func text(_ v: Value) -> Any {
    switch v {
    case .missing: return NSNull()
    case .bool(let b): return b
    case .int(let n): return n
    case .double(let d): return d
    case .text(let s): return s
    case .date(let d): return d.display
    case .duration(let days): return "\(days)d"
    case .quantity(let q): return q.value.map { $0 as Any } ?? NSNull()
    case .list(let l): return l.map(text)
    }
}

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: evq-bench import|cache-store|cache-load|query ...") }

switch command {
case "import" where args.count == 2:
    let start = ContinuousClock.now
    let cpu = cpuSeconds()
    let events = importFile(args[1])
    emit(["import_s": seconds(start), "import_cpu_s": cpuSeconds() - cpu, "events": events.count, "peak_rss_mb": peakRSSMB()])
    exit(0)

case "cache-store" where args.count == 3:
    let events = importFile(args[1])
    guard let key = EventCache.snapshotKey(forFile: args[1]) else { fail("cannot stat \(args[1])") }
    let cache = openCache(args[2])
    let start = ContinuousClock.now
    do { try cache.storeSnapshot(events, key: key) } catch { fail(error.description) }
    emit(["store_s": seconds(start), "events": events.count, "cache_mb": Double((try? cache.info().bytes) ?? 0) / 1e6])

case "cache-load" where args.count == 3:
    // Until the corpus is ready for queries: open the cache, decode the snapshot, make the
    // Corpus (a snapshot is stored in canonical order, so that is one pass, not a sort).
    guard let key = EventCache.snapshotKey(forFile: args[1]) else { fail("cannot stat \(args[1])") }
    let start = ContinuousClock.now
    let cpu = cpuSeconds()
    let cache = openCache(args[2])
    var loaded: [Event]?
    do { loaded = try cache.loadSnapshot(key: key) } catch { fail(error.description) }
    guard let events = loaded else { fail("no snapshot of \(args[1]) in \(args[2])") }
    loaded = nil
    let snapshotTime = seconds(start)
    let corpus = Corpus(events: consume events)
    emit([
        "load_s": seconds(start), "snapshot_s": snapshotTime, "load_cpu_s": cpuSeconds() - cpu, "events": corpus.all.count,
        "peak_rss_mb": peakRSSMB(),
    ])
    // Freeing a million events is not part of loading them (and takes a third as long again).
    exit(0)

case "query" where args.count >= 5:
    guard let runs = Int(args[3]), runs > 0 else { fail("RUNS must be a positive number") }
    // In a function so the loaded array is released once the corpus holds its sorted copy.
    func loadCorpus() -> (corpus: Corpus, fromCache: Bool, load: Double, build: Double) {
        let start = ContinuousClock.now
        var events: [Event]? = nil
        if let key = EventCache.snapshotKey(forFile: args[1]) {
            events = try? openCache(args[2]).loadSnapshot(key: key)
        }
        let fromCache = events != nil
        let all = events ?? importFile(args[1])
        events = nil
        let loadTime = seconds(start)
        let corpusStart = ContinuousClock.now
        let corpus = Corpus(events: all)
        return (corpus, fromCache, loadTime, seconds(corpusStart))
    }
    let loaded = loadCorpus()
    let loadedRSS = currentRSSMB(), loadPeakRSS = peakRSSMB()
    let fromCache = loaded.fromCache, loadTime = loaded.load, corpusTime = loaded.build
    let eventCount = loaded.corpus.all.count
    var context = QueryContext(corpus: loaded.corpus, today: Day(year: 2026, month: 1, day: 1)!)
    var results: [[String: Any]] = []
    for (i, query) in args.dropFirst(4).enumerated() {
        var times: [Double] = []
        var answer: Any = NSNull()
        var error: String? = nil
        for _ in 0..<runs {
            let t = ContinuousClock.now
            let outcomes = QueryEngine.run(SourceFile(name: "Q\(i + 1)", text: query), in: &context)
            times.append(seconds(t) * 1000)
            switch outcomes.last {
            case .result(let r, _)?: answer = normalise(r)
            case .failed(let diagnostics)?: error = diagnostics.map(\.message).joined(separator: "; ")
            case .bound?, nil: error = "no result"
            }
            if error != nil { break }
        }
        let first = times.first ?? 0
        times.sort()
        var entry: [String: Any] = ["query": query, "median_ms": times[times.count / 2], "runs": times.count, "first_ms": first]
        if let error { entry["error"] = error } else { entry["answer"] = answer }
        results.append(entry)
    }
    emit([
        "load_s": loadTime, "from_cache": fromCache, "corpus_s": corpusTime, "events": eventCount,
        "peak_rss_mb": peakRSSMB(), "queries": results, "rss_loaded_mb": loadedRSS, "peak_rss_loaded_mb": loadPeakRSS,
        "rss_end_mb": currentRSSMB(),
    ])

case "codec-write" where args.count == 3:
    // Writes the cache's blob of FILE's events, in canonical order, to OUT (for codec-read).
    let events = Corpus.canonicallySorted(importFile(args[1]))
    FileManager.default.createFile(atPath: args[2], contents: Data(EventCodec.encode(events)))

case "codec-read" where args.count == 3:
    // Decodes a blob written by codec-write on THREADS threads.
    guard let data = FileManager.default.contents(atPath: args[1]), let threads = Int(args[2]) else { fail("cannot read \(args[1])") }
    let blob = [UInt8](data)
    let start = ContinuousClock.now
    let cpu = cpuSeconds()
    let decoded = try? EventCodec.decode(blob, parallelism: threads)
    emit(["decode_s": seconds(start), "decode_cpu_s": cpuSeconds() - cpu, "events": decoded?.count ?? -1, "peak_rss_mb": peakRSSMB()])
    exit(0)

case "corpus-load" where args.count == 3:
    // Loads articles (and event sets) at PATH through the cache at DB, as evq --corpus does.
    let start = ContinuousClock.now
    let cpu = cpuSeconds()
    let loader = CachingCorpusLoader(cache: openCache(args[2]))
    let result: LoadResult
    do { result = try loader.load(paths: [args[1]]) } catch { fail("\(error)") }
    emit([
        "load_s": seconds(start), "load_cpu_s": cpuSeconds() - cpu, "events": result.corpus.all.count,
        "articles": result.statistics.articles, "reused": result.statistics.reusedArticles, "peak_rss_mb": peakRSSMB(),
    ])
    exit(0)

case "sizes":
    emit([
        "Event": MemoryLayout<Event>.stride, "EventDate": MemoryLayout<EventDate>.stride,
        "Quantity?": MemoryLayout<Quantity?>.stride, "String": MemoryLayout<String>.stride,
    ])

default:
    fail("usage: evq-bench import FILE | cache-store FILE DB | cache-load FILE DB | query FILE DB RUNS QUERY...")
}
