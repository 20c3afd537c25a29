#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// Where a command writes: either straight to a file descriptor (the binary) or into a buffer (tests).
public final class OutputStream: @unchecked Sendable {
    private let fd: Int32?
    public private(set) var buffer: [UInt8] = []

    public init(fd: Int32) { self.fd = fd }
    public init() { self.fd = nil }

    public func write(_ s: String) {
        guard !s.isEmpty else { return }
        var s = s
        s.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// UTF-8 text as bytes (streamed listings: no round trip through `String`).
    public func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard let fd else { return buffer.append(contentsOf: bytes) }
        var off = 0
        while off < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + off, bytes.count - off)
            if n <= 0 { if errno == EINTR { continue }; return }
            off += n
        }
    }

    public var text: String { String(decoding: buffer, as: UTF8.self) }

    /// Whether the stream is a terminal (kubectl prints some outputs differently there).
    public var isTerminal: Bool { fd.map { isatty($0) == 1 } ?? false }
}

/// cli-runtime's IOStreams: standard input (read lazily), output and error output.
public struct IOStreams: @unchecked Sendable {
    public var out: OutputStream
    public var err: OutputStream
    private let stdinProvider: @Sendable () -> [UInt8]
    private var wordProvider: (@Sendable () -> String?)?

    public init(out: OutputStream, err: OutputStream, stdin: @escaping @Sendable () -> [UInt8]) {
        self.out = out
        self.err = err
        self.stdinProvider = stdin
    }

    public func readStdin() -> [UInt8] { stdinProvider() }

    /// The first word of standard input (Go's `fmt.Fscan` into a string: blanks and newlines before it
    /// are skipped); nil at end of input. From a terminal it returns once the word is typed.
    public func readWord() -> String? {
        if let wordProvider { return wordProvider() }
        let word = String(decoding: readStdin(), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).first
        return word.map(String.init)
    }

    public static func standard() -> IOStreams {
        var io = IOStreams(out: OutputStream(fd: 1), err: OutputStream(fd: 2), stdin: { readAll(fd: 0) })
        io.wordProvider = { readFirstWord(fd: 0) }
        return io
    }

    /// Buffers for tests; `stdin` is what the command reads from `-f -`.
    public static func buffers(stdin: String = "") -> IOStreams {
        let bytes = Array(stdin.utf8)
        return IOStreams(out: OutputStream(), err: OutputStream(), stdin: { bytes })
    }
}

/// Reads one byte at a time up to the end of the first word, so nothing after it is consumed.
func readFirstWord(fd: Int32) -> String? {
    var word: [UInt8] = []
    var byte: UInt8 = 0
    while true {
        let n = read(fd, &byte, 1)
        if n < 0 { if errno == EINTR { continue }; break }
        if n == 0 { break }
        let blank = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        if blank { if word.isEmpty { continue } else { break } }
        word.append(byte)
    }
    return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
}
