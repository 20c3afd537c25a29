import KubeModel

/// `kubectl describe certificatesigningrequest`: the request's subject and alternative names, read
/// from the PEM-encoded PKCS #10 request in `spec.request`.
func describeCSR(_ csr: JSONValue, _ ctx: DescribeContext) -> String {
    guard case .success(let request) = CertificateRequest.parse(spec: csr["spec"]) else { return "" }
    let spec = csr["spec"]
    return tabbed { w in
        w.write(L0, "Name:\t\(csr.name)\n")
        w.write(L0, "Labels:\t\(formatLabels(csr.labels))\n")
        w.write(L0, "Annotations:\t\(formatLabels(csr.annotations))\n")
        w.write(L0, "CreationTimestamp:\t\(rfc1123(csr["metadata"]["creationTimestamp"]))\n")
        w.write(L0, "Requesting User:\t\(spec["username"].str)\n")
        if !spec["signerName"].str.isEmpty { w.write(L0, "Signer:\t\(spec["signerName"].str)\n") }
        if let seconds = spec["expirationSeconds"].int {
            w.write(L0, "Requested Duration:\t\(humanDuration(seconds: seconds))\n")
        }
        w.write(L0, "Status:\t\(csrStatus(csr))\n")
        let subject = request.subject
        w.write(L0, "Subject:\n")
        w.write(L0, "\tCommon Name:\t\(subject.commonName)\n")
        w.write(L0, "\tSerial Number:\t\(subject.serialNumber)\n")
        for (title, values) in [("Organization", subject.organization), ("Organizational Unit", subject.organizationalUnit),
                                ("Country", subject.country), ("Locality", subject.locality), ("Province", subject.province),
                                ("StreetAddress", subject.streetAddress), ("PostalCode", subject.postalCode)] {
            printCSRList(w, title, values)
        }
        let names = request.alternativeNames
        if !(names.dns.isEmpty && names.emails.isEmpty && names.ips.isEmpty && names.uris.isEmpty) {
            w.write(L0, "Subject Alternative Names:\n")
            printCSRList(w, "DNS Names", names.dns)
            printCSRList(w, "Email Addresses", names.emails)
            printCSRList(w, "URIs", names.uris)
            printCSRList(w, "IP Addresses", names.ips)
        }
        writeEventsIfShown(w, csr, ctx)
    }
}

/// Why kubectl cannot describe this CSR (`Error parsing CSR: ...`), nil when it can.
func csrDescribeFailure(_ csr: JSONValue) -> String? {
    if case .failure(let message) = CertificateRequest.parse(spec: csr["spec"]) { return "Error parsing CSR: \(message.text)" }
    return nil
}

private func printCSRList(_ w: DescribeWriter, _ title: String, _ values: [String]) {
    guard !values.isEmpty else { return }
    w.write(L0, "\t\(title):\t" + values.joined(separator: "\n\t\t") + "\n")
}

/// `Approved`/`Denied`/`Pending`, then `,Failed` and `,Issued` (kubectl's extractCSRStatus).
func csrStatus(_ csr: JSONValue) -> String {
    let types = Set(csr["status"]["conditions"].arr.map { $0["type"].str })
    var status = types.contains("Denied") ? "Denied" : types.contains("Approved") ? "Approved" : "Pending"
    if types.contains("Failed") { status += ",Failed" }
    if !csr["status"]["certificate"].str.isEmpty { status += ",Issued" }
    return status
}

/// The parts of a PKCS #10 certification request that kubectl prints.
struct CertificateRequest {
    struct Subject {
        var commonName = "", serialNumber = ""
        var organization: [String] = [], organizationalUnit: [String] = [], country: [String] = []
        var locality: [String] = [], province: [String] = [], streetAddress: [String] = [], postalCode: [String] = []
    }
    struct AlternativeNames { var dns: [String] = [], emails: [String] = [], uris: [String] = [], ips: [String] = [] }
    struct Failure: Error { var text: String }

    var subject = Subject()
    var alternativeNames = AlternativeNames()

    /// `spec.request` (base64 of a PEM block) parsed as client-go's ParseCSR and x509 parse it.
    static func parse(spec: JSONValue) -> Result<CertificateRequest, Failure> {
        let pem = String(decoding: base64Decode(spec["request"].str), as: UTF8.self)
        guard let der = pemBlock(pem, type: "CERTIFICATE REQUEST") else {
            return .failure(Failure(text: "PEM block type must be CERTIFICATE REQUEST"))
        }
        do { return .success(try parseDER(der)) } catch let f as Failure { return .failure(f) } catch {
            return .failure(Failure(text: "x509: malformed certificate request"))
        }
    }

