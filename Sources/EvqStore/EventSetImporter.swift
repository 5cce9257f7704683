import EvqModel
import Foundation

/// Imports event sets from JSON Lines, a JSON array, or CSV, fast enough for a million lines.
///
/// JSON input is read with a hand-written scanner over UTF-8 bytes and accepts exactly what
/// `EventSetIO.read` accepts (see `EventJSONReader`), plus CRLF line endings. JSONL files are
/// read in chunks, so memory holds the events, not the file. Errors name the file and line:
/// `events.jsonl:17: missing field `type``.
public struct EventSetImporter: Sendable {
    /// The formats the importer reads.
    public enum Format: Sendable {
        /// JSON Lines, or a JSON array when the first non-blank byte is `[`.
        case json
        /// RFC 4180 CSV with a header row (see `CSVEventReader`).
        case csv
    }

    /// Size of the chunks a JSONL file is read in.
    public var chunkSize: Int
    /// How many threads parse a large JSONL file.
    public var parallelism: Int
    /// Runs of lines shorter than this are parsed on one thread (tests lower it).
    var parallelThreshold = 256 << 10

    /// Creates an importer; `chunkSize` is how much of a JSONL file is read at a time,
    /// `parallelism` how many threads parse it (default: the active processors, at most 4).
    public init(chunkSize: Int = 8 << 20, parallelism: Int? = nil) {
        self.chunkSize = max(chunkSize, 16)
        self.parallelism = max(1, parallelism ?? min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The format a file name implies: `.csv` is CSV, anything else JSON / JSONL.
    public static func format(forPath path: String) -> Format {
        path.lowercased().hasSuffix(".csv") ? .csv : .json
    }

    /// Reads the file at `path` (format from its extension). `name` is what errors call it
    /// (default: the path).
    public func importFile(at path: String, name: String? = nil) throws(ImportError) -> [Event] {
        let file = name ?? path
        let reader: FileReader
        do {
            reader = try FileReader(path: path)
        } catch {
            throw ImportError(file: file, line: 0, message: error.message)
        }
        defer { reader.close() }
        switch EventSetImporter.format(forPath: path) {
        case .csv:
            let bytes = try readAll(reader, file: file)
            return try read(csv: bytes, file: file)
        case .json:
            return try readJSONStream(reader, file: file)
        }
    }

    /// Reads JSON Lines or a JSON array from `text`.
    public func read(json text: String, file: String) throws(ImportError) -> [Event] {
        try read(json: Array(text.utf8), file: file)
    }

    /// Reads JSON Lines or a JSON array from UTF-8 bytes.
    public func read(json bytes: [UInt8], file: String) throws(ImportError) -> [Event] {
        var parser = JSONLinesParser(file: file)
        var events: [Event] = []
        try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
            if JSONLinesParser.startsArray(buffer) {
                events = try parser.parseArray(buffer)
            } else {
                _ = try parser.parseLines(buffer, final: true, into: &events)
            }
        }
        return events
    }

    /// Reads CSV from UTF-8 bytes.
    public func read(csv bytes: [UInt8], file: String) throws(ImportError) -> [Event] {
        try CSVEventReader(file: file).read(bytes)
    }

    private func readAll(_ reader: FileReader, file: String) throws(ImportError) -> [UInt8] {
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n: Int
            do { n = try reader.read(into: &chunk, at: 0) } catch { throw ImportError(file: file, line: 0, message: error.message) }
            if n == 0 { return all }
            all.append(contentsOf: chunk[0..<n])
        }
    }

