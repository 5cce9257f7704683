/// A streaming FNV-1a digest of bytes: what evq uses to tell changed content from unchanged
/// (cache keys, lexicon fingerprints, corpus validators) and to derive event ids. Not
/// cryptographic: it only has to tell edits apart, never resist an adversary.
///
/// Two 64-bit lanes with different offset bases (the second over the bytes xor 0x5a) give a
/// 128-bit key, so ten thousand articles need not worry about collisions; `lane64` alone is
/// plain FNV-1a 64, which event ids have always used.
public struct ContentDigest: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    /// An empty digest.
    public init() {}

    /// Adds one byte.
    @inline(__always)
    public mutating func feed(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte ^ 0x5a)) &* 0x0000_0100_0000_01B3
    }

    /// Adds bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        // Contiguous bytes (arrays, native strings) in a plain loop: called from another
        // module this function is not specialised, and going through the sequence's iterator
        // one byte at a time was most of the cost of hashing ten thousand articles.
        let done = bytes.withContiguousStorageIfAvailable { buffer in feed(buffer) }
        if done != nil { return }
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>) {
        var a = self.a, b = self.b
        for byte in buffer {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5a)) &* 0x0000_0100_0000_01B3
        }
        self.a = a
        self.b = b
    }

    /// Adds a string's UTF-8 bytes.
    public mutating func feed(_ text: String) { feed(text.utf8) }

    /// The first lane: FNV-1a 64 of everything fed.
    public var lane64: UInt64 { a }

    /// Both lanes as 32 lowercase hex digits.
    public var hex: String { Self.hex(a) + Self.hex(b) }

    /// FNV-1a 64 of a string (the first lane alone).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var d = ContentDigest()
        d.feed(text)
        return d.lane64
    }

    /// FNV-1a 64 of a string as 16 lowercase hex digits.
    public static func fnv1a64Hex(_ text: String) -> String { hex(fnv1a64(text)) }

    /// The 32-hex-digit digest of bytes.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var d = ContentDigest()
        d.feed(bytes)
        return d.hex
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
