import KubeModel

/// A CronJob's schedule and time zone (apis/batch/validation v1.32): the schedule must parse with the
/// standard cron parser the controller uses (robfig/cron v3, whose error text is the message), must not
/// carry `TZ=`/`CRON_TZ=` (the `timeZone` field is for that), and a time zone must be an IANA name.
enum CronJobRules {
    static func validate(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"]
        var errs: [FieldError] = []
        if let schedule = spec["schedule"].string {
            if schedule.isEmpty {
                errs.append(.required("spec.schedule"))
            } else {
                if let message = scheduleError(schedule) { errs.append(.invalid("spec.schedule", schedule, message)) }
                if schedule.contains("TZ") {
                    errs.append(.invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"))
                }
            }
        }
        if let n = spec["startingDeadlineSeconds"].int, n < 0 {
            errs.append(FieldError(.invalid, field: "spec.startingDeadlineSeconds", value: .int(n), detail: WorkloadRules.isNegative))
        }
        if let zone = spec["timeZone"].string {
            if zone.isEmpty {
                errs.append(.invalid("spec.timeZone", zone, "timeZone must be nil or non-empty string"))
            } else if zone.lowercased() == "local" {
                errs.append(.invalid("spec.timeZone", zone, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"))
            } else if zone != "UTC", zoneDataPresent, TimeZoneInfo(name: zone) == nil {
                errs.append(.invalid("spec.timeZone", zone, "unknown time zone \(zone)"))
            }
        }
        if let policy = spec["concurrencyPolicy"].string {
            if policy.isEmpty {
                errs.append(.required("spec.concurrencyPolicy"))
            } else if !["Allow", "Forbid", "Replace"].contains(policy) {
                errs.append(.notSupported("spec.concurrencyPolicy", .string(policy), supported: ["Allow", "Forbid", "Replace"]))
            }
        }
        return errs
    }

    /// What `validateCronJobSpec` checks after the job template's spec: the template's selector is
    /// generated (never given, nor `manualSelector: true`), the history limits are not negative; then, on
    /// create, a name the controller can suffix (`-<timestamp>`, 11 characters) within 63.
    static func afterJobTemplate(_ obj: JSONValue, create: Bool) -> [FieldError] {
        let spec = obj["spec"], job = spec["jobTemplate"]["spec"]
        var errs: [FieldError] = []
        if job["selector"].object != nil {
            errs.append(FieldError(.invalid, field: "spec.jobTemplate.spec.selector", value: .raw(WorkloadRules.labelSelectorLiteral(job["selector"])),
                                   detail: "`selector` will be auto-generated"))
        }
        if job["manualSelector"].bool == true {
            errs.append(.notSupported("spec.jobTemplate.spec.manualSelector", .bool(true), supported: ["nil", "false"]))
        }
        for key in ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"] {
            if let n = spec[key].int, n < 0 {
                errs.append(FieldError(.invalid, field: "spec.\(key)", value: .int(n), detail: WorkloadRules.isNegative))
            }
        }
        let name = obj["metadata"]["name"].string ?? ""
        if create, name.utf8.count > 52 { errs.append(.invalid("metadata.name", name, "must be no more than 52 characters")) }
        return errs
    }

    /// Time zones are checked only where the system's zone data is (the API server embeds its own).
    static let zoneDataPresent = !((try? readFile("/usr/share/zoneinfo/UTC").get()) ?? []).isEmpty

    /// robfig/cron v3's `ParseStandard` error for a schedule, or nil when it parses.
    static func scheduleError(_ text: String) -> String? {
        if text.isEmpty { return "empty spec string" }
        var spec = text.trimmingSpaces
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            let afterEq = spec[spec.index(after: spec.firstIndex(of: "=")!)...]
            let zone = String(afterEq.prefix { $0 != " " })
            if zone != "UTC", zoneDataPresent, TimeZoneInfo(name: zone) == nil { return "provided bad location \(zone): unknown time zone \(zone)" }
            spec = String(afterEq.dropFirst(zone.count)).trimmingSpaces
        }
        if spec.hasPrefix("@") { return descriptorError(spec) }
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard fields.count == 5 else {
            return "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let bounds: [(Int, Int, [String: Int])] = [
            (0, 59, [:]), (0, 23, [:]), (1, 31, [:]),
            (1, 12, Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0 + 1) })),
            (0, 6, Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })),
        ]
        for (field, (lo, hi, names)) in zip(fields, bounds) {
            for expr in field.split(separator: ",") {
                if let e = rangeError(String(expr), lo, hi, names) { return e }
            }
        }
        return nil
    }

    static func descriptorError(_ spec: String) -> String? {
        let known = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]
        if known.contains(spec) { return nil }
        if spec.hasPrefix("@every ") {
            do { _ = try GoDuration.parse(String(spec.dropFirst(7))) } catch { return "failed to parse duration \(spec): \(error)" }
            return nil
        }
        return "unrecognized descriptor: \(spec)"
    }

    /// `getRange` of one comma-separated part.
    static func rangeError(_ expr: String, _ lo: Int, _ hi: Int, _ names: [String: Int]) -> String? {
        let rangeAndStep = expr.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var start = lo, end = hi
        func number(_ s: String) -> Result<Int, Message> {
            if let n = names[s.lowercased()] { return .success(n) }
            guard let n = Int(s) else {
                return .failure(Message(text: "failed to parse int from \(s): strconv.Atoi: parsing \(strconvQuote(s)): invalid syntax"))
            }
            return n < 0 ? .failure(Message(text: "negative number (\(n)) not allowed: \(s)")) : .success(n)
        }
        do {
            if lowAndHigh[0] != "*" && lowAndHigh[0] != "?" {
                start = try number(lowAndHigh[0]).get()
                switch lowAndHigh.count {
                case 1: end = start
                case 2: end = try number(lowAndHigh[1]).get()
                default: return "too many hyphens: \(expr)"
                }
            }
            var step = 1
            switch rangeAndStep.count {
            case 1: break
            case 2:
                step = try number(rangeAndStep[1]).get()
                if lowAndHigh.count == 1 { end = hi }
            default: return "too many slashes: \(expr)"
            }
            if start < lo { return "beginning of range (\(start)) below minimum (\(lo)): \(expr)" }
            if end > hi { return "end of range (\(end)) above maximum (\(hi)): \(expr)" }
            if start > end { return "beginning of range (\(start)) beyond end of range (\(end)): \(expr)" }
            if step == 0 { return "step of range should be a positive number: \(expr)" }
        } catch {
            return error.text
        }
        return nil
    }

    struct Message: Error { var text: String }
}
