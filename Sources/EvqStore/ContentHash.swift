/// FNV-1a 64-bit hashes of document contents: the cache key of an article. Not cryptographic;
/// it only has to tell changed files from unchanged ones.
public enum ContentHash {
    /// The hash of `bytes` as 16 lowercase hex digits.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash of a string's UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> String { fnv1a64(text.utf8) }
}
