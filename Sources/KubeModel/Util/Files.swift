#if canImport(Glibc)
import Glibc
#endif

/// Everything left to read on `fd` (retrying interrupted reads; an error ends the read).
public func readAll(fd: Int32) -> [UInt8] {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        if n < 0 { if errno == EINTR { continue }; break }
        if n == 0 { break }
        result.append(contentsOf: chunk[0..<n])
    }
    return result
}

/// The bytes of the file at `path`, or the errno of the failed open.
public func readFile(_ path: String) -> Result<[UInt8], FileErrno> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(FileErrno(code: errno)) }
    defer { close(fd) }
    return .success(readAll(fd: fd))
}

/// An errno from a file call, worded as Go words it (`no such file or directory`).
public struct FileErrno: Error {
    public let code: Int32
    public var goText: String { goErrnoText(code) }
}

/// Go's wording of an errno (`no such file or directory`): strerror, first letter lowercased.
public func goErrnoText(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
}

/// Creates (or truncates) `path` with `mode` and writes all of `text`. On failure: the call that failed
/// ("open" or "write") and its errno, for the caller's message.
public func writeWholeFile(_ path: String, _ text: String, mode: mode_t = 0o644) -> (call: String, errno: Int32)? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { return ("open", errno) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    var off = 0
    while off < bytes.count {
        let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return ("write", errno) }
        off += n
    }
    return nil
}