    /// Reads a JSON file chunk by chunk: the complete lines in the buffer are parsed (cut into
    /// parts parsed on several threads when the chunk is large) while another thread reads the
    /// next chunk into a second buffer, after the unfinished tail of this one.
    private func readJSONStream(_ reader: FileReader, file: String) throws(ImportError) -> [Event] {
        var events: [Event] = []
        var current = ChunkBuffer(size: chunkSize), next = ChunkBuffer(size: chunkSize)
        var filled = 0
        var final = false
        func readMore() throws(ImportError) {
            if filled == current.bytes.count { current.grow(keeping: filled) }
            let n: Int
            do { n = try reader.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: current.bytes[filled...]))) } catch {
                throw ImportError(file: file, line: 0, message: error.message)
            }
            filled += n
            final = n == 0
        }
        // Read until something other than blanks has been seen: an array is read whole.
        while true {
            try readMore()
            let seen = UnsafeBufferPointer(rebasing: current.bytes[0..<filled])
            if JSONLinesParser.startsArray(seen) {
                var rest = Array(seen)
                rest += try readAll(reader, file: file)
                var parser = JSONLinesParser(file: file)
                return try rest.withUnsafeBufferPointer { (b) throws(ImportError) in try parser.parseArray(b) }
            }
            if final || !JSONLinesParser.isBlank(seen) { break }
        }
        let workers = LineWorkers(file: file, count: parallelism, threshold: parallelThreshold)
        var line = 0
        while true {
            let region = UnsafeBufferPointer(rebasing: current.bytes[0..<filled])
            let end = final ? filled : JSONLinesParser.lastLineEnd(region)
            if end == 0 && !final {
                // A line longer than the buffer: read on.
                try readMore()
                continue
            }
            let tail = filled - end
            next.reserve(max(chunkSize, tail * 2))
            if tail > 0 {
                next.bytes.baseAddress!.update(from: current.bytes.baseAddress! + end, count: tail)
            }
            let pending = PendingRead()
            if !final {
                nonisolated(unsafe) let into = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: next.bytes[tail...]))
                nonisolated(unsafe) let from = reader
                pending.group.enter()
                DispatchQueue.global().async {
                    do throws(FileError) { pending.count = try from.read(into: into) } catch { pending.error = error }
                    pending.group.leave()
                }
            }
            do {
                line = try workers.parse(UnsafeBufferPointer(rebasing: region[0..<end]), firstLine: line, into: &events)
            } catch {
                pending.group.wait()
                throw error
            }
            pending.group.wait()
            if let error = pending.error { throw ImportError(file: file, line: 0, message: error.message) }
            if events.capacity < 1024, end > 0, line > 0, reader.size > end {
                // Size the array once from the first chunk's line length: growing it by
                // doubling would briefly hold two copies of a large event set.
                let estimate = Double(reader.size) / (Double(end) / Double(line)) * 1.05
                events.reserveCapacity(Int(min(estimate, 50_000_000)))
            }
            if final {
                workers.flush(into: &events)
                return events
            }
            swap(&current, &next)
            filled = tail + pending.count
            final = pending.count == 0
        }
    }
}

/// The outcome of a read on another thread (see `readJSONStream`), valid after `group.wait()`.
private final class PendingRead: @unchecked Sendable {
    let group = DispatchGroup()
    var count = 0
    var error: FileError?
}

/// A growable byte buffer that is not an `Array`, so another thread can fill it while this one
/// reads its twin.
private struct ChunkBuffer: ~Copyable {
    private(set) var bytes: UnsafeMutableBufferPointer<UInt8>

    init(size: Int) {
        bytes = .allocate(capacity: max(size, 16))
    }

    /// Doubles the buffer, keeping its first `count` bytes.
    mutating func grow(keeping count: Int) {
        let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count * 2)
        if count > 0 { bigger.baseAddress!.update(from: bytes.baseAddress!, count: count) }
        bytes.deallocate()
        bytes = bigger
    }

    /// Makes room for at least `size` bytes (the contents are not kept).
    mutating func reserve(_ size: Int) {
        guard bytes.count < size else { return }
        bytes.deallocate()
        bytes = .allocate(capacity: size)
    }

    deinit { bytes.deallocate() }
}

