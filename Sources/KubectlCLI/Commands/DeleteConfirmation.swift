import KubeRegistry

/// `kubectl delete --interactive` and the flag combinations `delete` refuses.
enum DeleteConfirmation {
    /// kubectl's checks of `--force`, `--grace-period` and `--raw`, in its order.
    static func validate(force: Bool, gracePeriod grace: Int, raw: String, interactive: Bool) throws {
        if force && grace > 0 {
            throw CLIError.message("--force and --grace-period greater than 0 cannot be specified together")
        }
        if !raw.isEmpty && interactive {
            throw CLIError.message("--interactive can not be used with --raw")
        }
    }

    /// Lists the objects (`pod/web`, `deployment.apps/web`) on standard output, asks, and reads one word
    /// from standard input: only `y` or `Y` goes on; anything else, or no answer, cancels.
    static func ask(_ targets: [(ResourceType, String)], io: IOStreams) -> Bool {
        var text = "You are about to delete the following \(targets.count) resource(s):\n"
        for (type, name) in targets { text += "\(type.qualifiedKind)/\(name)\n" }
        io.out.write(text + "Do you want to continue? (y/n): ")
        guard let answer = io.readWord() else { return false }
        return answer == "y" || answer == "Y"
    }
}
