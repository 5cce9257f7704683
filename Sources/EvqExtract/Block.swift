import Foundation

/// A paragraph-like unit of an article and what it was judged to be.
public struct Block: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Story text: events are read from it.
        case body
        /// A title or section heading: its facts only support events of the body.
        case heading
        /// A photo caption: supporting evidence only.
        case caption
        /// The dateline block (a date line before the story).
        case dateline
        /// Page furniture: link lists, teasers, weather and clock lines, source lines, credits.
        case boilerplate
    }

    /// UTF-8 byte range in the cleaned text.
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// A list item ("•", "-", "*" bullet or an HTML `<li>`).
    public var isBullet: Bool
    /// Why it got its kind (for tests and debugging).
    public var reason: String
}

/// Stage: cleaned text -> blocks. Blank lines separate blocks; within a block, a line that
/// ends a sentence, a short line, or a bulleted line stands alone, while long lines without
/// final punctuation are hard-wrapped text and are joined to the next line.
public struct BlockSplitter: Sendable {
    public init() {}

    public func split(_ u: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var lines: [(Int, Int)] = []
        // Lines end at each newline and at the end of the text; newlines found by `memchr`.
        u.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> Void in
            guard let base = p.baseAddress else {
                lines.append((0, 0))
                return
            }
            var s = 0
            while true {
                var e = p.count
                if s < p.count {
                    let from = UnsafeRawPointer(base + s)
                    if let hit = memchr(from, 0x0A, p.count - s) { e = s + from.distance(to: UnsafeRawPointer(hit)) }
                }
                lines.append((s, e))
                if e >= p.count { break }
                s = e + 1
            }
        }
        var cur: (Int, Int)? = nil
        var curBullet = false
        func flush() {
            if let c = cur { blocks.append(Block(start: c.0, end: c.1, kind: .body, isBullet: curBullet, reason: "")) }
            cur = nil
            curBullet = false
        }
        for (ls, le) in lines {
            var a = ls, b = le
            while a < b, u[a] == 0x20 { a += 1 }
            while b > a, u[b - 1] == 0x20 { b -= 1 }
            if a == b { flush(); continue }
            var bullet = false
            if let skip = bulletLength(u, a, b) {
                bullet = true
                a += skip
                while a < b, u[a] == 0x20 { a += 1 }
                if a == b { continue }
            }
            if bullet { flush() }
            if var c = cur {
                c.1 = b
                cur = c
            } else {
                cur = (a, b)
                curBullet = bullet
            }
            // Does this line continue on the next one (hard wrap)?
            let long = b - a >= 60
            let last = u[b - 1]
            let final = last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                || last == UInt8(ascii: "\"") || last == UInt8(ascii: ":") || last == UInt8(ascii: ")")
            if bullet || !long || final { flush() }
        }
        flush()
        return blocks
    }

    /// Bytes taken by a leading bullet marker, if the line has one.
    func bulletLength(_ u: [UInt8], _ a: Int, _ b: Int) -> Int? {
        let c = u[a]
        if (c == UInt8(ascii: "-") || c == UInt8(ascii: "*")) && a + 1 < b && u[a + 1] == 0x20 { return 1 }
        // U+2022 bullet, U+00B7 middle dot, U+25AA/U+25CF squares and circles.
        if c == 0xE2, a + 2 < b, u[a + 1] == 0x80, u[a + 2] == 0xA2 { return 3 }
        if c == 0xC2, a + 1 < b, u[a + 1] == 0xB7 { return 2 }
        if c == 0xE2, a + 2 < b, u[a + 1] == 0x96, u[a + 2] == 0xAA { return 3 }
        if c == 0xE2, a + 2 < b, u[a + 1] == 0x97, u[a + 2] == 0x8F { return 3 }
        return nil
    }
}
