import KubeModel

/// What a probe finds, by one documented rule (README, "Probes"):
/// - an exec probe that checks a file (`cat F`, `test -f F`, `test -e F`, `[ -f F ]`) fails while F is
///   absent, F following the container's own `touch F` / `rm F` at its script's `sleep` times;
/// - an httpGet or tcpSocket probe that names a port the container does not declare (and that is no
///   number) errors as the kubelet's port lookup does (`strconv.Atoi: parsing "web": invalid syntax`):
///   the prober throws such a result away, so the probe never succeeds nor fails;
/// - an httpGet, tcpSocket or grpc probe of a container whose command serves nothing (a shell script or
///   program made only of `sleep`, `echo`, `touch`, `tail`, loops and the like) fails: the connection is
///   refused (grpc: the dial times out);
/// - everything else succeeds (the image's own process, or a program the simulation cannot read, serves).
enum ProbeResult: Equatable {
    case success
    /// The probe's output, after `... probe failed: `.
    case failure(String)
    /// The prober's error, after `... probe errored and resulted in unknown state: `.
    case errored(String)
}

/// A probe worker's cached result (readiness starts Failure, liveness Success, startup Unknown).
enum ProbeState: Equatable { case unknown, success, failure }

/// A probe's result over one run of the container: `initial` until the first change, then each
/// change's result. A probe at second t (after the start) sees the container as it was just before t;
/// the one at the start itself sees what the script does at once.
struct ProbeBehaviour {
    var initial: ProbeResult
    var changes: [(at: Int64, result: ProbeResult)]

    func result(at t: Int64) -> ProbeResult {
        changes.last(where: { $0.at < t || ($0.at == 0 && t == 0) })?.result ?? initial
    }
}

struct ProbeParams {
    var period: Int64, delay: Int64, failureThreshold: Int64, successThreshold: Int64

    init(_ p: JSONValue) {
        period = max(1, p["periodSeconds"].int ?? 10)
        delay = max(0, p["initialDelaySeconds"].int ?? 0)
        failureThreshold = max(1, p["failureThreshold"].int ?? 3)
        successThreshold = max(1, p["successThreshold"].int ?? 1)
    }
}

/// One probe worker over one run of a container: its probes (multiples of `periodSeconds` after the
/// start, none before `initialDelaySeconds` or `from`, none from `until` on), grouped in stretches of one
/// result, and the moments its cached result changes (`successThreshold` successes or
/// `failureThreshold` failures in a row; errored probes count neither way). Computed per stretch, so
/// the cost follows the script's changes, not the time.
struct ProbeTimeline {
    struct Stretch {
        var first: Int64
        /// Probes in the stretch; `Int64.max` for ever.
        var count: Int64
        var result: ProbeResult
    }

    let params: ProbeParams
    var stretches: [Stretch] = []
    var transitions: [(at: Int64, state: ProbeState)] = []
    var initial: ProbeState
    /// The last probe (a liveness or startup worker holds after a failure, a startup one after success).
    var stop: Int64?

    init(_ probe: JSONValue, behaviour: ProbeBehaviour, from: Int64, until: Int64?, initial: ProbeState,
         holdOn: (ProbeState) -> Bool) {
        params = ProbeParams(probe)
        self.initial = initial
        let p = params.period
        let lo = max(from, params.delay), hi = until ?? Int64.max
        var bounds: [(start: Int64, result: ProbeResult)] = [(Int64.min, behaviour.initial)]
        for ch in behaviour.changes { bounds.append((ch.at == 0 ? 0 : ch.at + 1, ch.result)) }
        for (i, b) in bounds.enumerated() {
            let end = i + 1 < bounds.count ? bounds[i + 1].start : Int64.max
            let x = max(b.start, lo), y = min(end, hi)
            guard x < y, x < Int64.max / 2 else { continue }
            let first = (x + p - 1) / p * p
            guard first < y else { continue }
            let count = y == Int64.max ? Int64.max : (y - 1 - first) / p + 1
            if let last = stretches.last, last.result == b.result, last.count != Int64.max,
               last.first + last.count * p == first {
                stretches[stretches.count - 1].count += count == Int64.max ? Int64.max - last.count : count
            } else {
                stretches.append(Stretch(first: first, count: count, result: b.result))
            }
        }
        var state = initial, lastSuccess: Bool?, run: Int64 = 0
        for (i, s) in stretches.enumerated() {
            let success: Bool
            switch s.result {
            case .errored: continue
            case .success: success = true
            case .failure: success = false
            }
            let before = lastSuccess == success ? run : 0
            let target: ProbeState = success ? .success : .failure
            if state != target {
                let need = max(1, (success ? params.successThreshold : params.failureThreshold) - before)
                if need <= s.count {
                    let at = s.first + (need - 1) * p
                    transitions.append((at, target))
                    state = target
                    if holdOn(target) {
                        stop = at
                        stretches[i].count = need
                        stretches.removeSubrange((i + 1)...)
                        break
                    }
                }
            }
            run = s.count == Int64.max || before > Int64.max - s.count ? Int64.max : before + s.count
            lastSuccess = success
        }
    }