/// Parses a run of complete lines on up to `count` threads: the run is cut at line ends into
/// equal parts, each parsed by its own `JSONLinesParser` (own interner, so no sharing), and
/// the events are appended in file order. Line numbers stay exact: each part starts at the
/// line after the newlines of the parts before it.
final class LineWorkers: @unchecked Sendable {
    // Each worker touches only its own slot while `concurrentPerform` runs; the caller reads
    // them after it returns.
    private var parsers: [JSONLinesParser]
    /// Two sets of outputs, used in turn: while the other workers fill one, worker 0 moves
    /// the other (the previous run's) onto the result before parsing its own part, so that
    /// move overlaps their parsing instead of following it.
    private var outputs: [[EventRun]]
    private var current = 0
    private var errors: [ImportError?]
    private var parts: [(start: Int, end: Int, line: Int)] = []
    private nonisolated(unsafe) var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    private let threshold: Int

    init(file: String, count: Int, threshold: Int) {
        self.threshold = threshold
        parsers = Array(repeating: JSONLinesParser(file: file), count: max(1, count))
        outputs = (0..<2).map { _ in (0..<max(1, count)).map { _ in EventRun() } }
        errors = Array(repeating: nil, count: max(1, count))
    }

    /// Parses `b` (which ends at a line end, or at the end of the file) whose first line is
    /// `firstLine + 1`; returns the number of the last line read. The events of all but the
    /// first part reach `events` at the next call or at `flush`.
    func parse(_ b: UnsafeBufferPointer<UInt8>, firstLine: Int, into events: inout [Event]) throws(ImportError) -> Int {
        let n = parsers.count
        // Below a few hundred kilobytes threads cost more than they save.
        let pieces = b.count < threshold ? 1 : n
        parts.removeAll(keepingCapacity: true)
        var start = 0, line = firstLine
        for k in 0..<pieces {
            var end = k == pieces - 1 ? b.count : max(start, b.count * (k + 1) / pieces)
            if end < b.count { end = JSONLinesParser.nextLineEnd(b, from: end) }
            parts.append((start, end, line))
            line += JSONLinesParser.newlines(b, start, end)
            start = end
        }
        bytes = b
        current = 1 - current
        // The first part is parsed straight onto the end of `events` (it comes first in file
        // order); only the others go through `outputs`, which costs a copy of each event.
        withUnsafeMutablePointer(to: &events) { target in
            nonisolated(unsafe) let first = target
            if pieces == 1 {
                work(0, into: first)
            } else {
                DispatchQueue.concurrentPerform(iterations: pieces) { self.work($0, into: $0 == 0 ? first : nil) }
            }
        }
        var last = firstLine
        for k in 0..<pieces {
            if let error = errors[k] {
                errors[k] = nil
                throw error
            }
            last = parsers[k].line
        }
        return last
    }

    /// Appends the events of the last run's other parts (after its first part, in order).
    func flush(into events: inout [Event]) {
        flush(set: current, into: &events)
    }

    private func flush(set: Int, into events: inout [Event]) {
        for k in outputs[set].indices.dropFirst() where outputs[set][k].count > 0 {
            outputs[set][k].move(onto: &events)
        }
    }

    private func work(_ k: Int, into target: UnsafeMutablePointer<[Event]>?) {
        let part = parts[k]
        parsers[k].line = part.line
        let bytes = UnsafeBufferPointer(rebasing: bytes[part.start..<part.end])
        do {
            if let target {
                flush(set: 1 - current, into: &target.pointee)
                _ = try parsers[k].parseLines(bytes, final: true, into: &target.pointee)
            } else {
                var run = outputs[current][k]
                _ = try parsers[k].parseLines(bytes, final: true, into: &run)
            }
        } catch {
            errors[k] = error
        }
    }
}

/// Splits JSON text into lines and reads one event per non-blank, non-`#` line; or reads a
/// JSON array of events. Keeps the line count across chunks.
struct JSONLinesParser {
    let file: String
    var line = 0
    var reader = EventJSONReader()

    init(file: String) { self.file = file }

