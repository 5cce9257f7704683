import Foundation

/// The raw contents of a JSON string token: the bytes between the quotes, and whether they
/// contain escapes (when they do not, the bytes are the string).
struct RawString {
    var start: Int
    var end: Int
    var hasEscapes: Bool
}

/// The kind of the next JSON value, from its first byte.
enum JSONKind {
    case object, array, string, number, bool, null, invalid, end
}

/// A cursor over the UTF-8 bytes of JSON text, reading tokens without building a tree.
///
/// Foundation's `JSONDecoder` builds a tree and goes through `Codable` for every field, which is
/// far too slow for a million lines; this scanner reads the bytes once. It only lives inside a
/// `withUnsafeBufferPointer` call and never escapes it.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self.bytes = bytes
        self.pos = start
        self.end = end
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = bytes[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    /// The kind of the next value, after whitespace.
    mutating func peekKind() -> JSONKind {
        skipWhitespace()
        guard pos < end else { return .end }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .invalid
        }
    }

    func fail(_ message: String) -> ScanError { ScanError(message: message, offset: pos) }

    /// Consumes `byte` after whitespace, or fails with "not valid JSON".
    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(ScanError) {
        skipWhitespace()
        guard pos < end, bytes[pos] == byte else { throw fail("not valid JSON") }
        pos += 1
    }

    /// Consumes `byte` if it is next (after whitespace).
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        if pos < end, bytes[pos] == byte {
            pos += 1
            return true
        }
        return false
    }

    /// Reads one string token (the cursor must be at its opening quote).
    mutating func scanString() throws(ScanError) -> RawString {
        guard pos < end, bytes[pos] == UInt8(ascii: "\"") else { throw fail("not valid JSON") }
        pos += 1
        let start = pos
        var escapes = false
        // Eight bytes at a time while none of them is a quote, a backslash or a control
        // character (the usual SWAR "has byte" tests); the byte loop below finishes.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while pos + 8 <= end {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
                let hasQuote = (quote &- ones) & ~quote & highs
                let hasSlash = (slash &- ones) & ~slash & highs
                let hasControl = (w &- (ones &* 0x20)) & ~w & highs
                let special = hasQuote | hasSlash | hasControl
                if special != 0 {
                    // The lowest flagged byte is exact (the borrow only spills upward): skip
                    // to it and let the byte loop below decide what it is.
                    pos += special.trailingZeroBitCount / 8
                    break
                }
                pos += 8
            }
        }
        while pos < end {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return RawString(start: start, end: pos - 1, hasEscapes: escapes)
            }
            if b == UInt8(ascii: "\\") {
                escapes = true
                pos += 2
                continue
            }
            if b < 0x20 { throw fail("not valid JSON: control character in a string") }
            pos += 1
        }
        throw ScanError(message: "not valid JSON: unterminated string", offset: start - 1)
    }

    /// Reads a string token and returns it as a `String`, interning short unescaped ones.
    mutating func readString(_ interner: inout StringInterner) throws(ScanError) -> String {
        skipWhitespace()
        let raw = try scanString()
        return try string(raw, &interner)
    }

    /// Reads a string token as a `String` without interning.
    mutating func readPlainString() throws(ScanError) -> String {
        skipWhitespace()
        let raw = try scanString()
        if !raw.hasEscapes { return String(decoding: UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]), as: UTF8.self) }
        return try unescape(raw)
    }

    func string(_ raw: RawString, _ interner: inout StringInterner) throws(ScanError) -> String {
        if !raw.hasEscapes { return interner.string(UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end])) }
        return try unescape(raw)
    }

    /// Decodes the escapes of a string token (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
    /// `\uXXXX` with surrogate pairs).
    func unescape(_ raw: RawString) throws(ScanError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.end - raw.start)
        var i = raw.start
        while i < raw.end {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < raw.end else { throw ScanError(message: "not valid JSON: bad escape", offset: i) }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(at: i, limit: raw.end) else { throw ScanError(message: "not valid JSON: bad \\u escape", offset: i) }
                i += 4
                if (0xD800..<0xDC00).contains(code) {
                    // A high surrogate must be followed by `\uDC00`-`\uDFFF`.
                    guard i + 6 <= raw.end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                        let low = hex4(at: i + 2, limit: raw.end), (0xDC00..<0xE000).contains(low)
                    else { throw ScanError(message: "not valid JSON: unpaired surrogate", offset: i) }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00..<0xE000).contains(code) {
                    throw ScanError(message: "not valid JSON: unpaired surrogate", offset: i)
                }
                guard let scalar = Unicode.Scalar(code) else { throw ScanError(message: "not valid JSON: bad \\u escape", offset: i) }
                out.append(contentsOf: UTF8.encode(scalar)!)
            default:
                throw ScanError(message: "not valid JSON: bad escape", offset: i - 1)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(at i: Int, limit: Int) -> UInt32? {
        guard i + 4 <= limit else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = bytes[k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// Reads a number token and returns it as an `Int` if it is integral and fits
    /// (`12`, `-3`, `2025.0`, `1e3`); `nil` means "a number, but not an Int".
    mutating func readInt() throws(ScanError) -> Int? {
        skipWhitespace()
        let start = pos
        var negative = false
        if pos < end, bytes[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        let digitsStart = pos
        var value = 0
        var overflow = false
        while pos < end, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9") {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.subtractingReportingOverflow(Int(bytes[pos] - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            value = a
            pos += 1
        }
        guard pos > digitsStart else { throw ScanError(message: "not valid JSON", offset: start) }
        // Leading zeros (`01`) are accepted, as Foundation's JSONDecoder accepts them.
        var fractional = false
        if pos < end, bytes[pos] == UInt8(ascii: ".") {
            fractional = true
            pos += 1
            // `1.` is accepted, as Foundation's JSONDecoder accepts it.
            while pos < end, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9") { pos += 1 }
        }
        if pos < end, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            fractional = true
            pos += 1
            if pos < end, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            let f = pos
            while pos < end, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9") { pos += 1 }
            guard pos > f else { throw ScanError(message: "not valid JSON", offset: start) }
        }
        if !fractional {
            if overflow { return nil }
            if negative { return value }
            let (p, o) = (0).subtractingReportingOverflow(value)
            return o ? nil : p
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let d = Double(text), d.rounded() == d else { return nil }
        return Int(exactly: d)
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(ScanError) -> Bool {
        skipWhitespace()
        if literal("true") { return true }
        if literal("false") { return false }
        throw fail("not valid JSON")
    }

    /// Consumes `null` if it is next.
    mutating func readNull() -> Bool {
        skipWhitespace()
        return literal("null")
    }

    /// (The first byte decides most calls: `readNull` runs before nearly every value.)
    @inline(__always)
    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard pos + n <= end, bytes[pos] == w[0], let base = bytes.baseAddress, memcmp(base + pos, w, n) == 0 else { return false }
        pos += n
        return true
    }

    /// True when the raw (unescaped) key bytes spell `word`.
    /// (`memcmp`: an indexed loop over a `StaticString` cost about 90 instructions a key.)
    @inline(__always)
    func keyIs(_ raw: RawString, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard raw.end - raw.start == n, let base = bytes.baseAddress else { return false }
        return memcmp(base + raw.start, word.utf8Start, n) == 0
    }

    /// Skips one value of any kind, checking its syntax. Nesting is limited so hostile input
    /// cannot exhaust the stack.
    mutating func skipValue(depth: Int = 0) throws(ScanError) {
        guard depth < 512 else { throw fail("nested too deeply") }
        switch peekKind() {
        case .object:
            pos += 1
            if consume(UInt8(ascii: "}")) { return }
            repeat {
                skipWhitespace()
                _ = try scanString()
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        case .array:
            pos += 1
            if consume(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1) } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        case .string: _ = try scanString()
        case .number: _ = try readInt()
        case .bool: _ = try readBool()
        case .null: if !readNull() { throw fail("not valid JSON") }
        case .invalid, .end: throw fail("not valid JSON")
        }
    }
}
