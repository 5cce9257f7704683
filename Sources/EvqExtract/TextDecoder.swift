/// Stage 1: raw bytes -> clean text.
///
/// Strips a BOM, reads invalid UTF-8 lossily (with a warning), strips HTML (block elements become
/// blank lines so paragraphs and list items stay blocks), decodes entities, and normalises
/// typography that only gets in the way of matching: CRLF and CR to LF, non-breaking and thin
/// spaces to spaces, curly quotes to straight ones, en and em dashes to `-`, the ellipsis to `...`.
/// Works on bytes in one pass per step; no regular expressions.
public struct TextDecoder: Sendable {
    /// The decoded article.
    public struct Output: Sendable {
        /// The cleaned text; evidence spans are UTF-8 byte offsets into it.
        public var text: String
        /// `<title>` of an HTML page, if any.
        public var htmlTitle: String?
        /// `key: value` pairs of a front matter block (`---` lines) at the top.
        public var frontMatter: [String: String]
        public var warnings: [String]
    }

    public init() {}

    /// Decodes one file; `isHTML` forces HTML handling (otherwise sniffed from the first bytes).
    public func decode(_ raw: [UInt8], isHTML: Bool? = nil) -> Output {
        let d = decodeBytes(raw, isHTML: isHTML)
        return Output(text: String(decoding: d.bytes, as: UTF8.self), htmlTitle: d.htmlTitle, frontMatter: d.frontMatter, warnings: d.warnings)
    }

