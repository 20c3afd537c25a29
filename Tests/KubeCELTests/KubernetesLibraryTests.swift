import KubeCEL
import Testing

/// The Kubernetes CEL libraries, with expected values taken from Kubernetes' library documentation
/// and tests (lists, sets, regex, URLs, quantities, IP/CIDR) and the extended strings library.
@Suite struct KubernetesLibraryTests {
    func eval(_ expr: String, _ vars: [String: Value] = [:]) -> String {
        do {
            let ast = try Parser.parse(expr)
            let v = Interpreter(functions: .kubernetes).evaluate(ast, Activation(vars))
            switch v {
            case .error(let e): return "error: " + e.message
            case .bool(let b): return String(b)
            case .int(let i): return String(i)
            case .double(let d): return String(d)
            case .string(let s): return s
            case .list(let l): return "[" + l.map { if case .string(let s) = $0 { return s }; if case .int(let i) = $0 { return String(i) }; return $0.typeName }.joined(separator: ",") + "]"
            default: return v.typeName
            }
        } catch {
            return "syntax error"
        }
    }

    @Test func listsAndSets() {
        #expect(eval("[1, 2, 3].isSorted()") == "true")
        #expect(eval("['b', 'a'].isSorted()") == "false")
        #expect(eval("[1, 2, 3].sum()") == "6")
        #expect(eval("[].sum()") == "0")
        #expect(eval("[3, 1, 2].min()") == "1")
        #expect(eval("[3, 1, 2].max()") == "3")
        #expect(eval("[1, 2, 2, 3].indexOf(2)") == "1")
        #expect(eval("[1, 2, 2, 3].lastIndexOf(2)") == "2")
        #expect(eval("sets.contains([1, 2, 3], [3, 1])") == "true")
        #expect(eval("sets.equivalent([1, 2], [2, 1, 1])") == "true")
        #expect(eval("sets.intersects([1], [2])") == "false")
        #expect(eval("[].min()").hasPrefix("error"))
    }

    @Test func regexAndStrings() {
        #expect(eval("'abc 123'.find('[0-9]+')") == "123")
        #expect(eval("'abc'.find('[0-9]+')") == "")
        #expect(eval("'123 abc 456'.findAll('[0-9]+')") == "[123,456]")
        #expect(eval("'123 abc 456'.findAll('[0-9]+', 1)") == "[123]")
        #expect(eval("'hello'.matches('^h.*o$')") == "true")
        #expect(eval("'a,b,c'.split(',')") == "[a,b,c]")
        #expect(eval("'%s is %d'.format(['x', 3])") == "x is 3")
    }

    @Test func urls() {
        #expect(eval("url('https://example.com:8080/path?k=v&k=w').getHost()") == "example.com:8080")
        #expect(eval("url('https://example.com:8080/path').getHostname()") == "example.com")
        #expect(eval("url('https://[::1]:80/').getHostname()") == "::1")
        #expect(eval("url('https://example.com:8080/path').getPort()") == "8080")
        #expect(eval("url('https://example.com/a%20b').getEscapedPath()") == "/a%20b")
        #expect(eval("url('https://example.com/?k=v&k=w').getQuery()['k']") == "[v,w]")
        #expect(eval("isURL('not a url')") == "false")
        #expect(eval("isURL('/absolute/path')") == "true")
        #expect(eval("url('https://x.io').getScheme()") == "https")
    }

    @Test func quantities() {
        #expect(eval("quantity('1Gi').isGreaterThan(quantity('1G'))") == "true")
        #expect(eval("quantity('500m').compareTo(quantity('0.5'))") == "0")
        #expect(eval("quantity('1.5').isInteger()") == "false")
        #expect(eval("quantity('2k').asInteger()") == "2000")
        #expect(eval("quantity('1Gi').add(quantity('1Gi')) == quantity('2Gi')") == "true")
        #expect(eval("quantity('1').sub(2).sign()") == "-1")
        #expect(eval("isQuantity('1.2.3')") == "false")
        #expect(eval("quantity('200M').asApproximateFloat()") == "200000000.0")
    }

    @Test func ipAndCIDR() {
        #expect(eval("isIP('10.0.0.1')") == "true")
        #expect(eval("isIP('010.0.0.1')") == "false")
        #expect(eval("isIP('::ffff:1.2.3.4')") == "false")
        #expect(eval("ip('2001:db8::1').family()") == "6")
        #expect(eval("ip.isCanonical('2001:db8:0:0:0:0:0:1')") == "false")
        #expect(eval("ip.isCanonical('2001:db8::1')") == "true")
        #expect(eval("ip('127.0.0.1').isLoopback()") == "true")
        #expect(eval("ip('fe80::1').isLinkLocalUnicast()") == "true")
        #expect(eval("ip('8.8.8.8').isGlobalUnicast()") == "true")
        #expect(eval("cidr('10.0.0.0/8').containsIP('10.1.2.3')") == "true")
        #expect(eval("cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')") == "true")
        #expect(eval("cidr('10.0.0.0/16').containsCIDR('10.0.0.0/8')") == "false")
        #expect(eval("string(cidr('192.168.1.5/24').masked())") == "192.168.1.0/24")
        #expect(eval("cidr('192.168.1.5/24').prefixLength()") == "24")
        #expect(eval("string(cidr('::1/128').ip())") == "::1")
        #expect(eval("isCIDR('10.0.0.0/33')") == "false")
    }

    @Test func formats() {
        #expect(eval("format.dns1123Label().validate('my-name').hasValue()") == "false")
        #expect(eval("format.dns1123Label().validate('My_Name').value()[0]").hasPrefix("a lowercase RFC 1123 label must consist of"))
        #expect(eval("format.named('dns1035Label').value().validate('1abc').hasValue()") == "true")
        #expect(eval("format.named('nope').hasValue()") == "false")
        #expect(eval("format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()") == "false")
    }
}