    /// The body of the first PEM block, when it has the given type.
    static func pemBlock(_ text: String, type: String) -> [UInt8]? {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { line in
            String(line.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        }
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") && $0.hasSuffix("-----") }) else { return nil }
        guard lines[begin] == "-----BEGIN \(type)-----" else { return nil }
        guard let end = lines[begin...].firstIndex(of: "-----END \(type)-----") else { return nil }
        return base64Decode(lines[(begin + 1)..<end].joined())
    }

    static func parseDER(_ der: [UInt8]) throws -> CertificateRequest {
        let malformed = Failure(text: "x509: malformed certificate request")
        var top = DERReader(der)
        guard var request = try top.read(tag: 0x30)?.reader else { throw malformed }
        guard var info = try request.read(tag: 0x30)?.reader else { throw malformed }
        _ = try info.read(tag: 0x02)  // version
        guard let name = try info.read(tag: 0x30) else { throw malformed }
        var out = CertificateRequest()
        out.subject = try subject(name.reader)
        _ = try info.read(tag: 0x30)  // subjectPublicKeyInfo
        if let attributes = try info.read(tag: 0xA0) {
            var attrs = attributes.reader
            while let attr = try attrs.next() {
                var a = attr.reader
                guard let oid = try a.read(tag: 0x06), oidString(oid.content) == "1.2.840.113549.1.9.14",
                    let values = try a.read(tag: 0x31) else { continue }
                var v = values.reader
                while let extensions = try v.read(tag: 0x30) {
                    var exts = extensions.reader
                    while let ext = try exts.read(tag: 0x30) {
                        var e = ext.reader
                        guard let id = try e.read(tag: 0x06), oidString(id.content) == "2.5.29.17" else { continue }
                        _ = try e.read(tag: 0x01)  // critical
                        guard let value = try e.read(tag: 0x04) else { continue }
                        out.alternativeNames = try alternativeNames(value.content)
                    }
                }
            }
        }
        return out
    }

    private static func subject(_ reader: DERReader) throws -> Subject {
        var s = Subject()
        var rdns = reader
        while let rdn = try rdns.read(tag: 0x31) {
            var atvs = rdn.reader
            while let atv = try atvs.read(tag: 0x30) {
                var r = atv.reader
                guard let oid = try r.read(tag: 0x06), let value = try r.next() else { continue }
                let text = String(decoding: value.content, as: UTF8.self)
                switch oidString(oid.content) {
                case "2.5.4.3": s.commonName = text
                case "2.5.4.5": s.serialNumber = text
                case "2.5.4.6": s.country.append(text)
                case "2.5.4.7": s.locality.append(text)
                case "2.5.4.8": s.province.append(text)
                case "2.5.4.9": s.streetAddress.append(text)
                case "2.5.4.10": s.organization.append(text)
                case "2.5.4.11": s.organizationalUnit.append(text)
                case "2.5.4.17": s.postalCode.append(text)
                default: break
                }
            }
        }
        return s
    }

    private static func alternativeNames(_ der: [UInt8]) throws -> AlternativeNames {
        var names = AlternativeNames()
        var outer = DERReader(der)
        guard let seq = try outer.read(tag: 0x30) else { return names }
        var r = seq.reader
        while let gn = try r.next() {
            let text = String(decoding: gn.content, as: UTF8.self)
            switch gn.tag {
            case 0x81: names.emails.append(text)
            case 0x82: names.dns.append(text)
            case 0x86: names.uris.append(text)
            case 0x87: names.ips.append(goIPString(gn.content))
            default: break
            }
        }
        return names
    }
}

/// A minimal DER reader: tag, definite length, content.
struct DERReader {
    struct Element {
        var tag: UInt8
        var content: [UInt8]
        var reader: DERReader { DERReader(content) }
    }

    private let bytes: [UInt8]
    private var pos = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next element, nil at the end.
    mutating func next() throws -> Element? {
        guard pos < bytes.count else { return nil }
        let bad = CertificateRequest.Failure(text: "x509: malformed certificate request")
        let tag = bytes[pos]
        guard pos + 1 < bytes.count else { throw bad }
        var length = Int(bytes[pos + 1])
        var start = pos + 2
        if length & 0x80 != 0 {
            let n = length & 0x7F
            guard n >= 1, n <= 4, start + n <= bytes.count else { throw bad }
            length = bytes[start..<(start + n)].reduce(0) { $0 << 8 | Int($1) }
            start += n
        }
        guard start + length <= bytes.count else { throw bad }
        pos = start + length
        return Element(tag: tag, content: Array(bytes[start..<(start + length)]))
    }

    /// The next element if it has this tag (it is consumed only then).
    mutating func read(tag: UInt8) throws -> Element? {
        let saved = pos
        guard let e = try next() else { return nil }
        if e.tag == tag { return e }
        pos = saved
        return nil
    }
}

/// Dotted text of an OBJECT IDENTIFIER's content bytes.
func oidString(_ b: [UInt8]) -> String {
    guard let first = b.first else { return "" }
    var parts = [Int(first) / 40, Int(first) % 40]
    var v = 0
    for byte in b.dropFirst() {
        v = v << 7 | Int(byte & 0x7F)
        if byte & 0x80 == 0 { parts.append(v); v = 0 }
    }
    return parts.map(String.init).joined(separator: ".")
}

/// Go's `net.IP.String()`: dotted IPv4 (also for IPv4-mapped IPv6), RFC 5952 IPv6.
func goIPString(_ ip: [UInt8]) -> String {
    if ip.count == 4 { return ip.map(String.init).joined(separator: ".") }
    guard ip.count == 16 else { return "?" + ip.map { String($0, radix: 16) }.joined() }
    if ip[0..<10].allSatisfy({ $0 == 0 }) && ip[10] == 0xFF && ip[11] == 0xFF {
        return ip[12...].map(String.init).joined(separator: ".")
    }
    let groups = stride(from: 0, to: 16, by: 2).map { Int(ip[$0]) << 8 | Int(ip[$0 + 1]) }
    var bestStart = -1, bestLen = 0, i = 0
    while i < 8 {
        var j = i
        while j < 8 && groups[j] == 0 { j += 1 }
        if j - i > bestLen && j - i >= 2 { bestStart = i; bestLen = j - i }
        i = j == i ? i + 1 : j
    }
    var out = ""
    var k = 0
    while k < 8 {
        if k == bestStart {
            out += "::"
            k += bestLen
            continue
        }
        if !out.isEmpty && !out.hasSuffix(":") { out += ":" }
        out += String(groups[k], radix: 16)
        k += 1
    }
    return out
}
