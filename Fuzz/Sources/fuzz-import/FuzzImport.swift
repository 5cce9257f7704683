import EvqModel
import FuzzSupport

/// Arbitrary bytes as an event set (JSONL or JSON array). Any result is fine; a crash, a hang
/// or a leak is a bug.
@_cdecl("fuzz_import_main")
func fuzzImportMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in
        let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
        _ = try? EventSetIO.read(String(decoding: bytes, as: UTF8.self), file: "fuzz.jsonl")
        return 0
    }
}
