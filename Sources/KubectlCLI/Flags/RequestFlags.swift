import KubeAPI

/// What every request of a command carries besides its object, as kubectl sends it in the query
/// (`fieldManager`, `fieldValidation`) and the path (`/status`, `/scale`). A command's options fill it
/// from their flags (`OptionFlag.fieldManager`, `.validation`, `.subresource`) before anything is
/// sent; the API server takes it when it opens (or at once when it is already open).
struct RequestOptions {
    /// `--field-manager` when given.
    var fieldManager: String?
    /// The manager when `--field-manager` is not given: the flag's default (`kubectl-edit`), `kubectl`
    /// for server-side apply and for commands without the flag (kubectl's user agent).
    var defaultFieldManager = "kubectl"
    /// `--validate`; nil: the server's default (Warn).
    var validation: ValidationMode?
    /// The subresource written (`status`, `scale`), empty for the object itself.
    var subresource = ""

    var fieldManagerContext: FieldManagerContext {
        FieldManagerContext(manager: fieldManager ?? defaultFieldManager, subresource: subresource)
    }

    /// The API server's request settings from these options.
    func configure(_ s: APIServer) {
        s.fieldManager = fieldManagerContext
        if let mode = validation { s.fieldValidation = mode == .strict ? .strict : mode == .warn ? .warn : .ignore }
    }
}

extension Invocation {
    /// This command's request options (shared by copies of the invocation, like its services).
    var request: RequestOptions {
        get { services.request }
        nonmutating set {
            services.request = newValue
            if let s = services.server { newValue.configure(s) }
        }
    }
}

extension OptionFlag {
    /// `--field-manager` (default `manager`): the manager named in the managedFields of every write.
    static func fieldManager(_ manager: String) -> OptionFlag {
        OptionFlag([CommonFlags.fieldManager(manager)]) { _, inv in
            inv.request.defaultFieldManager = manager
            if inv.flags.isSet("field-manager") { inv.request.fieldManager = inv.flags.string("field-manager") }
        }
    }

    /// `--validate`: the field validation of every write, and whether documents read from files are
    /// checked for apiVersion and kind; an invalid value is refused where the command checks it
    /// (`ValidationMode.parse`), so it is kept as text in `field`.
    static func validation(_ field: WritableKeyPath<Options, String>, _ spec: FlagSpec = CommonFlags.validate) -> OptionFlag {
        OptionFlag([spec]) { o, inv in
            let text = inv.flags.string(spec.name)
            o[keyPath: field] = text
            inv.request.validation = try? ValidationMode.parse(text)
        }
    }

    /// `--subresource`: writes go to this subresource (its managedFields entry names it).
    static func subresource(_ field: WritableKeyPath<Options, String>, _ spec: FlagSpec) -> OptionFlag {
        OptionFlag([spec]) { o, inv in
            let text = inv.flags.string(spec.name)
            o[keyPath: field] = text
            inv.request.subresource = text
        }
    }
}
