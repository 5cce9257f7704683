import EvqModel

/// Decodes the events of one segment (see `EventCodec`) over a worker's tables, which it
/// borrows for the segment's duration.
///
/// A million events are a million times the same few steps, so the loop avoids what costs
/// per event beyond the event itself: no access to class properties (exclusivity checks,
/// retains of the tables), no `allCases` arrays, and small lists made as array literals
/// (allocated by code specialised for `[String]`, where `Array(unsafeUninitializedCapacity:)`
/// goes through the standard library's generic allocator and looks up the array type's
/// metadata on every call, over a quarter of the instructions decoding ran).
struct SegmentDecoder {
    var r: ByteReader
    let strings: UnsafeBufferPointer<String>
    let listStarts: UnsafeBufferPointer<Int32>
    let listItems: UnsafeBufferPointer<Int32>
    /// The shared lists built so far (nil: not yet).
    let lists: UnsafeMutableBufferPointer<[String]?>
    /// The event type of each string index used as one (nil: not yet).
    let types: UnsafeMutableBufferPointer<EventType?>
    /// Readers `distance` and twice `distance` events ahead of `r` (see `skim`); nil once they
    /// have met the end or something they could not read (which `event()` then reports).
    var near: ByteReader?
    var far: ByteReader?
    /// How many events `skim` runs ahead.
    static let distance = 8

    init(
        r: ByteReader, strings: UnsafeBufferPointer<String>, listStarts: UnsafeBufferPointer<Int32>,
        listItems: UnsafeBufferPointer<Int32>, lists: UnsafeMutableBufferPointer<[String]?>,
        types: UnsafeMutableBufferPointer<EventType?>
    ) {
        self.r = r
        self.strings = strings
        self.listStarts = listStarts
        self.listItems = listItems
        self.lists = lists
        self.types = types
        near = r
        far = r
    }

    /// Starts the readers ahead: `far` twice `distance` events, `near` `distance` events.
    mutating func startSkimming() {
        for _ in 0..<SegmentDecoder.distance {
            skimFar()
            skimFar()
            skimNear()
        }
    }

    /// Moves both readers ahead one event, asking for what `event()` will need there to be
    /// brought into the cache (`Prefetch`): `far` the table entries of the strings and lists
    /// its event names, `near` (by then they are there) the objects they point to.
    ///
    /// Events are stored in date order, so the strings and lists an event names lie anywhere
    /// in megabytes of tables and objects, and nearly every reference is a cache miss. Taking
    /// a reference retains the object, an atomic operation that waits for the miss with
    /// nothing else overlapping it; decoding was mostly such waits. Prefetches some events
    /// ahead overlap them.
    @inline(__always)
    mutating func skim() {
        skimFar()
        skimNear()
    }

    private mutating func skimFar() {
        guard far != nil, let stringBase = strings.baseAddress, let listBase = lists.baseAddress else { return }
        let stringCount = UInt64(strings.count), listCount = UInt64(lists.count)
        far = SegmentDecoder.skim(far) { i in
            if i < stringCount { Prefetch.line(stringBase + Int(i)) }
        } list: { k in
            if k < listCount { Prefetch.line(listBase + Int(k)) }
        }
    }

    private mutating func skimNear() {
        guard near != nil, let stringBase = strings.baseAddress, let listBase = lists.baseAddress else { return }
        let stringCount = UInt64(strings.count), listCount = UInt64(lists.count)
        let listStarts = listStarts, listItems = listItems
        near = SegmentDecoder.skim(near) { i in
            if i < stringCount { Prefetch.object(of: stringBase + Int(i)) }
        } list: { k in
            guard k < listCount else { return }
            if !Prefetch.object(ofList: listBase + Int(k)) {
                // Not made yet: its strings are what making it will need.
                for j in Int(listStarts[Int(k)])..<Int(listStarts[Int(k) + 1]) {
                    Prefetch.object(of: stringBase + Int(listItems[j]))
                }
            }
        }
    }

