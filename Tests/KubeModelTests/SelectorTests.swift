import Testing
@testable import KubeModel

@Suite struct LabelSelectorTests {
    // input -> canonical String() (requirements sorted by key, set values sorted and de-duplicated)
    @Test(arguments: [
        ("", ""), ("app=web", "app=web"), ("app==web", "app==web"), ("app!=web", "app!=web"),
        ("  app  =  web  ", "app=web"), ("tier=fe,app=web", "app=web,tier=fe"),
        ("env in (prod, dev,prod)", "env in (dev,prod)"), ("env notin (b,a)", "env notin (a,b)"),
        ("app", "app"), ("!app", "!app"), ("x>5", "x>5"), ("x<3", "x<3"), ("x in ()", "x in ()"),
        ("x in (,a)", "x in (,a)"), ("x in (a,,b)", "x in (,a,b)"), ("x in (a,)", "x in (,a)"),
        ("app=", "app="), ("app=,tier", "app=,tier"), ("example.com/app=v1", "example.com/app=v1"),
        ("in in (in,notin)", "in in (in,notin)"), ("a=b,a!=c", "a=b,a!=c"), ("b,!a", "!a,b"),
        ("x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"), ("a\t=\nb", "a=b"),
    ])
    func canonicalString(input: String, expected: String) throws {
        #expect(try LabelSelector.parse(input).description == expected)
    }

