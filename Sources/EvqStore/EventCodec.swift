import EvqModel
import Foundation

/// A compact binary form of an event list, used by the cache: a header with one string table
/// (every distinct name, source, text once) and one list table (every actor, place or source
/// list that more than one event names, once), then the events as varints referring to them, in independent segments.
///
/// Loading a million events means one pass over a few tens of megabytes with no parsing of
/// text. Each repeated list is built once per decoding thread and shared by every event that
/// names it (copy-on-write arrays), which saves both the allocations and their memory: in a
/// typical event set most place lists and many source lists repeat. Segments are the unit of
/// parallel decoding, and the cache stores them in chunks of whole segments, so a snapshot is
/// decoded chunk by chunk as SQLite hands the rows over, never assembled into one blob. The
/// format is private to the cache; it starts with a magic and a version so a stale or foreign
/// blob is refused rather than misread.
///
///     "EVQB" version
///     strings: count, then (length, UTF-8 bytes) each
///     lists: count, then (length, string index each) each
///     events: count; segments: count, then (events, bytes) each
///     segment bodies, one after another
///
/// An event is: id (length, bytes: ids are distinct, a table would only add an indirection),
/// type (string index), flags, date, date text, count, actors, places and sources (see
/// `ListTable.write`), evidence, attributes (sorted by key).
public enum EventCodec {
    /// Bumped whenever the layout changes; old blobs are then refused (and re-extracted).
    public static let version: UInt8 = 3
    static let magic: [UInt8] = Array("EVQB".utf8)
    /// Events per segment; a segment is the unit of parallel decoding (and of a snapshot
    /// chunk), small enough that every chunk holds several for the threads to share.
    static let segmentSize = 8192

    /// A blob that could not be decoded.
    public struct DecodeError: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        public var message: String
        /// The message.
        public var description: String { message }

        static let damaged = DecodeError(message: "damaged event blob")
        static let truncated = DecodeError(message: "truncated event blob")
        static let badReference = DecodeError(message: "bad string reference in event blob")
    }

    /// An encoded event list as its header and its segment bodies (the blob is their
    /// concatenation).
    struct Parts {
        var header: [UInt8]
        var segments: [[UInt8]]

        init(header: [UInt8], segments: [[UInt8]]) {
            self.header = header
            self.segments = segments
        }

        /// A whole blob cut back into its header and segments (checked as far as the header).
        init(splitting b: UnsafeBufferPointer<UInt8>) throws(DecodeError) {
            let h = try BlobHeader(b)
            guard h.length + h.segmentBytes == b.count else { throw DecodeError.damaged }
            header = Array(b[0..<h.length])
            var offset = h.length
            segments = h.segments.map { segment in
                defer { offset += segment.bytes }
                return Array(b[offset..<(offset + segment.bytes)])
            }
        }

        var blob: [UInt8] {
            var out = header
            out.reserveCapacity(header.count + segments.reduce(0) { $0 + $1.count })
            for s in segments { out.append(contentsOf: s) }
            return out
        }
    }

    /// Encodes `events` (order kept).
    public static func encode(_ events: [Event]) -> [UInt8] { encodeParts(events).blob }

    static func encode(_ events: [Event], segmentSize: Int) -> [UInt8] {
        encodeParts(events, segmentSize: segmentSize).blob
    }

    /// Encodes `events` in `order` (positions into `events`; nil: as they are).
    static func encodeParts(_ events: [Event], order: [Int]? = nil, segmentSize: Int = segmentSize) -> Parts {
        var strings = StringTable()
        var lists = events.withUnsafeBufferPointer { ListTable($0, order: order, strings: &strings) }
        var segments: [[UInt8]] = []
        var segmentEvents: [Int] = []
        let size = max(1, segmentSize)
        var start = 0
        repeat {
            let end = min(start + size, events.count)
            var body = ByteWriter()
            events.withUnsafeBufferPointer { e in
                for k in start..<end { write(e[order?[k] ?? k], position: k, to: &body, strings: &strings, lists: &lists) }
            }
            segments.append(body.bytes)
            segmentEvents.append(end - start)
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
        lists.writeTable(to: &out)
        out.varint(UInt64(events.count))
        out.varint(UInt64(segments.count))
        for (k, segment) in segments.enumerated() {
            out.varint(UInt64(segmentEvents[k]))
            out.varint(UInt64(segment.count))
        }
        return Parts(header: out.bytes, segments: segments)
    }

    /// Writes the event that comes `position`-th.
    static func write(_ e: borrowing Event, position: Int, to body: inout ByteWriter, strings: inout StringTable, lists: inout ListTable) {
        var id = e.id
        id.withUTF8 { u in
            body.varint(UInt64(u.count))
            body.bytes.append(contentsOf: u)
        }
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
        for which in 0..<3 { lists.write(position * 3 + which, to: &body) }
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
        let header = try BlobHeader(b)
        guard header.length + header.segmentBytes == b.count else { throw DecodeError.damaged }
        do {
            return try decode(header: header, headerBytes: b, parallelism: parallelism, piecesOutlive: true) { take in
                _ = take(UnsafeBufferPointer(rebasing: b[header.length...]))
            }
        } catch let error as DecodeError {
            throw error
        } catch {
            throw DecodeError(message: "\(error)")
        }
    }

    /// Decodes an event list whose segments arrive in pieces: `pieces` calls its argument
    /// with each piece in order (the bytes need to live only for that call; the argument
    /// returns false once decoding has failed, after which `pieces` should stop). Every piece
    /// holds whole segments. `headerBytes` must stay valid until this returns, and so must the
    /// pieces when `piecesOutlive` (otherwise they are copied). Errors of `pieces` (a database
    /// read) are passed on; nothing decoded leaks when anything fails.
    static func decode(
        header: BlobHeader, headerBytes: UnsafeBufferPointer<UInt8>, parallelism: Int, piecesOutlive: Bool = false,
        pieces: ((UnsafeBufferPointer<UInt8>) -> Bool) throws -> Void
    ) throws -> [Event] {
        var failure: (any Error)?
        let events = [Event](unsafeUninitializedCapacity: header.eventCount) { buffer, initialized in
            let sink = SegmentSink(header: header, headerBytes: headerBytes, target: buffer.baseAddress, parallelism: parallelism)
            do {
                try pieces { sink.take($0, outlivesDecoding: piecesOutlive) }
                guard sink.finish() else { throw sink.error ?? DecodeError.damaged }
                initialized = header.eventCount
            } catch {
                sink.undo()
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return events
    }
}

/// Assigns each distinct string an index, in order of first use (`IdentityInterner`).
struct StringTable {
    private var table = IdentityInterner()
    var list: [String] { table.strings }

    mutating func index(_ s: String) -> UInt64 { UInt64(table.id(s)) }

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
