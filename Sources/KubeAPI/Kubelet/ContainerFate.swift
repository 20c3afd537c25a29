import KubeModel

/// What a container's command does when the simulation can tell: how long it runs and the exit code
/// it ends with. Read from the command and args: a shell script (`sh -c`, `bash -c`) or a direct
/// command made of `sleep N`, `echo ...`, `true`, `false`, `exit N` (and `touch`, `rm`, `mkdir`, ...) statements, separated by `;`, `&&`,
/// `||` or newlines. A loop (`while`, `until`, `for`), `tail -f`, `sleep infinity` or any other program
/// runs until stopped (nil), as does a container without a command (the image's own process).
struct ContainerFate: Equatable {
    var seconds: Int64
    var exitCode: Int64

    static func of(_ c: JSONValue) -> ContainerFate? {
        scriptText(c).flatMap(script)
    }

    /// The script a container runs: the `-c` argument of a shell, else its words joined.
    static func scriptText(_ c: JSONValue) -> String? {
        let words = ((c["command"].array ?? []) + (c["args"].array ?? [])).compactMap(\.string)
        guard let first = words.first else { return nil }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        if ["sh", "bash", "ash", "dash"].contains(program) {
            guard let i = words.firstIndex(of: "-c"), i + 1 < words.count else { return nil }
            return words[i + 1]
        }
        return words.joined(separator: " ")
    }

    /// A script's simple statements (split at `;`, `&&`, `||`, `|`, `&` and newlines; quotes removed).
    static func statements(_ text: String) -> [[String]] {
        var statements: [[String]] = []
        var current = ""
        var quote: Character?
        for ch in text {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
                continue
            }
            if ch == "'" || ch == "\"" { quote = ch; continue }
            if ch == ";" || ch == "\n" || ch == "&" || ch == "|" {
                statements.append(current.split(separator: " ").map(String.init))
                current = ""
                continue
            }
            current.append(ch)
        }
        statements.append(current.split(separator: " ").map(String.init))
        return statements.filter { !$0.isEmpty }
    }

    /// The fate of a small shell script, or nil when it does not end by itself (or cannot be told).
    static func script(_ text: String) -> ContainerFate? {
        let statements = statements(text)
        var seconds: Int64 = 0
        var code: Int64 = 0
        for st in statements where !st.isEmpty {
            // `/bin/false` is `false`.
            switch st[0].split(separator: "/").last.map(String.init) ?? st[0] {
            case "sleep":
                guard st.count == 2, let s = sleepSeconds(st[1]) else { return nil }
                seconds += s
                code = 0
            case "echo", "true", ":", "date", "hostname", "env", "printenv", "cat", "ls", "pwd", "id", "whoami", "uname", "nslookup",
                 "touch", "rm", "mkdir":
                if st[0] == "cat" && st.count == 1 { return nil }
                code = 0
            case "false": code = 1
            case "exit":
                return ContainerFate(seconds: seconds, exitCode: st.count > 1 ? (Int64(st[1]) ?? 2) : code)
            default:
                return nil
            }
        }
        return ContainerFate(seconds: seconds, exitCode: code)
    }

    /// `sleep`'s argument in seconds (`30`, `1.5`, `2m`, `1h`), nil for `infinity` or anything else.
    static func sleepSeconds(_ s: String) -> Int64? {
        var text = s
        var unit: Double = 1
        if let last = text.last, "smhd".contains(last) {
            unit = ["s": 1, "m": 60, "h": 3600, "d": 86400][String(last)] ?? 1
            text.removeLast()
        }
        // `inf`, `nan` and values beyond any clock (`1e400`) sleep for ever, as GNU sleep does.
        guard let v = Double(text), v >= 0, (v * unit).isFinite, v * unit < 1e15 else { return nil }
        return Int64((v * unit).rounded(.up))
    }
}

extension ContainerFate {
    /// Whether an init container's command takes time or fails (`sleep 10`, `exit 1`): it is then seen
    /// running until it exits at its time. One that succeeds at once (`echo done`), or whose command
    /// cannot be told (the image's own, a program), is reported completed as soon as it starts.
    static func runs(_ c: JSONValue) -> Bool {
        guard let fate = of(c) else { return false }
        return fate.seconds > 0 || fate.exitCode != 0
    }

    /// Whether the container's process stops as soon as its kubelet sends SIGTERM. The image's own
    /// process (no command or args: nginx, httpd, redis, ...) and a server given as the command do; a
    /// shell, `sleep`, `tail` or an interpreter running as PID 1 has no handler for it, and the kernel
    /// gives PID 1 no default action: the signal is ignored, and the container is killed (SIGKILL, exit
    /// code 137) when the grace period ends.
    static func stopsOnSIGTERM(_ c: JSONValue) -> Bool {
        let words = ((c["command"].array ?? []) + (c["args"].array ?? [])).compactMap(\.string)
        guard let first = words.first else { return true }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        return !ignoringPrograms.contains(program) && !program.hasPrefix("python")
    }

    /// Programs that install no SIGTERM handler of their own.
    static let ignoringPrograms: Set<String> = [
        "sh", "bash", "ash", "dash", "zsh", "ksh", "busybox", "sleep", "tail", "cat", "yes", "watch", "ping", "top",
        "node", "ruby", "perl", "php", "env", "true", "false", "echo", "printenv", "date", "while", "nc", "timeout",
    ]

    /// Seconds a container's preStop hook takes: a `sleep` action, or an exec command whose fate is
    /// known (`sleep 5`, `sh -c 'sleep 5; ...'`); an HTTP hook returns at once.
    static func preStopSeconds(_ c: JSONValue) -> Int64 {
        let hook = c["lifecycle"]["preStop"]
        if let s = hook["sleep"]["seconds"].int { return max(0, s) }
        if let command = hook["exec"]["command"].array, !command.isEmpty {
            return ContainerFate.of(["command": .array(command)])?.seconds ?? 0
        }
        return 0
    }
}