    /// Reads one event at `reader`, calling `string` with each string index it names and
    /// `list` with each shared list; the reader after it, or nil at the end or on damage.
    @inline(__always)
    private static func skim(
        _ reader: ByteReader?, string: (UInt64) -> Void, list: (UInt64) -> Void
    ) -> ByteReader? {
        guard var a = reader else { return nil }
        do {
            let idLength = try a.count()
            guard idLength <= a.bytes.count - a.pos else { return nil }
            a.pos += idLength
            _ = try a.varint()
            let flags = try a.varint()
            if flags & (1 << 6) != 0 {
                _ = try a.varint()
                _ = try a.varint()
            }
            string(try a.varint() &- 1)
            if flags & (1 << 7) != 0 {
                if flags & (1 << 8) != 0 { _ = try a.varint() }
                _ = try a.varint()
                string(try a.varint() &- 1)
            }
            for _ in 0..<3 {
                let tag = try a.varint()
                if tag == 0 { continue }
                if tag & 1 == 0 {
                    for _ in 0..<(tag >> 1) { string(try a.varint()) }
                } else {
                    list(tag >> 1)
                }
            }
            for _ in 0..<(try a.varint()) {
                string(try a.varint())
                string(try a.varint())
                _ = try a.varint()
                _ = try a.varint()
            }
            for _ in 0..<(try a.varint()) * 2 { string(try a.varint()) }
            return a.pos < a.bytes.count ? a : nil
        } catch {
            return nil
        }
    }

    @inline(__always)
    private mutating func string() throws(EventCodec.DecodeError) -> String {
        let i = try r.varint()
        guard i < UInt64(strings.count) else { throw .badReference }
        return strings[Int(i)]
    }

    @inline(__always)
    private mutating func optional() throws(EventCodec.DecodeError) -> String? {
        let i = try r.varint()
        if i == 0 { return nil }
        guard i - 1 < UInt64(strings.count) else { throw .badReference }
        return strings[Int(i - 1)]
    }

    /// The strings at `index(0)`, `index(1)`, ... as a new array of `n`.
    @inline(__always)
    private func make(_ n: Int, _ index: (Int) -> Int) -> [String] {
        switch n {
        case 0: return []
        case 1: return [strings[index(0)]]
        case 2: return [strings[index(0)], strings[index(1)]]
        case 3: return [strings[index(0)], strings[index(1)], strings[index(2)]]
        case 4: return [strings[index(0)], strings[index(1)], strings[index(2)], strings[index(3)]]
        default:
            var made: [String] = []
            made.reserveCapacity(n)
            for j in 0..<n { made.append(strings[index(j)]) }
            return made
        }
    }

    private mutating func list() throws(EventCodec.DecodeError) -> [String] {
        let tag = try r.varint()
        if tag == 0 { return [] }
        if tag & 1 == 0 {
            // Named by this event only: built here.
            guard tag >> 1 <= UInt64(r.bytes.count - r.pos) else { throw .truncated }
            // The indices are read first (each checked), then the array is made.
            var indices: (Int, Int, Int, Int) = (0, 0, 0, 0)
            let n = Int(tag >> 1)
            if n <= 4 {
                for j in 0..<n {
                    let i = try r.varint()
                    guard i < UInt64(strings.count) else { throw .badReference }
                    switch j {
                    case 0: indices.0 = Int(i)
                    case 1: indices.1 = Int(i)
                    case 2: indices.2 = Int(i)
                    default: indices.3 = Int(i)
                    }
                }
                let picked = indices
                return make(n) { j in j == 0 ? picked.0 : j == 1 ? picked.1 : j == 2 ? picked.2 : picked.3 }
            }
            var made: [String] = []
            made.reserveCapacity(n)
            for _ in 0..<n { made.append(try string()) }
            return made
        }
        guard tag >> 1 < UInt64(lists.count) else { throw .badReference }
        let k = Int(tag >> 1)
        if let made = lists[k] { return made }
        let first = Int(listStarts[k])
        let made = make(Int(listStarts[k + 1]) - first) { j in Int(listItems[first + j]) }
        lists[k] = made
        return made
    }

