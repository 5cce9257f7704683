/// Where the shell writes: standard output for results, standard error for diagnostics and
/// status, and the width of the terminal. Injected so the library never touches stdout or
/// `ioctl` itself, and tests can capture everything.
public struct Console {
    /// Writes result text (already terminated by newlines).
    public var out: (String) -> Void
    /// Writes diagnostics, warnings and status lines.
    public var err: (String) -> Void
    /// The current terminal width in columns, or nil when output is not a terminal.
    public var width: () -> Int?

    /// A console from its three parts.
    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, width: @escaping () -> Int? = { nil }) {
        self.out = out
        self.err = err
        self.width = width
    }
}

/// A console that keeps everything written to it, for tests and for `.export`.
public final class CapturedConsole {
    /// Everything written to standard output so far.
    public private(set) var output = ""
    /// Everything written to standard error so far.
    public private(set) var errors = ""
    /// The width reported to the shell.
    public var width: Int?

    /// An empty capture reporting `width` as the terminal width.
    public init(width: Int? = nil) { self.width = width }

    /// A `Console` writing into this capture.
    public var console: Console {
        Console(out: { [unowned self] in self.output += $0 }, err: { [unowned self] in self.errors += $0 },
                width: { [unowned self] in self.width })
    }
}

import Foundation

extension Console {
    /// The process's standard output and error (unbuffered: each call is one write).
    public static func standard(width: @escaping () -> Int? = { nil }) -> Console {
        Console(out: { FileHandle.standardOutput.write(Data($0.utf8)) }, err: { FileHandle.standardError.write(Data($0.utf8)) }, width: width)
    }
}