    func state(at t: Int64) -> ProbeState { transitions.last(where: { $0.at <= t })?.state ?? initial }

    func nextTransition(after t: Int64) -> Int64? { transitions.first(where: { $0.at > t })?.at }

    /// The failed and errored probes in [a, b]: per stretch, how many, the first and the last.
    func failing(from a: Int64, through b: Int64) -> [(result: ProbeResult, count: Int64, first: Int64, last: Int64)] {
        let p = params.period
        var out: [(result: ProbeResult, count: Int64, first: Int64, last: Int64)] = []
        for s in stretches where s.result != .success {
            let sLast = s.count == Int64.max ? Int64.max : s.first + (s.count - 1) * p
            let x = max(a, s.first), y = min(b, sLast)
            guard x <= y else { continue }
            let first = s.first + (x - s.first + p - 1) / p * p
            guard first <= y else { continue }
            let last = s.first + (y - s.first) / p * p
            out.append((s.result, (last - first) / p + 1, first, last))
        }
        return out
    }

    /// The first failed or errored probe after t.
    func nextFailing(after t: Int64) -> Int64? {
        let p = params.period
        for s in stretches where s.result != .success {
            let sLast = s.count == Int64.max ? Int64.max : s.first + (s.count - 1) * p
            guard sLast > t else { continue }
            if s.first > t { return s.first }
            let next = s.first + ((t - s.first) / p + 1) * p
            if next <= sLast { return next }
        }
        return nil
    }
}

