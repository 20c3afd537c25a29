import KubeModel

/// `kubectl describe job`.
func describeJob(_ job: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = job["spec"], status = job["status"]
    return tabbed { w in
        w.write(L0, "Name:\t\(job.name)\n")
        w.write(L0, "Namespace:\t\(job.namespace)\n")
        w.write(L0, "Selector:\t\(selectorString(spec["selector"]))\n")
        printLabels(w, "Labels", job.labels)
        printAnnotations(w, "Annotations", job.annotations)
        let controlledBy = controllerOf(job)
        if !controlledBy.isEmpty { w.write(L0, "Controlled By:\t\(controlledBy)\n") }
        if let p = spec["parallelism"].int { w.write(L0, "Parallelism:\t\(p)\n") }
        if let c = spec["completions"].int { w.write(L0, "Completions:\t\(c)\n") } else { w.write(L0, "Completions:\t<unset>\n") }
        if let m = spec["completionMode"].string { w.write(L0, "Completion Mode:\t\(m)\n") }
        if let s = spec["suspend"].bool { w.write(L0, "Suspend:\t\(goBool(s))\n") }
        if let b = spec["backoffLimit"].int { w.write(L0, "Backoff Limit:\t\(b)\n") }
        if let t = spec["ttlSecondsAfterFinished"].int { w.write(L0, "TTL Seconds After Finished:\t\(t)\n") }
        let start = timestamp(status["startTime"]), end = timestamp(status["completionTime"])
        if start != nil { w.write(L0, "Start Time:\t\(rfc1123(status["startTime"]))\n") }
        if end != nil { w.write(L0, "Completed At:\t\(rfc1123(status["completionTime"]))\n") }
        if let start, let end { w.write(L0, "Duration:\t\(humanDuration(seconds: end.seconds - start.seconds))\n") }
        if let a = spec["activeDeadlineSeconds"].int { w.write(L0, "Active Deadline Seconds:\t\(a)s\n") }
        if let ready = status["ready"].int {
            w.write(L0, "Pods Statuses:\t\(status["active"].i64) Active (\(ready) Ready) / \(status["succeeded"].i64) Succeeded / \(status["failed"].i64) Failed\n")
        } else {
            w.write(L0, "Pods Statuses:\t\(status["active"].i64) Active / \(status["succeeded"].i64) Succeeded / \(status["failed"].i64) Failed\n")
        }
        if spec["completionMode"].str == "Indexed" {
            w.write(L0, "Completed Indexes:\t\(capIndexes(status["completedIndexes"].str, 50))\n")
        }
        describePodTemplate(w, spec["template"])
        writeEventsIfShown(w, job, ctx)
    }
}

func capIndexes(_ indexes: String, _ softLimit: Int) -> String {
    if indexes.isEmpty { return "<none>" }
    let b = Array(indexes.utf8)
    var ix = softLimit
    while ix < b.count && b[ix] != UInt8(ascii: ",") { ix += 1 }
    if ix >= b.count { return indexes }
    return String(decoding: b[...ix], as: UTF8.self) + "..."
}

/// `kubectl describe cronjob`.
func describeCronJob(_ cj: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = cj["spec"], status = cj["status"]
    return tabbed { w in
        w.write(L0, "Name:\t\(cj.name)\n")
        w.write(L0, "Namespace:\t\(cj.namespace)\n")
        printLabels(w, "Labels", cj.labels)
        printAnnotations(w, "Annotations", cj.annotations)
        w.write(L0, "Schedule:\t\(spec["schedule"].str)\n")
        w.write(L0, "Concurrency Policy:\t\(spec["concurrencyPolicy"].str)\n")
        w.write(L0, "Suspend:\t\(titleBoolPtr(spec["suspend"]))\n")
        w.write(L0, "Successful Job History Limit:\t\(spec["successfulJobsHistoryLimit"].int.map { String($0) } ?? "<unset>")\n")
        w.write(L0, "Failed Job History Limit:\t\(spec["failedJobsHistoryLimit"].int.map { String($0) } ?? "<unset>")\n")
        w.write(L0, "Starting Deadline Seconds:\t\(spec["startingDeadlineSeconds"].int.map { "\($0)s" } ?? "<unset>")\n")
        let jt = spec["jobTemplate"]["spec"]
        if case .object = jt["selector"] {
            w.write(L0, "Selector:\t\(selectorString(jt["selector"]))\n")
        } else {
            w.write(L0, "Selector:\t<unset>\n")
        }
        w.write(L0, "Parallelism:\t\(jt["parallelism"].int.map { String($0) } ?? "<unset>")\n")
        w.write(L0, "Completions:\t\(jt["completions"].int.map { String($0) } ?? "<unset>")\n")
        if let a = jt["activeDeadlineSeconds"].int { w.write(L0, "Active Deadline Seconds:\t\(a)s\n") }
        describePodTemplate(w, jt["template"])
        if timestamp(status["lastScheduleTime"]) != nil {
            w.write(L0, "Last Schedule Time:\t\(rfc1123(status["lastScheduleTime"]))\n")
        } else {
            w.write(L0, "Last Schedule Time:\t<unset>\n")
        }
        w.write(L0, "Active Jobs:\t")
        let active = status["active"].arr
        if active.isEmpty {
            w.writeLine("<none>")
        } else {
            w.write(L0, active.map { $0["name"].str }.joined(separator: ", "))
            w.writeLine("")
        }
        writeEventsIfShown(w, cj, ctx)
    }
}
