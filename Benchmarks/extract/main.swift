import EvqExtract
import EvqModel
import Foundation

// Extraction throughput benchmark (not part of `swift test`).
//
//   swift run -c release extract-bench [--mb N] [PATH...]   prints MB/s for N MB of article text
//   swift run extract-bench --dump PATH...                   prints the extracted events (one line each)
//   EXTRACT_BENCH_STAGES=1 also times decoding, blocks and tokens alone; EXTRACT_BENCH_ONLY_MANY=1
//   times only the many-articles input.
//
// Without paths it uses seeds/. Three inputs are timed: many articles (the inputs repeated
// under distinct names), one large file (all inputs concatenated), and one single line of the
// same size (newlines replaced by spaces), to show time stays linear in input size.

var args = Array(CommandLine.arguments.dropFirst())
var megabytes = 10
var dump = false
if let k = args.firstIndex(of: "--mb"), k + 1 < args.count, let n = Int(args[k + 1]) {
    megabytes = n
    args.removeSubrange(k...(k + 1))
}
if let k = args.firstIndex(of: "--dump") {
    dump = true
    args.remove(at: k)
}
let paths = args.isEmpty ? ["seeds"] : args

if dump {
    do {
        let result = try CorpusLoader().load(paths: paths)
        for w in result.warnings { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
        for d in result.corpus.documents {
            print("# doc \(d.name) title=\(d.title.debugDescription) published=\(d.published.display) text=\(d.published.text ?? "") source=\(d.dateSource.rawValue) place=\(d.datelinePlace ?? "-") events=\(d.eventCount)")
        }
        for (k, v) in result.corpus.aliases.sorted(by: { $0.key < $1.key }) { print("# alias \(k) <- \(v)") }
        for e in result.corpus.all {
            let attrs = e.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("\(e.id) \(e.type) \(e.status) total=\(e.total) date=\(e.date.display) count=\(e.count?.display ?? "-") actors=\(e.actors) places=\(e.places) src=\(e.sources) \(attrs)")
            for ev in e.evidence { print("     | \(ev.source): \(ev.sentence.prefix(150))") }
        }
    } catch {
        print("error: \(error)")
    }
    exit(0)
}

var inputs: [RawDocument] = []
for p in paths {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: p, isDirectory: &isDir) else { continue }
    let files = isDir.boolValue ? ((try? fm.contentsOfDirectory(atPath: p)) ?? []).sorted().map { p + "/" + $0 } : [p]
    for f in files where f.hasSuffix(".txt") || f.hasSuffix(".md") || f.hasSuffix(".html") {
        if let d = fm.contents(atPath: f) { inputs.append(RawDocument(name: (f as NSString).lastPathComponent, bytes: [UInt8](d))) }
    }
}
guard !inputs.isEmpty else {
    print("no articles found in \(paths)")
    exit(1)
}
let target = megabytes * 1_000_000
var many: [RawDocument] = []
var size = 0
var n = 0
while size < target {
    let d = inputs[n % inputs.count]
    many.append(RawDocument(name: "\(n)-\(d.name)", bytes: d.bytes))
    size += d.bytes.count
    n += 1
}
/// The articles as one file (blank lines between them), and as one line (newlines -> spaces).
/// (Built in plain functions: a closure at top level would be main-actor isolated and pay an
/// executor check per byte, which distorts instruction counts under callgrind.)
func joined(_ docs: [RawDocument]) -> [UInt8] {
    var out: [UInt8] = []
    for d in docs { out += d.bytes; out += [0x0A, 0x0A] }
    return out
}
func spaced(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    for k in out.indices where out[k] == 0x0A { out[k] = 0x20 }
    return out
}
let big = RawDocument(name: "big.txt", bytes: joined(many))
let line = RawDocument(name: "line.txt", bytes: spaced(big.bytes))

/// CPU time of this process (user + system), so that MB/s is per core even on a busy machine.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func time(_ label: String, _ docs: [RawDocument]) {
    let bytes = docs.reduce(0) { $0 + $1.bytes.count }
    let start = DispatchTime.now().uptimeNanoseconds
    let cpu0 = cpuSeconds()
    let r = Extractor().extract(docs)
    let cpu = cpuSeconds() - cpu0
    let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let mb = Double(bytes) / 1e6
    print(String(format: "%-22@ %7.2f MB  wall %6.3f s  cpu %6.3f s  %7.2f MB/s per core (wall %6.2f MB/s)  %d events",
        label as NSString, mb, secs, cpu, mb / cpu, mb / secs, r.corpus.all.count))
}
time("\(many.count) articles", many)
if ProcessInfo.processInfo.environment["EXTRACT_BENCH_ONLY_MANY"] != nil && ProcessInfo.processInfo.environment["EXTRACT_BENCH_STAGES"] == nil { exit(0) }
time("one file", [big])
let half = RawDocument(name: "half.txt", bytes: Array(line.bytes.prefix(line.bytes.count / 2)))
time("one line, half size", [half])
time("one line", [line])
if ProcessInfo.processInfo.environment["EXTRACT_BENCH_STAGES"] != nil {
    let tokenizer = Tokenizer()
    let c0 = cpuSeconds()
    var ntok = 0
    for d in many {
        let out = TextDecoder().decode(d.bytes)
        let u = Array(out.text.utf8)
        let blocks = BoilerplateClassifier().classify(BlockSplitter().split(u), in: u)
        for b in blocks where b.kind != .boilerplate { ntok += tokenizer.tokenize(u, from: b.start, to: b.end).count }
    }
    let c1 = cpuSeconds()
    print(String(format: "stages decode+blocks+tokens only: %.2f MB/s per core (%d tokens)", Double(size) / 1e6 / (c1 - c0), ntok))
}
