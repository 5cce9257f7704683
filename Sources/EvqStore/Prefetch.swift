import CEvqPrefetch
import EvqModel

/// Cache hints for the heap objects behind `String` and `[String]` values, for the cache's
/// decoder (see `SegmentDecoder.skim`).
///
/// Reads the values' bits to find their objects. That is the standard library's private
/// layout, but only a hint depends on it: a prefetch never faults and never changes memory,
/// so a wrong address costs one wasted hint and nothing else.
enum Prefetch {
    /// The cache line at `address`.
    @inline(__always)
    static func line(_ address: UnsafeRawPointer) {
        evq_prefetch_for_write(address)
    }

    /// The object holding the characters of the string at `string`, if it has one (a string
    /// of up to 15 UTF-8 bytes is stored in the value itself, a literal in the program).
    @inline(__always)
    static func object(of string: UnsafePointer<String>) {
        // A String is two words: count and flags, then the object with a discriminator in its
        // top four bits, which are zero for a string whose characters are on the heap.
        let bits = UnsafeRawPointer(string).load(fromByteOffset: 8, as: UInt.self)
        guard bits >> 60 == 0, bits != 0 else { return }
        evq_prefetch_for_write(UnsafeRawPointer(bitPattern: bits))
    }

    /// The storage of the list at `list`, if it has been made (an array is one reference to
    /// its storage; nil is zero).
    @inline(__always)
    static func object(ofList list: UnsafePointer<[String]?>) -> Bool {
        let bits = UnsafeRawPointer(list).load(as: UInt.self)
        guard bits != 0 else { return false }
        evq_prefetch_for_write(UnsafeRawPointer(bitPattern: bits))
        return true
    }
}
