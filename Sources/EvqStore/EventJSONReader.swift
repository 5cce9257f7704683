import EvqModel

/// Reads one event object with a `JSONScanner`, following exactly the rules of
/// `Event.init(from:)` in EvqModel: the full form written by `EventSetIO.jsonLine`, and the
/// compact import forms (`date` as a string at any precision, a year number or an object;
/// `count` as an integer or an object; a single `place` / `source`; any type name; a missing
/// id derived with `EventID.make`). Unknown keys (such as `category`) are skipped.
struct EventJSONReader {
    var interner = StringInterner()
    var lists = ListInterner()
    /// Type names seen so far, so that each distinct type is lowercased once.
    private var types: [String: EventType] = [:]
    /// The first type names seen, as bytes, so that most lines find their type without a
    /// `String` (an event set has a handful of types).
    private var typeBytes: [(bytes: [UInt8], type: EventType)] = []
    private var raws: [RawString] = []
    private let statuses = RawNames(Status.allCases)
    private let qualifiers = RawNames(Qualifier.allCases)
    private let precisions = RawNames(DatePrecision.allCases)

    mutating func readEvent(_ s: inout JSONScanner) throws(ScanError) -> Event {
        guard s.peekKind() == .object else { throw s.fail("expected an event object") }
        s.pos += 1
        var id: String?
        var type: EventType?
        var status = Status.occurred
        var total = false
        var date = EventDate.missing
        var count: Quantity?
        var actors: [String] = []
        var places: [String] = []
        var place: String?
        var sources: [String] = []
        var source: String?
        var evidence: [Evidence] = []
        var attributes: [String: String] = [:]
        if !s.consume(UInt8(ascii: "}")) {
            repeat {
                s.skipWhitespace()
                let keyRaw = try s.scanString()
                try s.expect(UInt8(ascii: ":"))
                let key = keyRaw.hasEscapes ? try Key(name: s.unescape(keyRaw)) : Key(raw: keyRaw, in: s)
                switch key {
                case .id:
                    if !s.readNull() {
                        guard s.peekKind() == .string else { throw s.fail("wrong type for `id`") }
                        id = try s.readPlainString()
                    }
                case .type:
                    if s.readNull() { throw s.fail("wrong type for `type`: null") }
                    type = try readType(&s)
                case .status:
                    if let v = try readEnum(&s, statuses, field: "status") { status = v }
                case .total:
                    if !s.readNull() {
                        guard s.peekKind() == .bool else { throw s.fail("wrong type for `total`") }
                        total = try s.readBool()
                    }
                case .date: date = try readDate(&s)
                case .count: count = try readCount(&s)
                case .actors: actors = try readStrings(&s, field: "actors") ?? []
                case .places: places = try readStrings(&s, field: "places") ?? []
                case .place: place = try optionalString(&s, field: "place")
                case .sources: sources = try readStrings(&s, field: "sources") ?? []
                case .source: source = try optionalString(&s, field: "source")
                case .evidence: evidence = try readEvidence(&s) ?? []
                case .attributes: attributes = try readAttributes(&s) ?? [:]
                case .other: try s.skipValue()
                }
            } while s.consume(UInt8(ascii: ","))
            try s.expect(UInt8(ascii: "}"))
        }
        guard let type else { throw s.fail("missing field `type`") }
        if let place { places.append(place) }
        if let source { sources.append(source) }
        if count?.value == nil && count?.text == nil { count = nil }
        var event = Event(
            id: id ?? "", type: type, status: status, total: total, date: date, count: count, actors: actors,
            places: places, sources: sources, evidence: evidence, attributes: attributes)
        if event.id.isEmpty { event.id = EventID.make(for: event) }
        return event
    }

    /// The keys an event object may have.
    enum Key {
        case id, type, status, total, date, count, actors, places, place, sources, source, evidence, attributes, other

        /// By length and first byte, then one comparison of the whole key (every line has a
        /// dozen keys, so this is on the import's hot path).
        init(raw: RawString, in s: JSONScanner) {
            let n = raw.end - raw.start
            guard n >= 2 else { self = .other; return }
            let (key, word): (Key, StaticString)
            switch (n, s.bytes[raw.start]) {
            case (2, UInt8(ascii: "i")): (key, word) = (.id, "id")
            case (4, UInt8(ascii: "t")): (key, word) = (.type, "type")
            case (4, UInt8(ascii: "d")): (key, word) = (.date, "date")
            case (5, UInt8(ascii: "t")): (key, word) = (.total, "total")
            case (5, UInt8(ascii: "c")): (key, word) = (.count, "count")
            case (5, UInt8(ascii: "p")): (key, word) = (.place, "place")
            case (6, UInt8(ascii: "a")): (key, word) = (.actors, "actors")
            case (6, UInt8(ascii: "p")): (key, word) = (.places, "places")
            case (6, UInt8(ascii: "s")):
                (key, word) = s.bytes[raw.start + 1] == UInt8(ascii: "t") ? (.status, "status") : (.source, "source")
            case (7, UInt8(ascii: "s")): (key, word) = (.sources, "sources")
            case (8, UInt8(ascii: "e")): (key, word) = (.evidence, "evidence")
            case (10, UInt8(ascii: "a")): (key, word) = (.attributes, "attributes")
            default: self = .other; return
            }
            self = s.keyIs(raw, word) ? key : .other
        }

