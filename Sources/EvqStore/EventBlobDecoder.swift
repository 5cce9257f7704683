import EvqModel
import Foundation

/// The front of an encoded event list (see `EventCodec`): where its string table lies, its
/// distinct lists, and the segment directory. Everything is checked here, so decoding an
/// event only has to check its own references.
struct BlobHeader: Sendable {
    var stringCount: Int
    /// Byte offsets of the string table within the header.
    var stringTable: Range<Int>
    /// List `k` is `listItems[listStarts[k] ..< listStarts[k + 1]]` (string indices).
    var listStarts: [Int32]
    var listItems: [Int32]
    var eventCount: Int
    var segments: [(events: Int, bytes: Int)]
    /// Bytes of the header, and of all segments together.
    var length: Int
    var segmentBytes: Int

    init(_ b: UnsafeBufferPointer<UInt8>) throws(EventCodec.DecodeError) {
        guard b.count >= 5, Array(b[0..<4]) == EventCodec.magic else {
            throw EventCodec.DecodeError(message: "not an evq event blob")
        }
        guard b[4] == EventCodec.version else {
            throw EventCodec.DecodeError(message: "event blob version \(b[4]), expected \(EventCodec.version)")
        }
        var r = ByteReader(bytes: b, pos: 5)
        stringCount = try r.count()
        let tableStart = r.pos
        for _ in 0..<stringCount {
            let n = try r.count()
            guard n <= b.count - r.pos else { throw .truncated }
            r.pos += n
        }
        stringTable = tableStart..<r.pos
        let listCount = try r.count()
        guard stringCount < Int(Int32.max), listCount < Int(Int32.max) else { throw .damaged }
        var starts: [Int32] = [0]
        starts.reserveCapacity(listCount + 1)
        var items: [Int32] = []
        for _ in 0..<listCount {
            let n = try r.count()
            for _ in 0..<n {
                let i = try r.varint()
                guard i < UInt64(stringCount) else { throw .badReference }
                items.append(Int32(i))
            }
            guard items.count < Int(Int32.max) else { throw .damaged }
            starts.append(Int32(items.count))
        }
        listStarts = starts
        listItems = items
        // The segments follow the header (in the same buffer or in later pieces), so their
        // sizes are bounded only loosely here; every event takes at least one byte, so the
        // event count is checked against them and cannot size an absurd allocation.
        let limit = UInt64(1) << 40
        func size(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> Int {
            let v = try r.varint()
            guard v <= limit else { throw .damaged }
            return Int(v)
        }
        eventCount = try size(&r)
        let segmentCount = try r.count()
        var segments: [(events: Int, bytes: Int)] = []
        var events = 0, bytes = 0
        for _ in 0..<segmentCount {
            let e = try size(&r), n = try size(&r)
            segments.append((e, n))
            events += e
            bytes += n
            guard bytes <= limit else { throw .damaged }
        }
        guard events == eventCount, eventCount <= bytes else { throw .damaged }
        self.segments = segments
        length = r.pos
        segmentBytes = bytes
    }
}

/// One decoding thread's state: its own `String`s of the string table (threads that retained
/// the same string objects would contend on their reference counts) and the lists it has
/// built so far, each built once and then shared by every event naming it.
final class SegmentWorker: @unchecked Sendable {
    private var strings: [String] = []
    private var lists: [[String]?] = []
    private var types: [EventType?] = []
    private var listStarts: [Int32] = []
    private var listItems: [Int32] = []
    private var prepared = false

    /// Builds the string table on first use (on the worker's own thread).
    func prepare(_ header: BlobHeader, _ b: UnsafeBufferPointer<UInt8>) {
        guard !prepared else { return }
        prepared = true
        strings.reserveCapacity(header.stringCount)
        var t = ByteReader(bytes: UnsafeBufferPointer(rebasing: b[0..<header.stringTable.upperBound]), pos: header.stringTable.lowerBound)
        while t.pos < header.stringTable.upperBound, let n = try? t.count() {
            strings.append(String(decoding: UnsafeBufferPointer(rebasing: b[t.pos..<(t.pos + n)]), as: UTF8.self))
            t.pos += n
        }
        lists = Array(repeating: nil, count: header.listStarts.count - 1)
        types = Array(repeating: nil, count: header.stringCount)
        listStarts = header.listStarts
        listItems = header.listItems
    }

    /// Decodes `events` events from `bytes` into `target`; `done` is how many were
    /// initialised (also when it fails).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, events: Int, into target: UnsafeMutablePointer<Event>) -> (done: Int, ok: Bool) {
        // The tables are bound once per segment: reading them through `self` for every event
        // cost an exclusivity check and a retain of the table per access.
        strings.withUnsafeBufferPointer { strings in
            listStarts.withUnsafeBufferPointer { listStarts in
                listItems.withUnsafeBufferPointer { listItems in
                    lists.withUnsafeMutableBufferPointer { lists in
                        types.withUnsafeMutableBufferPointer { types in
                            var d = SegmentDecoder(
                                r: ByteReader(bytes: bytes), strings: strings, listStarts: listStarts, listItems: listItems,
                                lists: lists, types: types)
                            var done = 0
                            d.startSkimming()
                            do {
                                while done < events {
                                    d.skim()
                                    (target + done).initialize(to: try d.event())
                                    done += 1
                                }
                            } catch {
                                return (done, false)
                            }
                            return (done, d.r.pos == bytes.count)
                        }
                    }
                }
            }
        }
    }
}
