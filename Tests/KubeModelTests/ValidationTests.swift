import Testing
@testable import KubeModel

private let subdomainMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
private let labelMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
private let dns1035Msg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
private let nameMsg = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
private let valueMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

private func repeated(_ n: Int) -> String { String(repeating: "a", count: n) }

@Suite struct ValidationTests {
    @Test(arguments: ["a", "abc", "a-b", "a.b", "0", "a1.b2-c3", "example.com", repeated(253),
                      repeated(63) + "." + repeated(63)])
    func validSubdomains(_ name: String) { #expect(isDNS1123Subdomain(name).isEmpty) }

    @Test(arguments: ["", "A", "Bad_Name", "-a", "a-", "a..b", ".a", "a.", "a_b", "ä", "a b"])
    func invalidSubdomains(_ name: String) { #expect(isDNS1123Subdomain(name) == [subdomainMsg]) }

    @Test func subdomainLength() {
        #expect(isDNS1123Subdomain(repeated(254)) == ["must be no more than 253 characters"])
        #expect(isDNS1123Subdomain(repeated(253) + "-") == ["must be no more than 253 characters", subdomainMsg])
    }

    @Test(arguments: ["a", "my-name", "123-abc", "0", repeated(63)])
    func validLabels(_ name: String) { #expect(isDNS1123Label(name).isEmpty) }

    @Test func labelRules() {
        #expect(isDNS1123Label(repeated(64)) == ["must be no more than 63 characters"])
        #expect(isDNS1123Label("a.b") == ["must not contain dots"])
        #expect(isDNS1123Label("Bad_Name") == [labelMsg])
        #expect(isDNS1123Label("") == [labelMsg])
        #expect(isDNS1123Label("a-") == [labelMsg])
    }

    @Test func dns1035Rules() {
        #expect(isDNS1035Label("my-svc").isEmpty)
        #expect(isDNS1035Label(repeated(63)).isEmpty)
        #expect(isDNS1035Label("1abc") == [dns1035Msg])
        #expect(isDNS1035Label("a.b") == [dns1035Msg])
        #expect(isDNS1035Label(repeated(64)) == ["must be no more than 63 characters"])
        #expect(isDNS1035Label("9" + repeated(63)) == ["must be no more than 63 characters", dns1035Msg])
    }

    @Test(arguments: ["app", "App_Name.v1", "example.com/app", "a", "k8s.io/x-y", "A1", repeated(63),
                      repeated(253) + "/" + repeated(63)])
    func validQualifiedNames(_ key: String) { #expect(isQualifiedName(key).isEmpty) }

    @Test func qualifiedNameMessages() {
        #expect(isQualifiedName("-app") == [nameMsg])
        #expect(isQualifiedName("") == ["name part must be non-empty", nameMsg])
        #expect(isQualifiedName(repeated(64)) == ["name part must be no more than 63 characters"])
        #expect(isQualifiedName("/app") == ["prefix part must be non-empty"])
        #expect(isQualifiedName("Example.com/app") == ["prefix part " + subdomainMsg])
        #expect(isQualifiedName(repeated(254) + "/a") == ["prefix part must be no more than 253 characters"])
        #expect(isQualifiedName("example.com/") == ["name part must be non-empty", nameMsg])
        #expect(isQualifiedName("a/b/c") == ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"])
    }

    @Test func labelValues() {
        #expect(isValidLabelValue("").isEmpty)
        #expect(isValidLabelValue("My_value-1.0").isEmpty)
        #expect(isValidLabelValue(repeated(63)).isEmpty)
        #expect(isValidLabelValue(repeated(64)) == ["must be no more than 63 characters"])
        #expect(isValidLabelValue("bad value") == [valueMsg])
        #expect(isValidLabelValue("-x") == [valueMsg])
        #expect(isValidLabelValue("_" + repeated(63)) == ["must be no more than 63 characters", valueMsg])
    }

    @Test func pathSegments() {
        #expect(isValidPathSegmentName(".") == ["may not be '.'"])
        #expect(isValidPathSegmentName("..") == ["may not be '..'"])
        #expect(isValidPathSegmentName("a/b%c") == ["may not contain '/'", "may not contain '%'"])
        #expect(isValidPathSegmentName("ok").isEmpty)
        #expect(isValidPathSegmentPrefix("..").isEmpty)
    }

    @Test func nameRules() {
        #expect(NameRule.dns1123Subdomain.validate("web-").count == 1)
        #expect(NameRule.dns1123Subdomain.validate("web-", prefix: true).isEmpty)
        #expect(NameRule.dns1123Label.validate("a.b") == ["must not contain dots"])
        #expect(NameRule.dns1035Label.validate("1svc") == [dns1035Msg])
        #expect(NameRule.pathSegment.validate("..") == ["may not be '..'"])
    }

    @Test func objectMetaHelpers() {
        let labelErrs = validateLabels([("app", "bad value"), ("-k", "v")])
        #expect(labelErrs.map(\.description) == [
            "metadata.labels: Invalid value: \"bad value\": " + valueMsg,
            "metadata.labels: Invalid value: \"-k\": " + nameMsg,
        ])
        #expect(validateAnnotations([("Example.COM/Key", "v")]).isEmpty)  // keys checked lower-cased
        #expect(validateAnnotations([("a/b/c", "v")]).count == 1)
        let big = String(repeating: "x", count: 262_144)
        #expect(validateAnnotations([("k", big)]).map(\.description)
                == ["metadata.annotations: Too long: must have at most 262144 bytes"])
        #expect(validateAnnotations([("", String(repeating: "x", count: 262_143)), ("k", "")]).count == 2)
    }

    @Test func fieldErrorFormatting() {
        #expect(FieldError.invalid("metadata.name", "Bad_Name", "msg").description
                == "metadata.name: Invalid value: \"Bad_Name\": msg")
        #expect(FieldError.required("metadata.name", "name or generateName is required").description
                == "metadata.name: Required value: name or generateName is required")
        #expect(FieldError(.invalid, field: "spec.replicas", value: .int(-1), detail: "must be greater than or equal to 0").description
                == "spec.replicas: Invalid value: -1: must be greater than or equal to 0")
        #expect(FieldError.notSupported("spec.restartPolicy", .string("Sometimes"), supported: ["Always", "Never"]).description
                == "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\"")
        #expect(aggregateMessage(["a", "b", "a"]) == "[a, b]")
        #expect(aggregateMessage(["a", "a"]) == "a")
        #expect(aggregateMessage([String]()) == "")
    }
}
