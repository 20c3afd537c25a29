import KubeModel

/// `config set PROPERTY_NAME PROPERTY_VALUE`: one value by its dotted path
/// (`clusters.NAME.server`, `contexts.NAME.namespace`, `users.NAME.token`, `current-context`, ...).
struct SetPropertyOptions: FlagOptions {
    var name = ""
    var value = ""
    var rawBytes = false

    static var flags: [OptionFlag<Self>] {
        [.init(\.rawBytes, "set-raw-bytes", usage: "Store the value of a byte field as given, instead of reading it as base64.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 2 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
        value = inv.args[1]
        // kubectl's validate, in its order.
        if value.isEmpty { throw CLIError.message("you cannot use set to unset a property") }
        if name.isEmpty { throw CLIError.message("you must specify a property") }
    }

    func run(_ inv: inout Invocation) throws {
        _ = try inv.kubeconfig()  // a file that does not load is reported before the path
        let steps = try KubeconfigProperty.steps(name)
        try inv.updateKubeconfig { try KubeconfigProperty.change(&$0, steps, value: value, rawBytes: rawBytes) }
        inv.io.out.write("Property \(strconvQuote(name)) set.\n")
    }
}

/// `config unset PROPERTY_NAME`.
struct UnsetPropertyOptions: FlagOptions {
    var name = ""

    static var flags: [OptionFlag<Self>] { [] }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
        if name.isEmpty { throw CLIError.message("you must specify a property") }
    }

    func run(_ inv: inout Invocation) throws {
        _ = try inv.kubeconfig()
        let steps = try KubeconfigProperty.steps(name)
        try inv.updateKubeconfig { try KubeconfigProperty.change(&$0, steps, value: nil, rawBytes: false) }
        inv.io.out.write("Property \(strconvQuote(name)) unset.\n")
    }
}