extension ContainerFate {
    /// What the probe finds over a run of the container, or nil when it always succeeds.
    static func probeBehaviour(_ probe: JSONValue, _ c: JSONValue, pod: JSONValue) -> ProbeBehaviour? {
        if probe.isNull { return nil }
        if let command = probe["exec"]["command"].array?.compactMap(\.string), !command.isEmpty {
            guard let file = checkedFile(command), let script = scriptText(c) else { return nil }
            let changes = fileChanges(script, file: file)
            guard let firstChange = changes.first else { return nil }
            let output = fileProbeOutput(command, file: file, image: c["image"].string ?? "")
            return ProbeBehaviour(initial: firstChange.exists ? .failure(output) : .success,
                                  changes: changes.map { ($0.at, $0.exists ? .success : .failure(output)) })
        }
        let http = probe["httpGet"], tcp = probe["tcpSocket"], grpc = probe["grpc"]
        let handler = !http.isNull ? http : !tcp.isNull ? tcp : grpc
        guard !handler.isNull else { return nil }
        var port = handler["port"].int ?? 0
        if let name = handler["port"].string {
            if let declared = (c["ports"].array ?? []).first(where: { $0["name"].string == name })?["containerPort"].int {
                port = declared
            } else if let n = Int64(name) {
                port = n
            } else {
                return ProbeBehaviour(initial: .errored("strconv.Atoi: parsing \(strconvQuote(name)): invalid syntax"), changes: [])
            }
        }
        guard servesNothing(c) else { return nil }
        let podIP = pod["status"]["podIP"].string ?? ""
        let host = (handler["host"].string ?? "").isEmpty ? podIP : handler["host"].string ?? ""
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let refused = "dial tcp \(address): connect: connection refused"
        if !http.isNull {
            let scheme = (http["scheme"].string ?? "HTTP").lowercased()
            var path = http["path"].string ?? "/"
            if !path.isEmpty && !path.hasPrefix("/") { path = "/" + path }
            return ProbeBehaviour(initial: .failure("Get \(strconvQuote("\(scheme)://\(address)\(path)")): \(refused)"), changes: [])
        }
        if !tcp.isNull { return ProbeBehaviour(initial: .failure(refused), changes: []) }
        let timeout = GoDuration(seconds: max(1, probe["timeoutSeconds"].int ?? 1))
        return ProbeBehaviour(initial: .failure("timeout: failed to connect service \(strconvQuote(address)) within \(timeout): context deadline exceeded"),
                              changes: [])
    }

    /// What a failing file check prints (`cat` says the file is missing; `test` prints nothing).
    static func fileProbeOutput(_ command: [String], file: String, image: String) -> String {
        let program = command.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
        let shellScript = ["sh", "bash", "ash", "dash"].contains(program) ? command.last ?? "" : command.joined(separator: " ")
        guard shellScript.hasPrefix("cat ") else { return "" }
        return image.contains("busybox") ? "cat: can't open '\(file)': No such file or directory\n" : "cat: \(file): No such file or directory\n"
    }

    /// Whether the container's command serves nothing on any port: a shell script or program made only
    /// of statements that do not listen (`sleep`, `echo`, `touch`, `tail`, loops, ...). The image's own
    /// process (no command or args) and any other program are taken to serve.
    static func servesNothing(_ c: JSONValue) -> Bool {
        guard let text = scriptText(c) else { return false }
        let sts = statements(text)
        return !sts.isEmpty && sts.allSatisfy { st in
            let word = st[0].split(separator: "/").last.map(String.init) ?? st[0]
            return nonServing.contains(word)
        }
    }

    static let nonServing: Set<String> = [
        "sleep", "tail", "echo", "printf", "touch", "rm", "mkdir", "cp", "mv", "chmod", "ln", "true", "false", "exit", ":",
        "date", "hostname", "env", "printenv", "cat", "ls", "pwd", "id", "whoami", "uname", "nslookup", "test", "[",
        "while", "until", "for", "do", "done", "if", "then", "else", "fi", "trap", "wait", "export", "set",
    ]

    /// The run's probes: when the container counts as started (its startup probe's first success; at
    /// once without one; nil while it has not), and the startup and readiness workers.
    struct Probes {
        var startup: ProbeTimeline?
        var readiness: ProbeTimeline?
        var startupBehaviour: ProbeBehaviour?
        /// Seconds after the start at which the startup probe succeeded (0 without one), nil if never.
        var startedAt: Int64?

        func started(at t: Int64) -> Bool { startedAt.map { $0 <= t } ?? false }

        func ready(at t: Int64) -> Bool {
            guard started(at: t) else { return false }
            guard let readiness else { return true }
            return readiness.state(at: t) == .success
        }
    }

    /// The startup worker alone (the run's end is the command's own, or the postStart hook's).
    static func startupTimeline(_ c: JSONValue, pod: JSONValue) -> ProbeTimeline? {
        let probe = c["startupProbe"]
        guard !probe.isNull else { return nil }
        let own = of(c)
        let hook = postStartFailure(c, pod: pod)
        let end = [own.map { max(1, $0.seconds) }, hook.map { $0.at + $0.stop }].compactMap { $0 }.min()
        // A startup probe that always succeeds: started at its first probe.
        let behaviour = probeBehaviour(probe, c, pod: pod) ?? ProbeBehaviour(initial: .success, changes: [])
        return ProbeTimeline(probe, behaviour: behaviour, from: 0, until: end, initial: .unknown, holdOn: { _ in true })
    }

    static func probes(_ c: JSONValue, pod: JSONValue) -> Probes {
        var out = Probes()
        if let startup = startupTimeline(c, pod: pod) {
            out.startup = startup
            out.startedAt = startup.transitions.first.flatMap { $0.state == .success ? $0.at : nil }
        } else {
            out.startedAt = 0
        }
        let probe = c["readinessProbe"]
        if !probe.isNull, let from = out.startedAt {
            let end = effective(c, pod: pod).map { max(1, $0.seconds) }
            let behaviour = probeBehaviour(probe, c, pod: pod) ?? ProbeBehaviour(initial: .success, changes: [])
            out.readiness = ProbeTimeline(probe, behaviour: behaviour, from: from, until: end, initial: .failure, holdOn: { _ in false })
        }
        return out
    }
}