        init(name: String) {
            switch name {
            case "id": self = .id
            case "type": self = .type
            case "status": self = .status
            case "total": self = .total
            case "date": self = .date
            case "count": self = .count
            case "actors": self = .actors
            case "places": self = .places
            case "place": self = .place
            case "sources": self = .sources
            case "source": self = .source
            case "evidence": self = .evidence
            case "attributes": self = .attributes
            default: self = .other
            }
        }
    }

    private mutating func readType(_ s: inout JSONScanner) throws(ScanError) -> EventType {
        guard s.peekKind() == .string else { throw s.fail("wrong type for `type`") }
        let raw = try s.scanString()
        if let known = typeBytes.first(where: { s.raw(raw, is: $0.bytes) }) { return known.type }
        let name = try s.string(raw, &interner)
        if let known = types[name] { return known }
        let t = EventType(rawValue: name)
        if types.count < 4096 { types[name] = t }
        if !raw.hasEscapes, typeBytes.count < 32 { typeBytes.append((Array(UnsafeBufferPointer(rebasing: s.bytes[raw.start..<raw.end])), t)) }
        return t
    }

    /// A string-valued enum field: nil for null, the value for one of its names, else an error
    /// that quotes the value.
    private mutating func readEnum<E>(_ s: inout JSONScanner, _ names: RawNames<E>, field: String) throws(ScanError) -> E? {
        if s.readNull() { return nil }
        guard s.peekKind() == .string else { throw s.fail("wrong type for `\(field)`") }
        let raw = try s.scanString()
        if let v = names.value(raw, in: s) { return v }
        let text = try s.string(raw, &interner)
        guard let v = E(rawValue: text) else { throw s.fail("bad value for `\(field)`: \(text)") }
        return v
    }

    private mutating func optionalString(_ s: inout JSONScanner, field: String) throws(ScanError) -> String? {
        if s.readNull() { return nil }
        guard s.peekKind() == .string else { throw s.fail("wrong type for `\(field)`") }
        return try s.readString(&interner)
    }

    private mutating func readStrings(_ s: inout JSONScanner, field: String) throws(ScanError) -> [String]? {
        if s.readNull() { return nil }
        guard s.peekKind() == .array else { throw s.fail("wrong type for `\(field)`") }
        let open = s.pos
        s.pos += 1
        if s.consume(UInt8(ascii: "]")) { return [] }
        // The string tokens are scanned first; only a list not seen before is turned into
        // strings (see `ListInterner`).
        // `raws` is reused from line to line; overwriting beats `removeAll(keepingCapacity:)`,
        // which showed up at 1% of the import.
        var count = 0
        repeat {
            guard s.peekKind() == .string else { throw s.fail("wrong type for `\(field)`: expected strings") }
            let r = try s.scanString()
            if count < raws.count { raws[count] = r } else { raws.append(r) }
            count += 1
        } while s.consume(UInt8(ascii: ","))
        try s.expect(UInt8(ascii: "]"))
        let raw = UnsafeBufferPointer(rebasing: s.bytes[open..<s.pos])
        let hash = ListInterner.hash(raw)
        if let shared = lists.lookup(raw, hash: hash) { return shared }
        // Up to four names as array literals: `Array(unsafeUninitializedCapacity:)` allocates
        // through the standard library's unspecialised code, which looks up the array type's
        // metadata on every call (see `SegmentDecoder`).
        let list: [String]
        switch count {
        case 1: list = [try s.string(raws[0], &interner)]
        case 2: list = [try s.string(raws[0], &interner), try s.string(raws[1], &interner)]
        case 3: list = [try s.string(raws[0], &interner), try s.string(raws[1], &interner), try s.string(raws[2], &interner)]
        case 4:
            list = [
                try s.string(raws[0], &interner), try s.string(raws[1], &interner), try s.string(raws[2], &interner),
                try s.string(raws[3], &interner),
            ]
        default:
            var made: [String] = []
            made.reserveCapacity(count)
            for r in raws[..<count] { made.append(try s.string(r, &interner)) }
            list = made
        }
        lists.offer(raw, hash: hash, list: list)
        return list
    }

