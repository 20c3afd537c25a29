#if canImport(Glibc)
import Glibc
#endif

/// The names in a directory (without `.` and `..`), sorted; empty when it cannot be read.
public func directoryEntries(_ path: String) -> [String] {
    guard let d = opendir(path) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let e = readdir(d) {
        let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// The recorded cases of a golden folder: its subfolders that hold a `cmd` file, without names that
/// begin with `.` or `_` (shared inputs such as `_files`), sorted.
public func goldenCaseNames(in dir: String) -> [String] {
    directoryEntries(dir).filter { name in
        !name.hasPrefix(".") && !name.hasPrefix("_") && readTextFile("\(dir)/\(name)/cmd") != nil
    }
}

/// A path beside the calling test file: `besideTest("Golden/create")` in `Tests/X/CreateTests.swift` is
/// `Tests/X/Golden/create`. The default argument takes the caller's `#filePath`.
public func besideTest(_ relative: String, file: String = #filePath) -> String {
    guard let slash = file.lastIndex(of: "/") else { return relative }
    return String(file[..<slash]) + "/" + relative
}

/// The lines of a golden list file (`cases.txt` and its siblings), without empty lines and `#` comments.
public func goldenListLines(_ path: String) -> [String] {
    (readTextFile(path) ?? "").split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
}

/// The `NAME<TAB>ARGS` lines of a golden list file, split at their first tab; other lines are skipped.
public func goldenTabCases(_ path: String) -> [(name: String, args: String)] {
    goldenListLines(path).compactMap { line in
        let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}

/// A recorded command's result: `BASE.stdout`, `BASE.stderr` and `BASE.exit` (a missing file reads as empty,
/// a missing or unreadable exit as -1).
public func recordedResult(_ base: String) -> CLIResult {
    CLIResult(stdout: readTextFile("\(base).stdout") ?? "", stderr: readTextFile("\(base).stderr") ?? "",
              exitCode: Int32((readTextFile("\(base).exit") ?? "").trimmingCharacters(in: "\n")) ?? -1)
}
