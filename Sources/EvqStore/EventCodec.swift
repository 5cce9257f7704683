import EvqModel
import Foundation

/// A compact binary form of an event list, used by the cache: one string table (every
/// distinct string once) followed by the events as varints referring to it.
///
/// Loading a million events means one pass over a few tens of megabytes with no parsing of
/// text and one shared `String` per distinct actor, place or source. The events are written in
/// a few independent segments so that loading can decode them on several threads. The format
/// is private to the cache; it starts with a magic and a version so a stale or foreign blob is
/// refused rather than misread.
public enum EventCodec {
    /// Bumped whenever the layout changes; old blobs are then refused (and re-extracted).
    public static let version: UInt8 = 2
    static let magic: [UInt8] = Array("EVQB".utf8)
    /// Events per segment; a segment is the unit of parallel decoding.
    static let segmentSize = 65_536

    /// A blob that could not be decoded.
    public struct DecodeError: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Encodes `events` (order kept).
    public static func encode(_ events: [Event]) -> [UInt8] { encode(events, segmentSize: segmentSize) }

    static func encode(_ events: [Event], segmentSize: Int) -> [UInt8] {
        var strings = StringTable()
        var segments: [ByteWriter] = []
        var start = 0
        repeat {
            let end = min(start + segmentSize, events.count)
            var body = ByteWriter()
            for e in events[start..<end] { write(e, to: &body, strings: &strings) }
            segments.append(body)
            start = end
        } while start < events.count
        var out = ByteWriter()
        out.bytes.append(contentsOf: magic)
        out.bytes.append(version)
        out.varint(UInt64(strings.list.count))
        for s in strings.list {
            var s = s
            s.withUTF8 { u in
                out.varint(UInt64(u.count))
                out.bytes.append(contentsOf: u)
            }
        }
        out.varint(UInt64(events.count))
        out.varint(UInt64(segments.count))
        for (k, segment) in segments.enumerated() {
            out.varint(UInt64(min(segmentSize, events.count - k * segmentSize)))
            out.varint(UInt64(segment.bytes.count))
        }
        for segment in segments { out.bytes.append(contentsOf: segment.bytes) }
        return out.bytes
    }

    static func write(_ e: Event, to body: inout ByteWriter, strings: inout StringTable) {
        body.varint(strings.index(e.id))
        body.varint(strings.index(e.type.rawValue))
        let precision = DatePrecision.allCases.firstIndex(of: e.date.precision) ?? 0
        let status = Status.allCases.firstIndex(of: e.status) ?? 0
        var flags = UInt64(status) | UInt64(precision) << 2
        if e.total { flags |= 1 << 5 }
        if e.date.start != nil { flags |= 1 << 6 }
        if e.count != nil { flags |= 1 << 7 }
        if e.count?.value != nil { flags |= 1 << 8 }
        body.varint(flags)
        if let s = e.date.start, let end = e.date.end {
            body.signed(s.number)
            body.varint(UInt64(max(0, end.number - s.number)))
        }
        body.varint(strings.optional(e.date.text))
        if let c = e.count {
            if let v = c.value { body.signed(v) }
            body.varint(UInt64(Qualifier.allCases.firstIndex(of: c.qualifier) ?? 0))
            body.varint(strings.optional(c.text))
        }
        for list in [e.actors, e.places, e.sources] {
            body.varint(UInt64(list.count))
            for s in list { body.varint(strings.index(s)) }
        }
        body.varint(UInt64(e.evidence.count))
        for ev in e.evidence {
            body.varint(strings.index(ev.source))
            body.varint(strings.index(ev.sentence))
            body.signed(ev.span.start)
            body.signed(ev.span.end)
        }
        body.varint(UInt64(e.attributes.count))
        for key in e.attributes.keys.sorted() {
            body.varint(strings.index(key))
            body.varint(strings.index(e.attributes[key] ?? ""))
        }
    }

    /// Decodes a blob written by `encode`; throws on a wrong magic, version or damaged data.
    public static func decode(_ blob: [UInt8], parallelism: Int = 2) throws(DecodeError) -> [Event] {
        try blob.withUnsafeBufferPointer { (b) throws(DecodeError) in try decode(b, parallelism: parallelism) }
    }

