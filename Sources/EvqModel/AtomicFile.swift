import Foundation

/// Writing a file so that a crash, a full disk or a kill never leaves it half-written: the text
/// goes to a temporary file in the same folder, is flushed to disk, and is renamed over the
/// target in one step. Used by `.export`, `evq report` and `evq test --update`.
///
/// A target that is not a regular file (a terminal, a pipe, `/dev/stdout`, a device) cannot be
/// replaced without destroying it, so it is written directly; a symbolic link is followed, so the
/// link stays and its target gets the new text. Errors carry the system's reason ("No space left
/// on device", "Read-only file system").
public enum AtomicFile {
    public struct WriteError: Error, LocalizedError, CustomStringConvertible, Sendable {
        public var reason: String
        public var description: String { reason }
        public var errorDescription: String? { reason }
    }

    public static func write(_ text: String, to path: String, permissions: Int = 0o644) throws(WriteError) {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if stat(target, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw WriteError(reason: "it is a folder") }
            if kind != S_IFREG {
                let fd = open(target, O_WRONLY)
                guard fd >= 0 else { throw failure() }
                defer { close(fd) }
                try writeAll(Array(text.utf8), to: fd)
                return
            }
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temp = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, mode_t(permissions))
        guard fd >= 0 else { throw failure() }
        do throws(WriteError) {
            try writeAll(Array(text.utf8), to: fd)
            guard fsync(fd) == 0 else { throw failure() }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        if rename(temp, target) != 0 {
            let error = failure()
            unlink(temp)
            throw error
        }
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += n
        }
    }

    static func failure() -> WriteError { WriteError(reason: String(cString: strerror(errno))) }
}
