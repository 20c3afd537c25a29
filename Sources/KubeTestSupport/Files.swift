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

/// `rm -r path` (files, links and directories below it; links are not followed).
public func removeTree(_ path: String) {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
        for name in directoryEntries(path) where name != "." && name != ".." { removeTree(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}