    @Test(arguments: [
        ("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("a=b c", "found 'c', expected: ',' or 'end of string'"),
        ("a,", "found '', expected: identifier after ','"),
        ("a,,b", "found ',', expected: identifier after ','"),
        (",a", "found ',', expected: !, identifier, or 'end of string'"),
        ("=a", "found '=', expected: !, identifier, or 'end of string'"),
        ("!", "unable to parse requirement: found '', expected: identifier"),
        ("!=a", "found '!=', expected: !, identifier, or 'end of string'"),
        ("!a=b", "found '=', expected: ',' or 'end of string'"),
        ("x in a", "unable to parse requirement: found 'a' expected: '('"),
        ("x in (", "unable to parse requirement: found '', expected: ',', ')' or identifier"),
        ("x in (a", "unable to parse requirement: found '', expected: ',' or ')'"),
        ("x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"),
        ("x in (a,=)", "unable to parse requirement: found '=', expected: ',', or identifier"),
        ("x in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"),
        ("a==(", "unable to parse requirement: found '(', expected: identifier"),
        ("x>a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"),
        ("a===b", "unable to parse requirement: found '=', expected: identifier"),
        ("a<=1", "unable to parse requirement: found '=', expected: identifier"),
    ])
    func parseErrors(input: String, message: String) {
        #expect(throws: SelectorError(message)) { try LabelSelector.parse(input) }
    }

    @Test func invalidKeyAndValueMessages() {
        let nameMsg = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
        #expect(throws: SelectorError("unable to parse requirement: <nil>: Invalid value: \"-bad\": " + nameMsg)) {
            try LabelSelector.parse("-bad=x")
        }
        let valueMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
        #expect(throws: SelectorError("unable to parse requirement: values[0][app]: Invalid value: \"bad$v\": " + valueMsg)) {
            try LabelSelector.parse("app=bad$v")
        }
        // Two bad values: the aggregate prints both in brackets.
        #expect(throws: SelectorError("unable to parse requirement: [values[0][app]: Invalid value: \"-a\": \(valueMsg), values[1][app]: Invalid value: \"-b\": \(valueMsg)]")) {
            try LabelSelector.parse("app in (-b,-a)")
        }
        // Negative numbers are not valid label values, so `x<-3` is rejected like in Go.
        #expect(throws: SelectorError("unable to parse requirement: values[0][x]: Invalid value: \"-3\": " + valueMsg)) {
            try LabelSelector.parse("x<-3")
        }
        let long = String(repeating: "a", count: 64)
        #expect(throws: SelectorError("unable to parse requirement: <nil>: Invalid value: \"\(long)\": name part must be no more than 63 characters")) {
            try LabelSelector.parse(long)
        }
        #expect(throws: SelectorError("unable to parse requirement: values[0][k]: Invalid value: \"\(long)\": must be no more than 63 characters")) {
            try LabelSelector.parse("k=" + long)
        }
    }

    @Test(arguments: [
        ("app=web", ["app": "web"], true), ("app=web", ["app": "db"], false), ("app=web", [:], false),
        ("app!=web", [:], true), ("app!=web", ["app": "db"], true), ("app!=web", ["app": "web"], false),
        ("env in (a,b)", ["env": "b"], true), ("env in (a,b)", [:], false),
        ("env notin (a,b)", [:], true), ("env notin (a,b)", ["env": "a"], false), ("env notin (a,b)", ["env": "c"], true),
        ("app", ["app": ""], true), ("app", [:], false), ("!app", [:], true), ("!app", ["app": "x"], false),
        ("x>5", ["x": "6"], true), ("x>5", ["x": "5"], false), ("x>5", ["x": "abc"], false), ("x>5", [:], false),
        ("x<5", ["x": "-10"], true), ("x<5", ["x": "5"], false), ("", ["any": "thing"], true), ("app=", ["app": ""], true), ("app=", [:], false),
        ("x in ()", ["x": ""], true), ("a=1,b=2", ["a": "1", "b": "2"], true), ("a=1,b=2", ["a": "1"], false),
    ])
    func matching(selector: String, labels: [String: String], expected: Bool) throws {
        #expect(try LabelSelector.parse(selector).matches(labels) == expected)
    }

    @Test func plainMapSelector() {
        let s = LabelSelector(matchingLabels: ["tier": "fe", "app": "web"])
        #expect(s.description == "app=web,tier=fe")
        #expect(s.matches(["app": "web", "tier": "fe", "x": "y"]))
        #expect(!s.matches(["app": "web"]))
        #expect(LabelSelector(matchingLabels: [:]).isEmpty)
        #expect(LabelSelector(matchingLabels: [:]).matches([:]))
        #expect(s.requiresExactMatch("app") == "web")
        #expect(s.requiresExactMatch("nope") == nil)
    }

    @Test func metav1LabelSelector() throws {
        let json = try JSON.parse(#"{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"env","operator":"In","values":["prod","dev"]},{"key":"gone","operator":"DoesNotExist"},{"key":"tier","operator":"Exists"}]}"#)
        let s = try LabelSelector(from: json)
        #expect(s.description == "app=web,env in (dev,prod),!gone,tier")
        #expect(s.matches(labels: try JSON.parse(#"{"app":"web","env":"dev","tier":"x"}"#)))
        #expect(!s.matches(["app": "web", "env": "dev", "tier": "x", "gone": "1"]))
        // nil selector matches nothing; an empty one matches everything
        #expect(try LabelSelector(from: .null).matchesNothing)
        #expect(try !LabelSelector(from: .null).matches([:]))
        #expect(try LabelSelector(from: .emptyObject).matches(["a": "b"]))
        #expect(try LabelSelector(from: JSON.parse(#"{"matchLabels":{}}"#)).isEmpty)
    }

    @Test func metav1LabelSelectorErrors() throws {
        #expect(throws: SelectorError("\"Foo\" is not a valid pod selector operator")) {
            try LabelSelector(from: JSON.parse(#"{"matchExpressions":[{"key":"a","operator":"Foo"}]}"#))
        }
        #expect(throws: SelectorError("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty")) {
            try LabelSelector(from: JSON.parse(#"{"matchExpressions":[{"key":"a","operator":"In","values":[]}]}"#))
        }
        #expect(throws: SelectorError("values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist")) {
            try LabelSelector(from: JSON.parse(#"{"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]}"#))
        }
        let keyMsg = "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        #expect(throws: SelectorError("key: Invalid value: \"Bad/x\": " + keyMsg)) {
            try LabelSelector(from: JSON.parse(#"{"matchLabels":{"Bad/x":"1"}}"#))
        }
        #expect(throws: SelectorError("key: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")) {
            try LabelSelector(from: JSON.parse(#"{"matchLabels":{"a/b/c":"1"}}"#))
        }
    }

    @Test func requirementConstructorChecks() {
        #expect(throws: SelectorError("values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires one single value")) {
            try LabelRequirement(key: "k", op: .equals, values: ["a", "b"])
        }
        #expect(throws: SelectorError("values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required")) {
            try LabelRequirement(key: "k", op: .greaterThan, values: [])
        }
    }

    @Test func agreesWithFormatLabelSelector() throws {
        let json = try JSON.parse(#"{"matchLabels":{"b":"2","a":"1"},"matchExpressions":[{"key":"c","operator":"NotIn","values":["y","x"]}]}"#)
        #expect(try LabelSelector(from: json).description == formatLabelSelector(json))
    }
}

@Suite struct FieldSelectorTests {
    @Test(arguments: [
        ("", ""), ("metadata.name=foo", "metadata.name=foo"), ("metadata.name==foo", "metadata.name=foo"),
        ("status.phase!=Running,metadata.name=x", "metadata.name=x,status.phase!=Running"),
        ("a=x\\,y", "a=x\\,y"), ("a=x\\=y", "a=x\\=y"), ("a=\\\\", "a=\\\\"), ("a=", "a="), ("a=b,,c=d", "a=b,c=d"),
    ])
    func canonicalString(input: String, expected: String) throws {
        #expect(try FieldSelector.parse(input).description == expected)
    }

    @Test func unescapedValues() throws {
        let s = try FieldSelector.parse(#"spec.x=a\,b\=c\\d"#)
        #expect(s.requirements == [FieldRequirement(field: "spec.x", op: .equals, value: #"a,b=c\d"#)])
    }

    @Test(arguments: [
        ("foo", "invalid selector: 'foo'; can't understand 'foo'"),
        ("a=b,foo", "invalid selector: 'a=b,foo'; can't understand 'foo'"),
        ("a=b=c", "invalid field selector: unescaped character in value: 61"),
        ("a=b\\x", "invalid field selector: invalid escape sequence: \\x"),
        ("a=b\\", "invalid field selector: invalid escape sequence: \\"),
    ])
    func parseErrors(input: String, message: String) {
        #expect(throws: SelectorError(message)) { try FieldSelector.parse(input) }
    }

    @Test func matching() throws {
        let fields = ["metadata.name": "web", "status.phase": "Running"]
        let get: (String) -> String? = { fields[$0] }
        #expect(try FieldSelector.parse("metadata.name=web").matches(get))
        #expect(try !FieldSelector.parse("metadata.name=db").matches(get))
        #expect(try FieldSelector.parse("status.phase!=Pending,metadata.name==web").matches(get))
        #expect(try FieldSelector.parse("spec.nodeName=").matches(get))       // missing reads as ""
        #expect(try FieldSelector.parse("spec.nodeName!=n1").matches(get))
        #expect(try FieldSelector.parse("").matches(get))
        #expect(try FieldSelector.parse("metadata.name=web").requiresExactMatch("metadata.name") == "web")
    }

    @Test func serverMessages() throws {
        #expect(fieldLabelNotSupportedMessage("foo") == "field label not supported: foo")
        #expect(fieldLabelNotSupportedMessage("foo.bar", defaultConversion: true)
                == #""foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace""#)
        #expect(selectorListErrorMessage(group: "", version: "v1", resource: "pods", labelSelector: "", fieldSelector: "foo=bar",
                                         serverMessage: "field label not supported: foo")
                == #"Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo"#)
        #expect(selectorListErrorMessage(group: "apps", version: "v1", resource: "deployments", labelSelector: "", fieldSelector: "",
                                         serverMessage: "x") == #"Unable to list "apps/v1, Resource=deployments": x"#)
        let check: (String, String) throws -> (String, String) = { f, v in
            if f != "metadata.name" { throw SelectorError(fieldLabelNotSupportedMessage(f)) }
            return (f, v)
        }
        #expect(throws: SelectorError("field label not supported: foo")) {
            try FieldSelector.parse("metadata.name=a,foo=bar").transformed(check)
        }
        #expect(try FieldSelector.parse("metadata.name=a").transformed(check).description == "metadata.name=a")
    }
}
