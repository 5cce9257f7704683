import EvqModel
import EvqStore
import FuzzSupport

/// Arbitrary bytes as an event set: through EventSetIO (JSONL or a JSON array) and through
/// EvqStore's fast importer as JSON and as CSV. Any result is fine; a crash, a hang or a leak
/// is a bug.
@_cdecl("fuzz_import_main")
func fuzzImportMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in
        let bytes = [UInt8](UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
        _ = try? EventSetIO.read(String(decoding: bytes, as: UTF8.self), file: "fuzz.jsonl")
        let importer = EventSetImporter(chunkSize: 4096, parallelism: 1)
        _ = try? importer.read(json: bytes, file: "fuzz.jsonl")
        _ = try? importer.read(csv: bytes, file: "fuzz.csv")
        return 0
    }
}
