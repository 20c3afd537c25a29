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

/// Go's `filepath.Abs`: `path` made absolute against the working directory, then cleaned.
public func absolutePath(_ path: String) -> String {
    var p = path
    if !p.hasPrefix("/") {
        var buf = [CChar](repeating: 0, count: 4096)
        if getcwd(&buf, buf.count) != nil { p = String(cString: buf) + "/" + p }
    }
    return cleanAbsolutePath(p)
}

/// Go's `filepath.Join(dir, entry)` for an absolute `dir`; an absolute `entry` stands alone.
public func joinPath(_ dir: String, _ entry: String) -> String {
    cleanAbsolutePath(entry.hasPrefix("/") ? entry : dir + "/" + entry)
}

/// Go's `filepath.Clean` for absolute paths: no `.`, `..` or repeated slashes.
public func cleanAbsolutePath(_ path: String) -> String {
    var parts: [Substring] = []
    for seg in path.split(separator: "/", omittingEmptySubsequences: true) {
        if seg == "." { continue }
        if seg == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
        parts.append(seg)
    }
    return "/" + parts.joined(separator: "/")
}

/// Go's `filepath.Clean`: no `.` segments, no repeated slashes, `..` taken back where it can be (kept at
/// the start of a relative path, dropped at the root); "" is ".".
public func goCleanPath(_ path: String) -> String {
    let rooted = path.hasPrefix("/")
    var parts: [Substring] = []
    for seg in path.split(separator: "/", omittingEmptySubsequences: true) {
        if seg == "." { continue }
        if seg == ".." {
            if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append(seg) }
            continue
        }
        parts.append(seg)
    }
    let joined = parts.joined(separator: "/")
    if rooted { return "/" + joined }
    return joined.isEmpty ? "." : joined
}

/// Why `open(path)` for reading fails, as Go's `os.Open` says it (`open x: no such file or directory`);
/// nil when it opens (a directory opens too).
public func openFailure(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return "open \(path): \(goErrnoText(errno))" }
    close(fd)
    return nil
}