    /// Decodes from raw bytes, on up to `parallelism` threads.
    public static func decode(_ b: UnsafeBufferPointer<UInt8>, parallelism: Int = 2) throws(DecodeError) -> [Event] {
        var r = ByteReader(bytes: b)
        guard b.count >= 5, Array(b[0..<4]) == magic else { throw DecodeError(message: "not an evq event blob") }
        guard b[4] == version else { throw DecodeError(message: "event blob version \(b[4]), expected \(version)") }
        r.pos = 5
        // The string table is only walked here; each worker builds its own `String`s from it,
        // so threads never retain the same string objects (contended reference counts cost
        // more than decoding the table twice).
        let stringCount = try r.count()
        let tableStart = r.pos
        for _ in 0..<stringCount {
            let n = try r.count()
            guard r.pos + n <= b.count else { throw DecodeError(message: "truncated event blob") }
            r.pos += n
        }
        let tableEnd = r.pos
        let eventCount = try r.count()
        let segmentCount = try r.count()
        var segments: [(events: Int, start: Int, end: Int, first: Int)] = []
        var byteTotal = 0, eventTotal = 0
        for _ in 0..<segmentCount {
            let events = try r.count(), bytes = try r.count()
            segments.append((events, byteTotal, byteTotal + bytes, eventTotal))
            byteTotal += bytes
            eventTotal += events
        }
        guard eventTotal == eventCount, r.pos + byteTotal == b.count else { throw DecodeError(message: "damaged event blob") }
        let base = r.pos
        let parts = segments
        let workers = max(1, min(parallelism, segments.count))
        let job = DecodeJob(segments: segments.count)
        var failure: DecodeError?
        let events = [Event](unsafeUninitializedCapacity: eventCount) { buffer, initialized in
            nonisolated(unsafe) let target = buffer
            nonisolated(unsafe) let source = b
            let work: @Sendable (Int) -> Void = { (w: Int) in
                var strings: [String] = []
                strings.reserveCapacity(stringCount)
                var t = ByteReader(bytes: UnsafeBufferPointer(rebasing: source[0..<tableEnd]), pos: tableStart)
                while t.pos < tableEnd, let n = try? t.count() {
                    strings.append(String(decoding: UnsafeBufferPointer(rebasing: source[t.pos..<(t.pos + n)]), as: UTF8.self))
                    t.pos += n
                }
                strings.withUnsafeBufferPointer { table in
                    var decoder = SegmentDecoder(table: table)
                    for k in (parts.count * w / workers)..<(parts.count * (w + 1) / workers) {
                        let seg = parts[k]
                        var reader = ByteReader(bytes: UnsafeBufferPointer(rebasing: source[(base + seg.start)..<(base + seg.end)]))
                        var done = 0
                        do throws(DecodeError) {
                            while done < seg.events {
                                (target.baseAddress! + seg.first + done).initialize(to: try decoder.event(&reader))
                                done += 1
                            }
                            if reader.pos != reader.bytes.count { throw DecodeError(message: "damaged event blob") }
                        } catch {
                            job.fail(k, error)
                        }
                        job.finish(k, done)
                    }
                }
            }
            if workers > 1 {
                DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
            } else {
                work(0)
            }
            if let error = job.firstError {
                // Undo the segments that did decode, so nothing leaks or dangles.
                for (k, seg) in segments.enumerated() {
                    (target.baseAddress! + seg.first).deinitialize(count: job.decoded[k])
                }
                failure = error
                initialized = 0
            } else {
                initialized = eventCount
            }
        }
        if let failure { throw failure }
        return events
    }
}

/// Per-segment results of a parallel decode; each segment writes only its own slot.
final class DecodeJob: @unchecked Sendable {
    var decoded: [Int]
    var errors: [EventCodec.DecodeError?]

    init(segments: Int) {
        decoded = Array(repeating: 0, count: segments)
        errors = Array(repeating: nil, count: segments)
    }

    func fail(_ k: Int, _ error: EventCodec.DecodeError) { errors[k] = error }
    func finish(_ k: Int, _ count: Int) { decoded[k] = count }
    var firstError: EventCodec.DecodeError? { errors.lazy.compactMap { $0 }.first }
}

/// Decodes the events of one segment against the shared string table.
struct SegmentDecoder {
    let table: UnsafeBufferPointer<String>
    private var types: [Int: EventType] = [:]

    init(table: UnsafeBufferPointer<String>) { self.table = table }