    private mutating func type() throws(EventCodec.DecodeError) -> EventType {
        let i = try r.varint()
        guard i < UInt64(strings.count) else { throw .badReference }
        if let t = types[Int(i)] { return t }
        let t = EventType(rawValue: strings[Int(i)])
        types[Int(i)] = t
        return t
    }

    /// The status coded as `code`: its position in `Status.allCases`, as the encoder writes it.
    static func status(_ code: UInt64) -> Status? {
        switch code {
        case 0: .occurred
        case 1: .expected
        case 2: .denied
        case 3: .hypothetical
        default: nil
        }
    }

    /// The precision coded as `code`: its position in `DatePrecision.allCases`.
    static func precision(_ code: UInt64) -> DatePrecision? {
        switch code {
        case 0: .day
        case 1: .month
        case 2: .year
        case 3: .range
        case 4: .missing
        default: nil
        }
    }

    /// The qualifier coded as `code`: its position in `Qualifier.allCases`.
    static func qualifier(_ code: UInt64) -> Qualifier? {
        switch code {
        case 0: .exact
        case 1: .moreThan
        case 2: .atLeast
        case 3: .about
        case 4: .atMost
        case 5: .unspecified
        default: nil
        }
    }

    mutating func event() throws(EventCodec.DecodeError) -> Event {
        let idLength = try r.count()
        guard idLength <= r.bytes.count - r.pos else { throw .truncated }
        let id = String(decoding: UnsafeBufferPointer(rebasing: r.bytes[r.pos..<(r.pos + idLength)]), as: UTF8.self)
        r.pos += idLength
        let type = try type()
        let flags = try r.varint()
        guard let status = SegmentDecoder.status(flags & 3), let precision = SegmentDecoder.precision(flags >> 2 & 7) else {
            throw EventCodec.DecodeError(message: "bad flags in event blob")
        }
        var date = EventDate.missing
        if flags & (1 << 6) != 0 {
            let s = try r.signed()
            let span = try r.varint()
            guard span <= UInt64(Int32.max), s > -Int(Int32.max), s < Int(Int32.max) else {
                throw EventCodec.DecodeError(message: "bad date in event blob")
            }
            date = EventDate(start: Day(number: s), end: Day(number: s + Int(span)), precision: precision)
        }
        date.text = try optional()
        if date.start == nil { date.precision = precision }
        var count: Quantity?
        if flags & (1 << 7) != 0 {
            let value: Int? = flags & (1 << 8) != 0 ? try r.signed() : nil
            guard let qualifier = SegmentDecoder.qualifier(try r.varint()) else {
                throw EventCodec.DecodeError(message: "bad qualifier in event blob")
            }
            var quantity = Quantity(value: value, qualifier: qualifier, text: nil)
            quantity.qualifier = qualifier
            quantity.text = try optional()
            count = quantity
        }
        let actors = try list(), places = try list(), sources = try list()
        var evidence: [Evidence] = []
        let evidenceCount = try r.count()
        if evidenceCount == 1 {
            let source = try string(), sentence = try string()
            let start = try r.signed(), end = try r.signed()
            evidence = [Evidence(source: source, sentence: sentence, span: SourceSpanValue(start: start, end: end))]
        } else if evidenceCount > 1 {
            evidence.reserveCapacity(evidenceCount)
            for _ in 0..<evidenceCount {
                let source = try string(), sentence = try string()
                let start = try r.signed(), end = try r.signed()
                evidence.append(Evidence(source: source, sentence: sentence, span: SourceSpanValue(start: start, end: end)))
            }
        }
        var attributes: [String: String] = [:]
        let attributeCount = try r.count()
        if attributeCount > 0 {
            attributes.reserveCapacity(attributeCount)
            for _ in 0..<attributeCount {
                let key = try string()
                attributes[key] = try string()
            }
        }
        return Event(
            id: id, type: type, status: status, total: flags & (1 << 5) != 0, date: date, count: count,
            actors: actors, places: places, sources: sources, evidence: evidence, attributes: attributes)
    }
}