    /// True when the first byte after blanks and byte order marks is `[`.
    static func startsArray(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            if isSpace(b[i]) {
                i += 1
            } else if i + 2 < b.count, b[i] == 0xEF, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
                i += 3
            } else {
                return b[i] == UInt8(ascii: "[")
            }
        }
        return false
    }

    static func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        !startsArray(b) && b.allSatisfy { isSpace($0) || $0 >= 0x80 }
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

    /// Parses every complete line of `b` (all of it when `final`), appending events; returns how
    /// many bytes were consumed.
    mutating func parseLines<Sink: EventSink>(_ b: UnsafeBufferPointer<UInt8>, final: Bool, into events: inout Sink) throws(ImportError) -> Int {
        guard let base = b.baseAddress else { return 0 }
        var start = 0
        while start < b.count {
            let end: Int
            if let hit = memchr(base + start, 0x0A, b.count - start) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else if final {
                end = b.count
            } else {
                return start
            }
            line += 1
            try parseLine(b, start, end, into: &events)
            start = end + 1
        }
        return min(start, b.count)
    }

    private mutating func parseLine<Sink: EventSink>(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into events: inout Sink) throws(ImportError) {
        var s = from, e = to
        while e > s, JSONLinesParser.isSpace(b[e - 1]) { e -= 1 }
        while s < e {
            if JSONLinesParser.isSpace(b[s]) {
                s += 1
            } else if s + 2 < e, b[s] == 0xEF, b[s + 1] == 0xBB, b[s + 2] == 0xBF {
                s += 3
            } else {
                break
            }
        }
        if s == e || b[s] == UInt8(ascii: "#") { return }
        var scanner = JSONScanner(b, from: s, to: e)
        do throws(ScanError) {
            let event = try reader.readEvent(&scanner)
            scanner.skipWhitespace()
            guard scanner.pos == e else { throw scanner.fail("not valid JSON: text after the event object") }
            events.append(event)
        } catch {
            throw ImportError(file: file, line: line, message: error.message)
        }
    }

    /// Reads a whole JSON array of event objects.
    mutating func parseArray(_ b: UnsafeBufferPointer<UInt8>) throws(ImportError) -> [Event] {
        var s = JSONScanner(b, from: 0, to: b.count)
        var events: [Event] = []
        do throws(ScanError) {
            while s.pos < s.end {
                s.skipWhitespace()
                if s.pos + 2 < s.end, b[s.pos] == 0xEF, b[s.pos + 1] == 0xBB, b[s.pos + 2] == 0xBF { s.pos += 3 } else { break }
            }
            try s.expect(UInt8(ascii: "["))
            if !s.consume(UInt8(ascii: "]")) {
                repeat { events.append(try reader.readEvent(&s)) } while s.consume(UInt8(ascii: ","))
                try s.expect(UInt8(ascii: "]"))
            }
            s.skipWhitespace()
            guard s.pos == s.end else { throw s.fail("not valid JSON: text after the array") }
        } catch {
            throw ImportError(file: file, line: JSONLinesParser.lineNumber(b, error.offset), message: error.message)
        }
        return events
    }

    /// The offset just after the last newline of `b` (0 if there is none).
    static func lastLineEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = b.count
        while i > 0 {
            if b[i - 1] == 0x0A { return i }
            i -= 1
        }
        return 0
    }

    /// The offset just after the first newline at or after `from` (the end if there is none).
    static func nextLineEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = b.baseAddress, from < b.count else { return b.count }
        guard let hit = memchr(base + from, 0x0A, b.count - from) else { return b.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// How many lines `[start, end)` holds, counting a last line without a newline.
    static func newlines(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var n = 0, i = start
        while i < end {
            i = nextLineEnd(UnsafeBufferPointer(rebasing: b[0..<end]), from: i)
            n += 1
        }
        return n
    }

    /// 1-based line of a byte offset.
    static func lineNumber(_ b: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var n = 1
        for i in 0..<min(max(offset, 0), b.count) where b[i] == 0x0A { n += 1 }
        return n
    }
}
