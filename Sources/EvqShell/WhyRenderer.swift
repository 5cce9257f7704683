import EvqDiagnostics
import EvqModel

/// `why`: each event with the sentences it was read from and their files; the words the date
/// and the count were read from are marked, with colour on a terminal and `[brackets]` otherwise.
///
///     e3f1a2b  release  2025-12-13  123  Lithuania, Ukraine
///       a.txt: Belarus freed [123] prisoners on [Saturday] ...
struct WhyRenderer {
    var paint: Paint
    /// Evidence is wrapped at word boundaries to this width (with a hanging indent); nil = no wrap.
    var width: Int? = nil

    /// Private-use sentinels that stand for the start and end of a mark while wrapping, so
    /// colour codes never count towards the width.
    static let markStart: Character = "\u{E000}", markEnd: Character = "\u{E001}"

    func render(_ events: [Event]) -> String {
        var out = ""
        for (n, event) in events.enumerated() {
            if n > 0 { out += "\n" }
            var head = [event.id, event.type.rawValue]
            if event.status != .occurred { head.append(event.status.rawValue) }
            if event.total { head.append("total") }
            if !event.date.display.isEmpty { head.append(event.date.display) }
            if let c = event.count, !c.display.isEmpty { head.append(c.display) }
            if !event.actors.isEmpty { head.append(event.actors.joined(separator: ", ")) }
            if !event.places.isEmpty { head.append("in " + event.places.joined(separator: ", ")) }
            out += paint(escapeControls(head.joined(separator: "  ")), Paint.bold) + "\n"
            let marks = [event.date.text, event.count?.text].compactMap { $0 }.filter { !$0.isEmpty }
            if event.evidence.isEmpty {
                out += "  (no evidence recorded; sources: \(escapeControls(event.sources.joined(separator: ", "))))\n"
            }
            for evidence in event.evidence {
                let source = escapeControls(evidence.source)
                let sentence = mark(escapeControls(evidence.sentence), words: marks.map(escapeControls))
                out += "  " + paint(source, Paint.heading) + ": " + wrap(sentence, first: source.count + 4) + "\n"
            }
        }
        return out
    }

    /// Breaks marked text into lines of at most `width` visible characters (the first line has
    /// `first` characters before it), indents continuation lines by four spaces, and turns the
    /// mark sentinels into colour or brackets.
    func wrap(_ text: String, first: Int) -> String {
        let visible = { (word: Substring) -> Int in
            word.filter { $0 != Self.markStart && $0 != Self.markEnd }.count + (self.paint.enabled ? 0 : word.filter { $0 == Self.markStart || $0 == Self.markEnd }.count)
        }
        var lines: [String] = []
        var current = ""
        var used = first
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let length = visible(word)
            if let width, !current.isEmpty, used + 1 + length > width {
                lines.append(current)
                current = String(word)
                used = 4 + length
            } else {
                if !current.isEmpty { current += " "; used += 1 }
                current += word
                used += length
            }
        }
        lines.append(current)
        let joined = lines.joined(separator: "\n    ")
        var out = ""
        var inside = false
        for c in joined {
            if c == Self.markStart {
                out += paint.enabled ? "\u{1B}[\(Paint.mark)m" : "["
                inside = true
            } else if c == Self.markEnd {
                out += paint.enabled ? "\u{1B}[0m" : "]"
                inside = false
            } else if c == "\n" && inside && paint.enabled {
                out += "\u{1B}[0m\n"
            } else {
                out.append(c)
                if c == " " && inside && paint.enabled && out.hasSuffix("\n    ") { out += "\u{1B}[\(Paint.mark)m" }
            }
        }
        return out
    }

    /// Marks every case-insensitive occurrence of each phrase, earliest and longest first,
    /// without overlapping marks.
    func mark(_ sentence: String, words: [String]) -> String {
        let chars = Array(sentence)
        let lower = chars.map { c -> Character in
            let l = c.lowercased()
            return l.count == 1 ? Character(l) : c
        }
        var ranges: [Range<Int>] = []
        for word in words.sorted(by: { $0.count > $1.count }) {
            let needle = Array(word).map { c -> Character in
                let l = c.lowercased()
                return l.count == 1 ? Character(l) : c
            }
            guard !needle.isEmpty, needle.count <= lower.count else { continue }
            var i = 0
            while i + needle.count <= lower.count {
                if Array(lower[i..<(i + needle.count)]) == needle, !ranges.contains(where: { $0.overlaps(i..<(i + needle.count)) }) {
                    ranges.append(i..<(i + needle.count))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        var out = ""
        var position = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            out += String(chars[position..<range.lowerBound])
            let text = String(chars[range])
            out += "\(Self.markStart)\(text)\(Self.markEnd)"
            position = range.upperBound
        }
        return out + String(chars[position...])
    }
}