    private mutating func readAttributes(_ s: inout JSONScanner) throws(ScanError) -> [String: String]? {
        if s.readNull() { return nil }
        guard s.peekKind() == .object else { throw s.fail("wrong type for `attributes`") }
        s.pos += 1
        var out: [String: String] = [:]
        if s.consume(UInt8(ascii: "}")) { return out }
        repeat {
            s.skipWhitespace()
            let key = try s.readString(&interner)
            try s.expect(UInt8(ascii: ":"))
            guard s.peekKind() == .string else { throw s.fail("wrong type for `attributes.\(key)`: expected a string") }
            out[key] = try s.readString(&interner)
        } while s.consume(UInt8(ascii: ","))
        try s.expect(UInt8(ascii: "}"))
        return out
    }

    private mutating func readEvidence(_ s: inout JSONScanner) throws(ScanError) -> [Evidence]? {
        if s.readNull() { return nil }
        guard s.peekKind() == .array else { throw s.fail("wrong type for `evidence`") }
        s.pos += 1
        var out: [Evidence] = []
        if s.consume(UInt8(ascii: "]")) { return out }
        repeat {
            guard s.peekKind() == .object else { throw s.fail("wrong type for `evidence`: expected objects") }
            s.pos += 1
            var source: String?, sentence: String?, span: SourceSpanValue?
            if !s.consume(UInt8(ascii: "}")) {
                repeat {
                    s.skipWhitespace()
                    let key = try s.readFieldName()
                    try s.expect(UInt8(ascii: ":"))
                    if s.field(key, is: "source") {
                        guard s.peekKind() == .string else { throw s.fail("wrong type for `evidence.source`") }
                        source = try s.readString(&interner)
                    } else if s.field(key, is: "sentence") {
                        guard s.peekKind() == .string else { throw s.fail("wrong type for `evidence.sentence`") }
                        sentence = try s.readPlainString()
                    } else if s.field(key, is: "span") {
                        span = try readSpan(&s)
                    } else {
                        try s.skipValue()
                    }
                } while s.consume(UInt8(ascii: ","))
                try s.expect(UInt8(ascii: "}"))
            }
            guard let source else { throw s.fail("missing field `evidence.source`") }
            guard let sentence else { throw s.fail("missing field `evidence.sentence`") }
            guard let span else { throw s.fail("missing field `evidence.span`") }
            out.append(Evidence(source: source, sentence: sentence, span: span))
        } while s.consume(UInt8(ascii: ","))
        try s.expect(UInt8(ascii: "]"))
        return out
    }

    private func readSpan(_ s: inout JSONScanner) throws(ScanError) -> SourceSpanValue {
        guard s.peekKind() == .object else { throw s.fail("wrong type for `evidence.span`") }
        s.pos += 1
        var start: Int?, end: Int?
        if !s.consume(UInt8(ascii: "}")) {
            repeat {
                s.skipWhitespace()
                let key = try s.readFieldName()
                try s.expect(UInt8(ascii: ":"))
                let isStart = s.field(key, is: "start")
                if isStart || s.field(key, is: "end") {
                    guard s.peekKind() == .number, let n = try s.readInt() else {
                        throw s.fail("wrong type for `evidence.span.\(s.text(key))`")
                    }
                    if isStart { start = n } else { end = n }
                } else {
                    try s.skipValue()
                }
            } while s.consume(UInt8(ascii: ","))
            try s.expect(UInt8(ascii: "}"))
        }
        guard let start, let end else { throw s.fail("missing field `evidence.span.start` or `end`") }
        return SourceSpanValue(start: start, end: end)
    }

    /// `count`: an integer, `{value, qualifier, text}` or null.
    private mutating func readCount(_ s: inout JSONScanner) throws(ScanError) -> Quantity? {
        switch s.peekKind() {
        case .null:
            _ = s.readNull()
            return nil
        case .number:
            let at = s.pos
            guard let n = try s.readInt() else { throw ScanError(message: "wrong type for `count`", offset: at) }
            return Quantity(value: n)
        case .object:
            s.pos += 1
            var value: Int?, qualifier = Qualifier.exact, text: String?
            if !s.consume(UInt8(ascii: "}")) {
                repeat {
                    s.skipWhitespace()
                    let key = try s.readFieldName()
                    try s.expect(UInt8(ascii: ":"))
                    if s.field(key, is: "value") {
                        if !s.readNull() {
                            guard s.peekKind() == .number, let n = try s.readInt() else { throw s.fail("wrong type for `count.value`") }
                            value = n
                        }
                    } else if s.field(key, is: "qualifier") {
                        if let v = try readEnum(&s, qualifiers, field: "count.qualifier") { qualifier = v }
                    } else if s.field(key, is: "text") {
                        text = try optionalString(&s, field: "count.text")
                    } else {
                        try s.skipValue()
                    }
                } while s.consume(UInt8(ascii: ","))
                try s.expect(UInt8(ascii: "}"))
            }
            return Quantity(value: value, qualifier: qualifier, text: text)
        default:
            throw s.fail("wrong type for `count`")
        }
    }