    @inline(__always)
    func string(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> String {
        let i = Int(truncatingIfNeeded: try r.varint())
        guard i >= 0, i < table.count else { throw EventCodec.DecodeError(message: "bad string reference in event blob") }
        return table[i]
    }

    @inline(__always)
    func optional(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> String? {
        let i = Int(truncatingIfNeeded: try r.varint())
        if i == 0 { return nil }
        guard i > 0, i - 1 < table.count else { throw EventCodec.DecodeError(message: "bad string reference in event blob") }
        return table[i - 1]
    }

    func list(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> [String] {
        let n = try r.count()
        if n == 0 { return [] }
        var failure: EventCodec.DecodeError?
        let out = [String](unsafeUninitializedCapacity: n) { buffer, count in
            count = 0
            while count < n {
                do {
                    (buffer.baseAddress! + count).initialize(to: try string(&r))
                    count += 1
                } catch {
                    failure = error as? EventCodec.DecodeError
                    return
                }
            }
        }
        if let failure { throw failure }
        return out
    }

    mutating func event(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> Event {
        let id = try string(&r)
        let typeIndex = Int(truncatingIfNeeded: try r.varint())
        guard typeIndex >= 0, typeIndex < table.count else { throw EventCodec.DecodeError(message: "bad string reference in event blob") }
        let type: EventType
        if let t = types[typeIndex] {
            type = t
        } else {
            type = EventType(rawValue: table[typeIndex])
            types[typeIndex] = type
        }
        let flags = try r.varint()
        guard Int(flags & 3) < Status.allCases.count, Int(flags >> 2 & 7) < DatePrecision.allCases.count else {
            throw EventCodec.DecodeError(message: "bad flags in event blob")
        }
        let status = Status.allCases[Int(flags & 3)]
        let precision = DatePrecision.allCases[Int(flags >> 2 & 7)]
        var date = EventDate.missing
        if flags & (1 << 6) != 0 {
            let s = try r.signed()
            let span = try r.varint()
            guard span <= UInt64(Int32.max), s > -Int(Int32.max), s < Int(Int32.max) else { throw EventCodec.DecodeError(message: "bad date in event blob") }
            date = EventDate(start: Day(number: s), end: Day(number: s + Int(span)), precision: precision)
        }
        date.text = try optional(&r)
        if date.start == nil { date.precision = precision }
        var count: Quantity?
        if flags & (1 << 7) != 0 {
            let value: Int? = flags & (1 << 8) != 0 ? try r.signed() : nil
            let q = Int(truncatingIfNeeded: try r.varint())
            guard q >= 0, q < Qualifier.allCases.count else { throw EventCodec.DecodeError(message: "bad qualifier in event blob") }
            var quantity = Quantity(value: value, qualifier: Qualifier.allCases[q], text: nil)
            quantity.qualifier = Qualifier.allCases[q]
            quantity.text = try optional(&r)
            count = quantity
        }
        let actors = try list(&r), places = try list(&r), sources = try list(&r)
        var evidence: [Evidence] = []
        let evidenceCount = try r.count()
        if evidenceCount > 0 {
            evidence.reserveCapacity(evidenceCount)
            for _ in 0..<evidenceCount {
                let source = try string(&r), sentence = try string(&r)
                let start = try r.signed(), end = try r.signed()
                evidence.append(Evidence(source: source, sentence: sentence, span: SourceSpanValue(start: start, end: end)))
            }
        }
        var attributes: [String: String] = [:]
        let attributeCount = try r.count()
        for _ in 0..<attributeCount {
            let key = try string(&r)
            attributes[key] = try string(&r)
        }
        return Event(
            id: id, type: type, status: status, total: flags & (1 << 5) != 0, date: date, count: count,
            actors: actors, places: places, sources: sources, evidence: evidence, attributes: attributes)
    }
}

/// Assigns each distinct string an index, in order of first use.
struct StringTable {
    var list: [String] = []
    var indices: [String: Int] = [:]

    mutating func index(_ s: String) -> UInt64 {
        if let i = indices[s] { return UInt64(i) }
        let i = list.count
        list.append(s)
        indices[s] = i
        return UInt64(i)
    }

    /// 0 for nil, index + 1 otherwise.
    mutating func optional(_ s: String?) -> UInt64 {
        guard let s else { return 0 }
        return index(s) + 1
    }
}

/// Appends LEB128 varints and zigzag-encoded signed integers.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func signed(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }
}

/// Reads what `ByteWriter` wrote, refusing truncated or oversized input.
struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0

    @inline(__always)
    mutating func varint() throws(EventCodec.DecodeError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while pos < bytes.count {
            let b = bytes[pos]
            pos += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { break }
        }
        throw EventCodec.DecodeError(message: "truncated event blob")
    }

    /// A count or length: every counted item takes at least one byte, so a value larger than
    /// the blob is corrupt (and must not size an allocation).
    @inline(__always)
    mutating func count() throws(EventCodec.DecodeError) -> Int {
        let v = try varint()
        guard v <= UInt64(bytes.count) else { throw EventCodec.DecodeError(message: "bad length in event blob") }
        return Int(v)
    }

    @inline(__always)
    mutating func signed() throws(EventCodec.DecodeError) -> Int {
        let v = try varint()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }
}
