#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// The command-line entry point: parse, run, render errors. Never exits the process itself.
public enum CLI {
    public static func run(_ argv: [String]) -> Int32 {
        run(argv, io: .standard(), environment: processEnvironment())
    }

    public static func run(_ argv: [String], io: IOStreams, environment: [String: String]) -> Int32 {
        // Shell completion requests carry any words (flags included): answered before flag parsing.
        if let first = argv.first, first == "__complete" || first == "__completeNoDesc" {
            return Completer.run(Array(argv.dropFirst()), descriptions: first == "__complete", io: io, environment: environment)
        }
        let parsed: ParseResult
        do {
            parsed = try CommandLineParser.parse(argv, root: RootCommand.root(for: argv), globalFlags: GlobalFlags.all)
        } catch let e as FlagError {
            io.err.write(e.rendered)
            return e.exitCode
        } catch {
            io.err.write("error: \(error)\n")
            return 1
        }
        io.err.write(parsed.warnings)
        let commandLine = (["kubectl"] + parsed.path).joined(separator: " ")
        if parsed.helpRequested {
            io.out.write(Help.render(parsed.command, path: parsed.path))
            return 0
        }
        let clock: Clock
        switch Clock.from(environment: environment) {
        case .success(let c): clock = c
        case .failure(let e):
            io.err.write("error: \(e)\n")
            return 1
        }
        var inv = Invocation(commandPath: parsed.path, args: parsed.args, argsLenAtDash: parsed.argsLenAtDash,
                             flags: parsed.flags, io: io, environment: environment, clock: clock)
        do {
            guard let run = parsed.command.run else {
                if parsed.path.isEmpty {
                    io.out.write(Help.render(parsed.command, path: parsed.path))
                    return 0
                }
                // A command group run alone (kubectl's DefaultSubCommandRun): an argument is an unknown
                // subcommand; otherwise its help, and exit 1 (on stderr; `rollout` prints to stdout).
                // cmdutil.DefaultSubCommandRun names every argument: `unknown command "bogus x"`.
                if !parsed.args.isEmpty {
                    throw CLIError.usage("unknown command \(strconvQuote(parsed.args.joined(separator: " ")))")
                }
                let help = Help.render(parsed.command, path: parsed.path)
                if parsed.path == ["rollout"] { io.out.write(help) } else { io.err.write(help) }
                return 1
            }
            try GlobalFlagChecks.before(inv)
            try run(&inv)
            try GlobalFlagChecks.after(inv)
            return inv.exitCode
        } catch {
            let (text, code) = ErrorRenderer.render(error, commandLine: commandLine)
            io.err.write(text)
            return code
        }
    }

    public static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let bytes = UnsafeRawBufferPointer(start: entry, count: strlen(entry)).bindMemory(to: UInt8.self)
            if let eq = bytes.firstIndex(of: UInt8(ascii: "=")) {
                env[String(decoding: bytes[..<eq], as: UTF8.self)] = String(decoding: bytes[(eq + 1)...], as: UTF8.self)
            }
            p += 1
        }
        return env
    }
}
