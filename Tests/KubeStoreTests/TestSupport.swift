import Glibc
@testable import KubeStore

/// A fresh temporary directory, removed (with everything in it) by `remove()`.
struct TempDir {
    let path: String

    init() {
        var template = Array("/tmp/kubestore-test-XXXXXX".utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(result != nil, "mkdtemp failed")
        path = String(cString: template)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        _ = system("rm -rf '\(path)'")
    }
}

func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : -1
}

/// A row with sensible defaults for tests.
func row(_ resource: String = "/pods", _ namespace: String = "default", name: String,
         uid: String? = nil, rv: Int64 = 1, labels: String = "{}", owners: [String] = [],
         cells: String = "", data: String? = nil) -> ObjectRow {
    ObjectRow(resource: resource, namespace: namespace, name: name, uid: uid ?? "uid-\(namespace)-\(name)",
              resourceVersion: rv, labels: labels, ownerUIDs: owners, cells: cells,
              data: data ?? #"{"metadata":{"name":"\#(name)"}}"#)
}

private final class ThreadBody {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Runs each closure on its own OS thread and waits for all of them.
func runOnThreads(_ bodies: [() -> Void]) {
    var threads: [pthread_t] = []
    for body in bodies {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            let box = Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        precondition(rc == 0, "pthread_create failed")
        threads.append(thread)
    }
    for thread in threads { pthread_join(thread, nil) }
}

/// A value shared between threads, guarded by a mutex.
final class Locked<Value> {
    private var value: Value
    private var mutex = pthread_mutex_t()
    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
    }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body(&value)
    }
}
