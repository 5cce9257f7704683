/// HTML to text for articles: tags removed, block elements turned into blank lines (so each
/// paragraph, list item and heading becomes its own block), non-content elements (`head`,
/// `script`, `style`, `nav`, `footer`, `noscript`, `svg`) dropped, entities decoded.
/// One linear pass; a malformed tag (no `>`) is kept as text.
struct HTMLStripper {
    static let blockTags: Set<String> = [
        "p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "td", "th", "section", "article", "aside",
        "ul", "ol", "blockquote", "figure", "figcaption", "header", "main", "dd", "dt", "table", "hr", "pre", "time",
    ]
    static let droppedTags: Set<String> = ["head", "script", "style", "nav", "footer", "noscript", "svg", "template", "form"]
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "-", "ndash": "-",
        "ldquo": "\"", "rdquo": "\"", "lsquo": "'", "rsquo": "'", "bdquo": "\"", "laquo": "\"", "raquo": "\"",
        "middot": "·", "copy": "©", "hellip": "...", "bull": "•", "shy": "", "thinsp": " ", "ensp": " ", "emsp": " ",
        "eacute": "é", "aacute": "á", "oacute": "ó", "uacute": "ú", "iacute": "í", "scaron": "š", "zcaron": "ž",
        "ccaron": "č", "auml": "ä", "ouml": "ö", "uuml": "ü", "szlig": "ß", "deg": "°", "euro": "€", "pound": "£",
    ]

    struct Result {
        var bytes: [UInt8]
        var title: String?
    }

    func strip(_ u: [UInt8]) -> Result {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var title: String?
        if let at = findCaseInsensitive(Array("<title".utf8), in: u, from: 0), let open = u[at...].firstIndex(of: UInt8(ascii: ">")),
            let end = find(Array("</".utf8), in: u, from: open + 1)
        {
            title = String(decoding: decodeEntities(Array(u[(open + 1)..<end])), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var i = 0
        let n = u.count
        // Once a "<" has no ">" after it, none later has either: treat the rest as text, so
        // input full of stray "<" stays linear.
        var noMoreClose = false
        while i < n {
            let b = u[i]
            if b == UInt8(ascii: "<"), !noMoreClose {
                // Comments.
                if i + 3 < n, u[i + 1] == UInt8(ascii: "!"), u[i + 2] == UInt8(ascii: "-"), u[i + 3] == UInt8(ascii: "-") {
                    i = find(Array("-->".utf8), in: u, from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                guard let close = u[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) else {
                    noMoreClose = true
                    out.append(b); i += 1; continue
                }
                var j = i + 1
                var closing = false
                if j < close, u[j] == UInt8(ascii: "/") { closing = true; j += 1 }
                var name = ""
                while j < close, isNameByte(u[j]) {
                    name.unicodeScalars.append(Unicode.Scalar(u[j] | (u[j] >= 65 && u[j] <= 90 ? 0x20 : 0)))
                    j += 1
                }
                if name.isEmpty, !closing, j < close, u[j] != UInt8(ascii: "!") && u[j] != UInt8(ascii: "?") {
                    out.append(b); i += 1; continue  // a literal "<" in text
                }
                i = close + 1
                if !closing, name == "title" {
                    if let end = find(Array("</".utf8), in: u, from: i) {
                        title = String(decoding: decodeEntities(Array(u[i..<end])), as: UTF8.self)
                            .trimmingCharacters(in: .whitespacesAndNewlines)
                        i = end
                    }
                    continue
                }
                if !closing, Self.droppedTags.contains(name), u[close - 1] != UInt8(ascii: "/") {
                    // Skip to the matching close tag (same name; nesting of these is rare).
                    let pattern = Array("</\(name)".utf8)
                    i = findCaseInsensitive(pattern, in: u, from: i).flatMap { at in
                        u[at...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }
                    } ?? n
                    out.append(contentsOf: [0x0A, 0x0A])
                    continue
                }
                if Self.blockTags.contains(name) {
                    out.append(contentsOf: [0x0A, 0x0A])
                }
                continue
            }
            out.append(b)
            i += 1
        }
        return Result(bytes: decodeEntities(collapseLines(out)), title: title)
    }

    func isNameByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    /// Source line breaks inside HTML are just spaces; only the blank lines we inserted separate
    /// blocks. Runs of whitespace inside a block collapse to one space.
    func collapseLines(_ u: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var pendingSpace = false
        var newlines = 0
        for b in u {
            if b == 0x0A && newlines >= 0 {
                // An inserted block break is two newlines; a single source newline is a space.
                newlines += 1
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0D {
                pendingSpace = true
                continue
            }
            if newlines >= 2 {
                if !out.isEmpty { out.append(contentsOf: [0x0A, 0x0A]) }
            } else if (newlines == 1 || pendingSpace) && !out.isEmpty {
                out.append(0x20)
            }
            newlines = 0
            pendingSpace = false
            out.append(b)
        }
        return out
    }

    func decodeEntities(_ u: [UInt8]) -> [UInt8] {
        guard u.contains(UInt8(ascii: "&")) else { return u }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "&") {
                var j = i + 1
                while j < u.count, j - i <= 10, u[j] != UInt8(ascii: ";"), u[j] != UInt8(ascii: " ") { j += 1 }
                if j < u.count, u[j] == UInt8(ascii: ";") {
                    let name = String(decoding: u[(i + 1)..<j], as: UTF8.self)
                    var replacement: String?
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else if name.hasPrefix("#") {
                        replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else {
                        replacement = Self.entities[name]
                    }
                    if let r = replacement {
                        out.append(contentsOf: Array(r.utf8))
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(u[i])
            i += 1
        }
        return out
    }

    func find(_ pattern: [UInt8], in u: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty, from <= u.count - pattern.count else { return nil }
        var i = from
        while i <= u.count - pattern.count {
            if u[i] == pattern[0] {
                var k = 1
                while k < pattern.count, u[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    func findCaseInsensitive(_ pattern: [UInt8], in u: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty, from <= u.count - pattern.count else { return nil }
        func low(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }
        var i = from
        while i <= u.count - pattern.count {
            var k = 0
            while k < pattern.count, low(u[i + k]) == low(pattern[k]) { k += 1 }
            if k == pattern.count { return i }
            i += 1
        }
        return nil
    }
}

import Foundation
