import Foundation

/// A failure to open or read a file, with the system's words for it.
struct FileError: Error {
    var message: String
}

/// Reads a file sequentially through a POSIX descriptor, so large files can be read in chunks
/// without Foundation's `Data` copies.
final class FileReader {
    private let fd: Int32

    init(path: String) throws(FileError) {
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(message: "is a directory")
        }
        fd = open(path, O_RDONLY)
        if fd < 0 { throw FileError(message: "cannot open: \(String(cString: strerror(errno)))") }
        size = stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// The file's size when opened (0 if unknown), for sizing buffers.
    let size: Int

    /// Reads up to the free space after `offset` into `buffer`; 0 means end of file.
    func read(into buffer: inout [UInt8], at offset: Int) throws(FileError) -> Int {
        let capacity = buffer.count - offset
        guard capacity > 0 else { return 0 }
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + offset, capacity) }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FileError(message: "cannot read: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads up to `buffer.count` bytes into `buffer`; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FileError(message: "cannot read: \(String(cString: strerror(errno)))")
        }
    }

    func close() { _ = Foundation.close(fd) }
}
