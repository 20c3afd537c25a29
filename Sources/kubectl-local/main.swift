import KubectlCLI
#if canImport(Glibc)
import Glibc
#endif

// Commands run on a thread with a large stack: readers stop at kubectl's nesting limits (10,000
// levels), and everything that walks a value that deep (printers, patches, validation) must not
// overflow the 8 MB main-thread stack. The memory is reserved, not committed, until used.
nonisolated(unsafe) var exitCode: Int32 = 0
var attr = pthread_attr_t()
pthread_attr_init(&attr)
pthread_attr_setstacksize(&attr, 1 << 30)
var thread = pthread_t()
let started = pthread_create(&thread, &attr, { _ in
    exitCode = CLI.run(Array(CommandLine.arguments.dropFirst()))
    return nil
}, nil)
if started != 0 {
    exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
}
pthread_join(thread, nil)
exit(exitCode)