    /// `date`: a compact string, a year number, `{start, end, precision, text}` or null.
    private mutating func readDate(_ s: inout JSONScanner) throws(ScanError) -> EventDate {
        switch s.peekKind() {
        case .null:
            _ = s.readNull()
            return .missing
        case .string:
            let at = s.pos
            let raw = try s.scanString()
            if !raw.hasEscapes, let d = CompactDate.parse(s.bytes, raw.start, raw.end) { return d }
            let text = try s.string(raw, &interner)
            guard let d = EventDate(compact: text) else { throw ScanError(message: "bad value for `date`: not a date: \(text)", offset: at) }
            return d
        case .number:
            let at = s.pos
            // EventDate.year refuses years outside Day.years (no overflow in the day arithmetic).
            guard let y = try s.readInt(), let d = EventDate.year(y) else {
                throw ScanError(message: "wrong type for `date`", offset: at)
            }
            return d
        case .object:
            s.pos += 1
            var precision: DatePrecision?, text: String?
            var startRaw: RawString?, endRaw: RawString?
            if !s.consume(UInt8(ascii: "}")) {
                repeat {
                    s.skipWhitespace()
                    let key = try s.readFieldName()
                    try s.expect(UInt8(ascii: ":"))
                    let isStart = s.field(key, is: "start")
                    if isStart || s.field(key, is: "end") {
                        var value: RawString?
                        if !s.readNull() {
                            guard s.peekKind() == .string else { throw s.fail("wrong type for `date.\(s.text(key))`") }
                            value = try s.scanString()
                        }
                        if isStart { startRaw = value } else { endRaw = value }
                    } else if s.field(key, is: "precision") {
                        if let v = try readEnum(&s, precisions, field: "date.precision") { precision = v }
                    } else if s.field(key, is: "text") {
                        text = try optionalString(&s, field: "date.text")
                    } else {
                        try s.skipValue()
                    }
                } while s.consume(UInt8(ascii: ","))
                try s.expect(UInt8(ascii: "}"))
            }
            guard let startRaw else { return EventDate(missingText: text) }
            let a = try compact(startRaw, &s)
            let b = try endRaw.map { (r: RawString) throws(ScanError) in try compact(r, &s) } ?? a
            guard let sd = a.start, let ed = b.end else { throw s.fail("bad value for `date`: bad date interval") }
            if precision == nil {
                // The model's rule, so both importers agree: one literal keeps its own precision;
                // an interval states day, month, year or range by its shape.
                let startText = try s.string(startRaw, &interner)
                let endText = try endRaw.map { (r: RawString) throws(ScanError) in try s.string(r, &interner) }
                precision = endText == nil || endText == startText ? a.precision : EventDate.precision(covering: sd, ed)
            }
            return EventDate(start: sd, end: ed, precision: precision ?? .range, text: text)
        default:
            throw s.fail("wrong type for `date`")
        }
    }

    private mutating func compact(_ raw: RawString, _ s: inout JSONScanner) throws(ScanError) -> EventDate {
        if !raw.hasEscapes, let d = CompactDate.parse(s.bytes, raw.start, raw.end) { return d }
        let text = try s.string(raw, &interner)
        guard let d = EventDate(compact: text) else { throw ScanError(message: "bad value for `date`: bad date interval", offset: raw.start) }
        return d
    }
}

/// Byte-level fast path for the three common compact date shapes `YYYY`, `YYYY-MM` and
/// `YYYY-MM-DD`; anything else (ranges, spaces) goes through `EventDate(compact:)`.
/// It builds dates with the same constructors `EventDate(compact:)` uses, so the results agree.
enum CompactDate {
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> EventDate? {
        let n = end - start
        guard n == 4 || n == 7 || n == 10, let y = digits(b, start, 4) else { return nil }
        if n == 4 { return EventDate.year(y) }
        guard b[start + 4] == UInt8(ascii: "-"), let m = digits(b, start + 5, 2) else { return nil }
        if n == 7 { return EventDate.month(year: y, month: m) }
        guard b[start + 7] == UInt8(ascii: "-"), let d = digits(b, start + 8, 2) else { return nil }
        return Day(year: y, month: m, day: d).map { EventDate.day($0) }
    }

    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var v = 0
        for k in at..<(at + count) {
            let c = b[k]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(c - UInt8(ascii: "0"))
        }
        return v
    }
}
