import EvqModel

/// The documents of a cached corpus in a small binary form (`ByteWriter` varints,
/// length-prefixed UTF-8). Foundation's JSON decoder took a tenth of a second for ten
/// thousand documents, a tenth of the whole budget of a cached restart.
enum DocumentCodec {
    static let magic: [UInt8] = Array("EVQD1".utf8)

    static func encode(_ documents: [Document]) -> [UInt8] {
        var w = ByteWriter()
        w.bytes.append(contentsOf: magic)
        w.varint(UInt64(documents.count))
        for d in documents {
            string(d.name, &w)
            string(d.title, &w)
            optional(d.published.start.map { "\($0.number)" }, &w)
            optional(d.published.end.map { "\($0.number)" }, &w)
            string(d.published.precision.rawValue, &w)
            optional(d.published.text, &w)
            string(d.dateSource.rawValue, &w)
            optional(d.datelinePlace, &w)
            w.varint(UInt64(max(0, d.eventCount)))
            w.varint(UInt64(max(0, d.bytes)))
        }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(EventCodec.DecodeError) -> [Document] {
        guard bytes.starts(with: magic) else { throw EventCodec.DecodeError(message: "not a document blob") }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(EventCodec.DecodeError) -> [Document] in
            var r = ByteReader(bytes: buffer, pos: magic.count)
            let n = try r.count()
            var out: [Document] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                let name = try string(&r), title = try string(&r)
                let start = try day(&r), end = try day(&r)
                guard let precision = DatePrecision(rawValue: try string(&r)) else { throw EventCodec.DecodeError(message: "bad precision in document blob") }
                var published = EventDate.missing
                if let start, let end { published = EventDate(start: start, end: end, precision: precision) }
                published.precision = precision
                published.text = try optional(&r)
                guard let source = DateSource(rawValue: try string(&r)) else { throw EventCodec.DecodeError(message: "bad date source in document blob") }
                let place = try optional(&r)
                let events = Int(truncatingIfNeeded: try r.varint()), size = Int(truncatingIfNeeded: try r.varint())
                out.append(Document(name: name, title: title, published: published, dateSource: source, datelinePlace: place,
                                    eventCount: events, bytes: size))
            }
            return out
        }
    }

    /// Day numbers of the calendar evq accepts (years 1-9999): a damaged blob must not make a
    /// day whose year computation overflows.
    static let dayNumbers = (Day(year: Day.years.lowerBound, month: 1, day: 1)?.number ?? 0)...(Day(year: Day.years.upperBound, month: 12, day: 31)?.number ?? 0)

    static func day(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> Day? {
        guard let text = try optional(&r) else { return nil }
        guard let n = Int(text), dayNumbers.contains(n) else { throw EventCodec.DecodeError(message: "bad day in document blob") }
        return Day(number: n)
    }

    static func string(_ s: String, _ w: inout ByteWriter) {
        w.varint(UInt64(s.utf8.count))
        w.bytes.append(contentsOf: s.utf8)
    }

    static func optional(_ s: String?, _ w: inout ByteWriter) {
        guard let s else { return w.varint(0) }
        w.varint(UInt64(s.utf8.count) + 1)
        w.bytes.append(contentsOf: s.utf8)
    }

    static func string(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> String {
        let n = try r.count()
        guard r.pos + n <= r.bytes.count else { throw EventCodec.DecodeError(message: "truncated document blob") }
        defer { r.pos += n }
        return String(decoding: UnsafeBufferPointer(rebasing: r.bytes[r.pos..<(r.pos + n)]), as: UTF8.self)
    }

    static func optional(_ r: inout ByteReader) throws(EventCodec.DecodeError) -> String? {
        let n = try r.count()
        if n == 0 { return nil }
        guard r.pos + n - 1 <= r.bytes.count else { throw EventCodec.DecodeError(message: "truncated document blob") }
        defer { r.pos += n - 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: r.bytes[r.pos..<(r.pos + n - 1)]), as: UTF8.self)
    }
}
