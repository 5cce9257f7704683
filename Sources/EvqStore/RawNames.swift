import Foundation

/// The names of a string-valued enum as bytes, so that an importer can recognise a field's
/// value (`"occurred"`, `"at_least"`, `"day"`) straight from the JSON bytes instead of building
/// a `String` for every line and comparing it case by case.
struct RawNames<Value: RawRepresentable> where Value.RawValue == String {
    private let names: [(bytes: [UInt8], value: Value)]

    init(_ values: [Value]) {
        names = values.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The value whose name is exactly the bytes of `raw` (unescaped), if any.
    func value(_ raw: RawString, in s: JSONScanner) -> Value? {
        names.first { s.raw(raw, is: $0.bytes) }?.value
    }
}

/// An object key as read: its raw token and, when it has escapes, its decoded text.
struct FieldName {
    let raw: RawString
    let decoded: String?
}

extension JSONScanner {
    /// Whether the unescaped string token `raw` is exactly `bytes`.
    func raw(_ raw: RawString, is bytes: [UInt8]) -> Bool {
        guard !raw.hasEscapes, raw.end - raw.start == bytes.count, let base = self.bytes.baseAddress else { return false }
        return bytes.withUnsafeBufferPointer { memcmp(base + raw.start, $0.baseAddress!, $0.count) == 0 }
    }

    /// Reads an object key (after whitespace) without building a `String` for it.
    mutating func readFieldName() throws(ScanError) -> FieldName {
        skipWhitespace()
        let raw = try scanString()
        return FieldName(raw: raw, decoded: raw.hasEscapes ? try unescape(raw) : nil)
    }

    /// Whether the key spells `word` (an ASCII literal).
    func field(_ f: FieldName, is word: StaticString) -> Bool {
        if let d = f.decoded { return d == word.description }
        return keyIs(f.raw, word)
    }

    /// The key's text, for messages.
    func text(_ f: FieldName) -> String {
        f.decoded ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[f.raw.start..<f.raw.end]), as: UTF8.self)
    }
}
