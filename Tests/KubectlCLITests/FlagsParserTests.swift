import Testing
@testable import KubectlCLI

/// Error texts as printed by `/usr/lib/google-cloud-sdk/bin/kubectl.1.32 <argv>` (stderr, exit code 1),
/// recorded by running the binary (parse errors are printed before any server contact).
struct ObservedError: CustomStringConvertible, Sendable {
    var argv: [String]
    var stderr: String
    init(_ argv: [String], _ stderr: String) { self.argv = argv; self.stderr = stderr }
    var description: String { argv.joined(separator: " ") }
}

let observedErrors: [ObservedError] = [
    .init(["get", "pods", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "-x"], "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "-Ax"], "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "-\u{e9}"], "error: unknown shorthand flag: '\u{c3}' in -\u{e9}\nSee 'kubectl get --help' for usage.\n"),
    .init(["label", "--overwrite=maybe"],
          "error: invalid argument \"maybe\" for \"--overwrite\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl label --help' for usage.\n"),
    .init(["gett"], "error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n"),
    .init(["describ"], "error: unknown command \"describ\" for \"kubectl\"\n\nDid you mean this?\n\tdescribe\n"),
    .init(["ge"], "error: unknown command \"ge\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n"),
    .init(["hlp"], "error: unknown command \"hlp\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\tcp\n"),
    .init(["bar"], "error: unknown command \"bar\" for \"kubectl\"\n"),
    .init(["api"], "error: unknown command \"api\" for \"kubectl\"\n\nDid you mean this?\n\tcp\n\tapi-versions\n\tapi-resources\n"),
    .init(["GET"], "error: unknown command \"GET\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n"),
    .init(["get", "pods", "-n"], "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "pods", "--namespace"], "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n"),
    .init(["--bogus", "get", "pods"], "Error: flags cannot be placed before plugin name: --bogus\n"),
    .init(["-n", "foo", "gett"], "Error: flags cannot be placed before plugin name: -n\n"),
    .init(["--namespace", "foo", "gett"], "Error: flags cannot be placed before plugin name: --namespace\n"),
    .init(["-A", "get", "pods"], "Error: flags cannot be placed before plugin name: -A\n"),
    .init(["-h", "get", "pods"], "Error: flags cannot be placed before plugin name: -h\n"),
    .init(["--help", "get", "pods"], "Error: flags cannot be placed before plugin name: --help\n"),
    .init(["--v=3", "gett"], "Error: flags cannot be placed before plugin name: --v=3\n"),
    .init(["--bogus=1", "get", "pods"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["-v", "3", "get", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["-n=", "get", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["-nfoo", "get", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["--bogus"], "error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n"),
    .init(["-n"], "error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n"),
    .init(["-x"], "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl --help' for usage.\n"),
    .init(["get", "-h", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "--bogus", "-h"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "pods", "--help=false", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "--help=maybe"],
          "error: invalid argument \"maybe\" for \"-h, --help\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "---x"], "error: bad flag syntax: ---x\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "--=x"], "error: bad flag syntax: --=x\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "pods", "--all_namespaces=maybe"],
          "error: invalid argument \"maybe\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "pods", "-A=maybe"],
          "error: invalid argument \"maybe\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.\n"),
    .init(["get", "pods", "-L", "a\"b"],
          "error: invalid argument \"a\\\"b\" for \"-L, --label-columns\" flag: parse error on line 1, column 2: bare \" in non-quoted-field\nSee 'kubectl get --help' for usage.\n"),
    .init(["create", "deployment", "x", "--replicas=abc"],
          "error: invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "-r", "abc"],
          "error: invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--replicas=99999999999"],
          "error: invalid argument \"99999999999\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"99999999999\": value out of range\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=a", "--replicas="],
          "error: invalid argument \"\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=a", "-r="],
          "error: invalid argument \"=\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"=\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=a", "-r", " 3"],
          "error: invalid argument \" 3\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \" 3\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=a", "-o=name", "-r", "0x"],
          "error: invalid argument \"0x\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"0x\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=\"a\"b"],
          "error: invalid argument \"\\\"a\\\"b\" for \"--image\" flag: parse error on line 1, column 3: extraneous or missing \" in quoted-field\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=\"ab"],
          "error: invalid argument \"\\\"ab\" for \"--image\" flag: parse error on line 1, column 4: extraneous or missing \" in quoted-field\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=ab,c\"d"],
          "error: invalid argument \"ab,c\\\"d\" for \"--image\" flag: parse error on line 1, column 5: bare \" in non-quoted-field\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=x,\"a\"b"],
          "error: invalid argument \"x,\\\"a\\\"b\" for \"--image\" flag: parse error on line 1, column 5: extraneous or missing \" in quoted-field\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=\u{e9}\""],
          "error: invalid argument \"\u{e9}\\\"\" for \"--image\" flag: parse error on line 1, column 3: bare \" in non-quoted-field\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=\"x\ny\"z"],
          "error: invalid argument \"\\\"x\\ny\\\"z\" for \"--image\" flag: record on line 1; parse error on line 2, column 2: extraneous or missing \" in quoted-field\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "x", "--image=\n"],
          "error: invalid argument \"\\n\" for \"--image\" flag: EOF\nSee 'kubectl create deployment --help' for usage.\n"),
    .init(["create", "deployment", "--", "x", "--image=a", "--dry-run=client", "-oname"],
          "error: required flag(s) \"image\" not set\n"),
    .init(["create", "secret", "generic", "--bogus"],
          "error: unknown flag: --bogus\nSee 'kubectl create secret generic --help' for usage.\n"),
    .init(["create", "secret", "generic", "s", "--from-literal=a=b", "-a"],
          "error: unknown shorthand flag: 'a' in -a\nSee 'kubectl create secret generic --help' for usage.\n"),
    // cobra's Find skips `deployment` as the value of create's `-f`, then `-f` is unknown to `create secret`.
    .init(["create", "-f", "deployment", "secret"], "error: unknown shorthand flag: 'f' in -f\nSee 'kubectl create secret --help' for usage.\n"),
    .init(["create", "-f", "deployment", "secret", "generic"],
          "error: unknown shorthand flag: 'f' in -f\nSee 'kubectl create secret generic --help' for usage.\n"),
    .init(["rollout", "history", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl rollout history --help' for usage.\n"),
    .init(["rollout", "history", "deploy/x", "--revision=1.5"],
          "error: invalid argument \"1.5\" for \"--revision\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax\nSee 'kubectl rollout history --help' for usage.\n"),
    .init(["delete", "pods", "x", "--timeout=abc"],
          "error: invalid argument \"abc\" for \"--timeout\" flag: time: invalid duration \"abc\"\nSee 'kubectl delete --help' for usage.\n"),
    .init(["delete", "pods", "x", "--timeout=30"],
          "error: invalid argument \"30\" for \"--timeout\" flag: time: missing unit in duration \"30\"\nSee 'kubectl delete --help' for usage.\n"),
    .init(["delete", "pods", "x", "--timeout=3x"],
          "error: invalid argument \"3x\" for \"--timeout\" flag: time: unknown unit \"x\" in duration \"3x\"\nSee 'kubectl delete --help' for usage.\n"),
    .init(["delete", "pods", "x", "--timeout=1.5h7ms", "--bogus"], "error: unknown flag: --bogus\nSee 'kubectl delete --help' for usage.\n"),
    .init(["exec", "--pod-running-timeout=5", "p", "--", "ls"],
          "error: invalid argument \"5\" for \"--pod-running-timeout\" flag: time: missing unit in duration \"5\"\nSee 'kubectl exec --help' for usage.\n"),
]

@Test(arguments: observedErrors)
func parseErrorMatchesKubectl(_ row: ObservedError) {
    do {
        let result = try FlagsFakeTree.parse(row.argv)
        Issue.record("expected an error, parsed \(result.path) \(result.args)")
    } catch let error as FlagError {
        #expect(error.rendered == row.stderr)
        #expect(error.exitCode == 1)
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

/// A command line that parses, with what cobra/pflag make of it.
struct ParseCase: CustomStringConvertible, Sendable {
    var argv: [String]
    var path: [String]
    var args: [String]
    var dash: Int? = nil
    /// Flag values to check (others are not checked here).
    var values: [String: [String]] = [:]
    /// Exactly the flags set by the user.
    var changed: Set<String> = []
    var help = false
    var description: String { argv.joined(separator: " ") }
}

let parseCases: [ParseCase] = [
    // Global flags before and after the subcommand (section C rows 1-3).
    .init(argv: ["-n", "kube-system", "get", "pods"], path: ["get"], args: ["pods"],
          values: ["namespace": ["kube-system"]], changed: ["namespace"]),
    .init(argv: ["get", "pods", "-n", "kube-system"], path: ["get"], args: ["pods"],
          values: ["namespace": ["kube-system"]], changed: ["namespace"]),
    .init(argv: ["get", "pods", "--namespace=foo"], path: ["get"], args: ["pods"], values: ["namespace": ["foo"]], changed: ["namespace"]),
    .init(argv: ["--namespace", "foo", "get", "pods"], path: ["get"], args: ["pods"], values: ["namespace": ["foo"]], changed: ["namespace"]),
    .init(argv: ["get", "pods", "-n=foo", "-o=yaml", "-l=a=b"], path: ["get"], args: ["pods"],
          values: ["namespace": ["foo"], "output": ["yaml"], "selector": ["a=b"]], changed: ["namespace", "output", "selector"]),
    .init(argv: ["-n=foo", "get", "pods"], path: ["get"], args: ["pods"], values: ["namespace": ["foo"]], changed: ["namespace"]),
    // Attached short values.
    .init(argv: ["get", "pods", "-nfoo"], path: ["get"], args: ["pods"], values: ["namespace": ["foo"]], changed: ["namespace"]),
    .init(argv: ["-nfoo", "get", "pods"], path: ["get"], args: ["pods"], values: ["namespace": ["foo"]], changed: ["namespace"]),
    .init(argv: ["get", "pods", "-oyaml"], path: ["get"], args: ["pods"], values: ["output": ["yaml"]], changed: ["output"]),
    // Bool flags: only with `=`.
    .init(argv: ["label", "pods", "x", "a=b", "--overwrite=true"], path: ["label"], args: ["pods", "x", "a=b"],
          values: ["overwrite": ["true"]], changed: ["overwrite"]),
    .init(argv: ["label", "pods", "x", "a=b", "--overwrite=false"], path: ["label"], args: ["pods", "x", "a=b"],
          values: ["overwrite": ["false"]], changed: ["overwrite"]),
    .init(argv: ["label", "--overwrite", "false"], path: ["label"], args: ["false"], values: ["overwrite": ["true"]], changed: ["overwrite"]),
    .init(argv: ["label", "--overwrite=T", "--local=0"], path: ["label"], args: [],
          values: ["overwrite": ["true"], "local": ["false"]], changed: ["overwrite", "local"]),
    .init(argv: ["get", "pods", "--all-namespaces=false"], path: ["get"], args: ["pods"],
          values: ["all-namespaces": ["false"]], changed: ["all-namespaces"]),
    .init(argv: ["get", "pods", "--watch=true"], path: ["get"], args: ["pods"], values: ["watch": ["true"]], changed: ["watch"]),
    // Grouped shorthands.
    .init(argv: ["get", "pods", "-A"], path: ["get"], args: ["pods"], values: ["all-namespaces": ["true"]], changed: ["all-namespaces"]),
    .init(argv: ["get", "pods", "-An", "foo"], path: ["get"], args: ["pods"],
          values: ["all-namespaces": ["true"], "namespace": ["foo"]], changed: ["all-namespaces", "namespace"]),
    .init(argv: ["get", "-Ao", "yaml", "pods"], path: ["get"], args: ["pods"],
          values: ["all-namespaces": ["true"], "output": ["yaml"]], changed: ["all-namespaces", "output"]),
    .init(argv: ["get", "pods", "-Aoyaml"], path: ["get"], args: ["pods"],
          values: ["all-namespaces": ["true"], "output": ["yaml"]], changed: ["all-namespaces", "output"]),
    .init(argv: ["get", "pods", "-nA"], path: ["get"], args: ["pods"],
          values: ["namespace": ["A"], "all-namespaces": ["false"]], changed: ["namespace"]),
    .init(argv: ["get", "pods", "-Aw"], path: ["get"], args: ["pods"],
          values: ["all-namespaces": ["true"], "watch": ["true"]], changed: ["all-namespaces", "watch"]),
    .init(argv: ["get", "pods", "-A=false"], path: ["get"], args: ["pods"], values: ["all-namespaces": ["false"]], changed: ["all-namespaces"]),
    // Interspersed positionals.
    .init(argv: ["get", "pods", "foo", "-o", "yaml", "bar"], path: ["get"], args: ["pods", "foo", "bar"],
          values: ["output": ["yaml"]], changed: ["output"]),
    .init(argv: ["get", "po,svc"], path: ["get"], args: ["po,svc"]),
    .init(argv: ["get", "-", "pods"], path: ["get"], args: ["-", "pods"]),
    .init(argv: ["get", "", "pods"], path: ["get"], args: ["", "pods"]),
    // `--` terminator.
    .init(argv: ["exec", "mypod", "-c", "main", "--", "ls", "-la", "/"], path: ["exec"], args: ["mypod", "ls", "-la", "/"],
          dash: 1, values: ["container": ["main"]], changed: ["container"]),
    .init(argv: ["exec", "-it", "mypod", "--", "sh", "-c", "echo"], path: ["exec"], args: ["mypod", "sh", "-c", "echo"],
          dash: 1, values: ["stdin": ["true"], "tty": ["true"]], changed: ["stdin", "tty"]),
    .init(argv: ["get", "--", "pods", "-n"], path: ["get"], args: ["pods", "-n"], dash: 0),
    .init(argv: ["create", "--", "deployment", "x"], path: ["create"], args: ["deployment", "x"], dash: 0),
    .init(argv: ["--", "get"], path: [], args: ["get"], dash: 0),
    .init(argv: [""], path: [], args: [""]),
    // Repeated flags.
    .init(argv: ["get", "pods", "-l", "a=b", "-l", "c=d"], path: ["get"], args: ["pods"], values: ["selector": ["c=d"]], changed: ["selector"]),
    .init(argv: ["create", "secret", "generic", "s", "--from-literal=a=b,c", "--from-literal", "d=e"],
          path: ["create", "secret", "generic"], args: ["s"], values: ["from-literal": ["a=b,c", "d=e"]], changed: ["from-literal"]),
    // Values that start with `-`, or are `=`.
    .init(argv: ["get", "pods", "-l", "-foo"], path: ["get"], args: ["pods"], values: ["selector": ["-foo"]], changed: ["selector"]),
    .init(argv: ["get", "pods", "--selector", "--foo"], path: ["get"], args: ["pods"], values: ["selector": ["--foo"]], changed: ["selector"]),
    .init(argv: ["get", "-n="], path: ["get"], args: [], values: ["namespace": ["="]], changed: ["namespace"]),
    .init(argv: ["get", "--namespace="], path: ["get"], args: [], values: ["namespace": [""]], changed: ["namespace"]),
    // Optional-value flags (NoOptDefVal).
    .init(argv: ["create", "deployment", "x", "--image=a", "--dry-run"], path: ["create", "deployment"], args: ["x"],
          values: ["dry-run": ["unchanged"], "validate": ["strict"]], changed: ["dry-run", "image"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "--dry-run", "client"], path: ["create", "deployment"], args: ["x", "client"],
          values: ["dry-run": ["unchanged"]], changed: ["dry-run", "image"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "--dry-run=client", "--validate"], path: ["create", "deployment"],
          args: ["x"], values: ["dry-run": ["client"], "validate": ["strict"]], changed: ["dry-run", "image", "validate"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "--validate=false"], path: ["create", "deployment"],
          args: ["x"], values: ["validate": ["false"]], changed: ["image", "validate"]),
    .init(argv: ["delete", "pods", "x", "--cascade"], path: ["delete"], args: ["pods", "x"],
          values: ["cascade": ["background"]], changed: ["cascade"]),
    .init(argv: ["delete", "pods", "x", "--cascade=orphan"], path: ["delete"], args: ["pods", "x"],
          values: ["cascade": ["orphan"]], changed: ["cascade"]),
    // Ints: Go base-0 syntax.
    .init(argv: ["create", "deployment", "x", "--image=a", "-r", "010"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["8"]], changed: ["image", "replicas"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "-r", "1_0"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["10"]], changed: ["image", "replicas"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "-r", "0x10"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["16"]], changed: ["image", "replicas"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "-r=0o7"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["7"]], changed: ["image", "replicas"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "-r", "0b11"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["3"]], changed: ["image", "replicas"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "-r", "+3"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["3"]], changed: ["image", "replicas"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "-r", "-1"], path: ["create", "deployment"], args: ["x"],
          values: ["replicas": ["-1"]], changed: ["image", "replicas"]),
    // String slices: CSV splitting; first use replaces the default, later ones append.
    .init(argv: ["create", "deployment", "x", "--image=a,b"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a", "b"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=\"a,b\",c"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a,b", "c"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image= a , b"], path: ["create", "deployment"], args: ["x"],
          values: ["image": [" a ", " b"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=a,,b"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a", "", "b"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=\"a\"\"b\""], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a\"b"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=a", "--image=b,c"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a", "b", "c"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=a\nb"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=\"a\nb\",c"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a\nb", "c"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image=\na,b"], path: ["create", "deployment"], args: ["x"],
          values: ["image": ["a", "b"]], changed: ["image"]),
    .init(argv: ["create", "deployment", "x", "--image="], path: ["create", "deployment"], args: ["x"],
          values: ["image": []], changed: ["image"]),
    .init(argv: ["get", "pods", "-L", "app", "-L", "tier,env"], path: ["get"], args: ["pods"],
          values: ["label-columns": ["app", "tier", "env"]], changed: ["label-columns"]),
    // Durations, stored in Go's canonical form.
    .init(argv: ["delete", "pods", "x", "--timeout=30s"], path: ["delete"], args: ["pods", "x"],
          values: ["timeout": ["30s"]], changed: ["timeout"]),
    .init(argv: ["delete", "pods", "x", "--timeout", "90s"], path: ["delete"], args: ["pods", "x"],
          values: ["timeout": ["1m30s"]], changed: ["timeout"]),
    .init(argv: ["delete", "pods", "x", "--timeout=1.5h7ms"], path: ["delete"], args: ["pods", "x"],
          values: ["timeout": ["1h30m0.007s"]], changed: ["timeout"]),
    .init(argv: ["delete", "pods", "x", "--timeout=0"], path: ["delete"], args: ["pods", "x"],
          values: ["timeout": ["0s"]], changed: ["timeout"]),
    // Defaults for unset flags (own and global).
    .init(argv: ["get", "pods"], path: ["get"], args: ["pods"],
          values: ["chunk-size": ["500"], "output": [""], "all-namespaces": ["false"], "label-columns": [],
                   "namespace": [""], "request-timeout": ["0"], "v": ["0"], "log-flush-frequency": ["5s"],
                   "as-group": [], "help": ["false"]]),
    .init(argv: ["delete", "pods"], path: ["delete"], args: ["pods"],
          values: ["grace-period": ["-1"], "cascade": ["background"], "timeout": ["0s"]]),
    // Underscores in flag names are normalised (silently).
    .init(argv: ["create", "deployment", "x", "--image=a", "--dry_run=client"], path: ["create", "deployment"], args: ["x"],
          values: ["dry-run": ["client"]], changed: ["dry-run", "image"]),
    // Help.
    .init(argv: ["get", "pods", "-h"], path: ["get"], args: ["pods"], changed: ["help"], help: true),
    .init(argv: ["create", "deployment", "--help"], path: ["create", "deployment"], args: [], changed: ["help"], help: true),
    .init(argv: ["get", "--help=false"], path: ["get"], args: [], values: ["help": ["false"]], changed: ["help"], help: false),
    .init(argv: ["--help=false"], path: [], args: [], changed: ["help"], help: false),
    // At the root, `-h` is not yet known when cobra looks for the command, so it swallows `get`.
    .init(argv: ["-h", "get"], path: [], args: ["get"], changed: ["help"], help: true),
    .init(argv: ["rollout", "history", "-h"], path: ["rollout", "history"], args: [], changed: ["help"], help: true),
    // Command search: aliases, nested commands, non-root commands keep unknown words as arguments.
    .init(argv: ["create", "deploy", "x", "--image=a"], path: ["create", "deployment"], args: ["x"], changed: ["image"]),
    .init(argv: ["create", "svc", "clusterip", "s", "--tcp=80:8080"], path: ["create", "service", "clusterip"], args: ["s"],
          values: ["tcp": ["80:8080"]], changed: ["tcp"]),
    .init(argv: ["create", "secret", "generic", "s", "--from-literal=a=b"], path: ["create", "secret", "generic"], args: ["s"],
          changed: ["from-literal"]),
    .init(argv: ["create", "foo"], path: ["create"], args: ["foo"]),
    .init(argv: ["rollout", "foo"], path: ["rollout"], args: ["foo"]),
    .init(argv: ["rollout"], path: ["rollout"], args: []),
    .init(argv: ["-n", "x", "create", "-o", "yaml", "deployment", "d", "--image=a"], path: ["create", "deployment"], args: ["d"],
          values: ["namespace": ["x"], "output": ["yaml"]], changed: ["namespace", "output", "image"]),
    .init(argv: ["get", "get"], path: ["get"], args: ["get"]),
    .init(argv: ["-nfoo"], path: [], args: [], values: ["namespace": ["foo"]], changed: ["namespace"]),
    .init(argv: [], path: [], args: []),
]

@Test(arguments: parseCases)
func parsesLikeCobra(_ row: ParseCase) throws {
    let result: ParseResult
    do {
        result = try FlagsFakeTree.parse(row.argv)
    } catch let error as FlagError {
        Issue.record("unexpected error: \(error.rendered)")
        return
    }
    #expect(result.path == row.path)
    #expect(result.command.name == (row.path.last ?? "kubectl"))
    #expect(result.commandPath == (["kubectl"] + row.path).joined(separator: " "))
    #expect(result.args == row.args)
    #expect(result.argsLenAtDash == row.dash)
    #expect(result.helpRequested == row.help)
    for (name, expected) in row.values {
        #expect(result.flags.values[name] == expected, "flag \(name)")
    }
    if !row.changed.isEmpty || row.values.isEmpty {
        #expect(result.flags.changed == row.changed)
    }
    // Every flag the command accepts has a value.
    for spec in result.flagSpecs {
        #expect(result.flags.values[spec.name] != nil, "no value for \(spec.name)")
    }
}

@Test func commandFlagsShadowGlobalsAndHelpIsAdded() throws {
    let local = FlagSpec("namespace", .bool, usage: "")
    let root = CommandSpec("kubectl", subcommands: [CommandSpec("x", flags: [local])])
    let result = try CommandLineParser.parse(["x", "--namespace"], root: root, globalFlags: FlagsFakeTree.globals)
    #expect(result.flags.bool("namespace"))
    #expect(result.flagSpecs.filter { $0.name == "namespace" }.count == 1)
    #expect(result.flagSpecs.last?.name == "help")
    #expect(result.flagSpecs.last?.shorthand == "h")
}

@Test func helpShorthandIsLeftToACommandThatUsesH() throws {
    let root = CommandSpec("kubectl", subcommands: [
        CommandSpec("x", flags: [FlagSpec("host", short: "h", .string, usage: "")]),
    ])
    let result = try CommandLineParser.parse(["x", "-h", "example"], root: root, globalFlags: [])
    #expect(result.flags.string("host") == "example")
    #expect(!result.helpRequested)
    #expect(result.flagSpecs.first { $0.name == "help" }?.shorthand == nil)
}

@Test func requiredFlagsAreListedInNameOrderAndSkippedForHelp() throws {
    let root = CommandSpec("kubectl", subcommands: [
        CommandSpec("run", flags: [
            FlagSpec("zeta", .string, usage: "", required: true),
            FlagSpec("alpha", .string, usage: "", required: true),
        ]),
    ])
    #expect(throws: FlagError(kind: .requiredFlags, message: "required flag(s) \"alpha\", \"zeta\" not set")) {
        try CommandLineParser.parse(["run"], root: root, globalFlags: [])
    }
    #expect(try CommandLineParser.parse(["run", "-h"], root: root, globalFlags: []).helpRequested)
}

@Test func rootWithoutSubcommandsTakesArguments() throws {
    let root = CommandSpec("tool", flags: [FlagSpec("x", .bool, usage: "")])
    let result = try CommandLineParser.parse(["a", "--x", "b"], root: root, globalFlags: [])
    #expect(result.path == [])
    #expect(result.args == ["a", "b"])
    #expect(result.flags.bool("x"))
}

@Test func durationAccessor() throws {
    let result = try FlagsFakeTree.parse(["delete", "pods", "--timeout=1m30s"])
    #expect(result.flags.durationNanoseconds("timeout") == 90_000_000_000)
    #expect(result.flags.durationNanoseconds("log-flush-frequency") == 5_000_000_000)
}

@Test(arguments: [
    ("gett", ["set", "get"]), ("describ", ["describe"]), ("bar", []), ("GET", ["set", "get"]),
    ("rollou", ["rollout"]), ("api", ["cp", "api-versions", "api-resources"]),
    ("c", ["create", "certificate", "cluster-info", "cordon", "cp", "completion", "config"]),
    ("o", ["top", "cp", "options"]), ("v", ["cp", "version"]),
    ("p", ["top", "port-forward", "proxy", "cp", "patch", "plugin"]), ("hlp", ["top", "cp"]),
])
func suggestions(_ typed: String, _ expected: [String]) {
    #expect(CommandLineParser.suggestions(for: typed, in: FlagsFakeTree.root) == expected)
}