    /// `decode` with the cleaned text as its UTF-8 bytes, for a caller that works on bytes
    /// (the analyzer): no `String` is built and then turned back into an array.
    func decodeBytes(_ raw: [UInt8], isHTML: Bool? = nil) -> (bytes: [UInt8], htmlTitle: String?, frontMatter: [String: String], warnings: [String]) {
        var warnings: [String] = []
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.withUnsafeBytes({ b in b.baseAddress.map { memchr($0, 0, b.count) != nil } ?? false }) {
            warnings.append("file contains NUL bytes (binary?); read what text there is")
            bytes = bytes.map { $0 == 0 ? 0x20 : $0 }
        }
        var u: [UInt8]
        if bytes.withUnsafeBufferPointer({ Self.isValidUTF8($0) }) {
            u = bytes  // (the bytes are the text's UTF-8: no copy needed)
        } else {
            warnings.append("not valid UTF-8; invalid bytes replaced with U+FFFD")
            u = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        let html = isHTML ?? Self.looksLikeHTML(u)
        var title: String?
        if html {
            let stripped = HTMLStripper().strip(u)
            u = stripped.bytes
            title = stripped.title
        }
        u = Self.normalize(u)
        var front: [String: String] = [:]
        (u, front) = Self.frontMatter(u)
        // (Valid UTF-8 stays valid through the steps above, which replace or drop whole
        // scalars; should one ever not, decoding here repairs it as `decode` always did.)
        if !u.withUnsafeBufferPointer({ Self.isValidUTF8($0) }) { u = Array(String(decoding: u, as: UTF8.self).utf8) }
        return (u, title.map { String(decoding: Self.normalize(Array($0.utf8)), as: UTF8.self) }, front, warnings)
    }

    /// Whether `p` is well-formed UTF-8 (no overlong forms, surrogates or values above
    /// U+10FFFF: what `String(decoding:as:)` keeps unchanged), eight ASCII bytes at a time.
    /// (Decoding into a `String` and comparing did the same check at several times the cost.)
    static func isValidUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            if i >= n { break }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
            if b >= 0xC2 && b <= 0xDF {
                guard cont(i + 1) else { return false }
                i += 2
            } else if b >= 0xE0 && b <= 0xEF {
                guard i + 1 < n else { return false }
                let c = p[i + 1]
                let lo: UInt8 = b == 0xE0 ? 0xA0 : 0x80, hi: UInt8 = b == 0xED ? 0x9F : 0xBF
                guard c >= lo, c <= hi, cont(i + 2) else { return false }
                i += 3
            } else if b >= 0xF0 && b <= 0xF4 {
                guard i + 1 < n else { return false }
                let c = p[i + 1]
                let lo: UInt8 = b == 0xF0 ? 0x90 : 0x80, hi: UInt8 = b == 0xF4 ? 0x8F : 0xBF
                guard c >= lo, c <= hi, cont(i + 2), cont(i + 3) else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    static func looksLikeHTML(_ u: [UInt8]) -> Bool {
        var i = 0
        while i < u.count, u[i] == 0x20 || u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x09 { i += 1 }
        guard i < u.count, u[i] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: u[i..<min(u.count, i + 15)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype") || head.hasPrefix("<html") || head.hasPrefix("<p") || head.hasPrefix("<div")
            || head.hasPrefix("<article") || head.hasPrefix("<body") || head.hasPrefix("<h")
    }

    /// Typography normalisation over UTF-8 bytes (see the type's comment).
    static func normalize(_ u: [UInt8]) -> [UInt8] {
        // Every rewrite is at most as long as what it replaces, so the output fits in
        // `u.count` bytes and is written through a buffer (no per-byte append checks).
        let n = u.count
        return u.withUnsafeBufferPointer { u in
            [UInt8](unsafeUninitializedCapacity: n) { out, count in
                guard let src = u.baseAddress, let dst = out.baseAddress else {
                    count = 0  // (empty input)
                    return
                }
                var o = 0
                var i = 0
                @inline(__always) func put(_ b: UInt8) { out[o] = b; o += 1 }
                while i < n {
                    // A run of plain bytes (printable ASCII and newlines) is copied as it is.
                    var j = i
                    // Eight bytes at a time while none is below 0x20 or above 0x7F (the bits
                    // below mark such a byte), then byte by byte (newlines are plain too).
                    let raw = UnsafeRawPointer(src)
                    while j + 8 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                        let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                        if (w & 0x8080_8080_8080_8080) | low != 0 { break }
                        j += 8
                    }
                    while j < n, u[j] >= 0x20 && u[j] < 0x80 || u[j] == 0x0A { j += 1 }
                    if j > i {
                        (dst + o).update(from: src + i, count: j - i)
                        o += j - i
                        i = j
                        if i == n { break }
                    }
                    let b = u[i]
                    if b < 0x80 {
                        if b == 0x0D {
                            put(0x0A)
                            if i + 1 < n, u[i + 1] == 0x0A { i += 1 }
                        } else if b == 0x09 || b == 0x0B || b == 0x0C {
                            put(0x20)
                        } else {
                            put(b)
                        }
                        i += 1
                        continue
                    }
                    if b == 0xC2, i + 1 < n, u[i + 1] == 0xA0 {  // NBSP
                        put(0x20); i += 2; continue
                    }
                    if b == 0xE2, i + 2 < n, u[i + 1] == 0x80 {
                        let c = u[i + 2]
                        switch c {
                        case 0x98, 0x99, 0x9B, 0xB2: put(UInt8(ascii: "'")); i += 3; continue
                        case 0x9C, 0x9D, 0x9F, 0xB3: put(UInt8(ascii: "\"")); i += 3; continue
                        case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95: put(UInt8(ascii: "-")); i += 3; continue
                        case 0xA6: put(0x2E); put(0x2E); put(0x2E); i += 3; continue
                        case 0x80...0x8A, 0xAF: put(0x20); i += 3; continue  // en/em/thin/narrow spaces
                        case 0x8B, 0x8C, 0x8D: i += 3; continue  // zero-width characters
                        case 0xA8, 0xA9: put(0x0A); i += 3; continue  // line/paragraph separators
                        default: break
                        }
                    }
                    if b == 0xE2, i + 2 < n, u[i + 1] == 0x81, u[i + 2] == 0xA0 { i += 3; continue }  // word joiner
                    put(b)
                    i += 1
                }
                count = o
            }
        }
    }

    /// Removes a leading `---` ... `---` block and returns its `key: value` pairs (keys lowercased).
    static func frontMatter(_ u: [UInt8]) -> ([UInt8], [String: String]) {
        guard u.starts(with: Array("---\n".utf8)) else { return (u, [:]) }
        let limit = min(u.count, 4096)
        var lineStart = 4
        var pairs: [String: String] = [:]
        var i = 4
        while i < limit {
            if u[i] == 0x0A {
                let line = String(decoding: u[lineStart..<i], as: UTF8.self)
                if line.trimmingCharacters(in: .whitespaces) == "---" {
                    return (Array(u[(i + 1)...]), pairs)
                }
                if let colon = line.firstIndex(of: ":") {
                    let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, value.first == "\"" || value.first == "'", value.last == value.first {
                        value = String(value.dropFirst().dropLast())
                    }
                    pairs[key] = value
                }
                lineStart = i + 1
            }
            i += 1
        }
        return (u, [:])  // no closing line: not front matter
    }
}

import Foundation
