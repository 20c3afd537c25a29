import Testing
@testable import KubeModel

@Suite struct QuantityTests {
    // Recorded from kubectl v1.32: `kubectl create quota q --hard=<name>=<input> --dry-run=client -o yaml`
    // (the Go client serialises each Quantity with String()).
    static let kubectlCanonical: [(String, String)] = [
        ("1.5", "1500m"), ("1.5Gi", "1536Mi"), ("1000", "1k"), ("1000m", "1"), ("0.5", "500m"),
        ("2000Mi", "2000Mi"), ("8Gi", "8Gi"), ("2e3", "2e3"), ("1E", "1E"), ("01", "01"), ("+1", "+1"),
        ("1.1Ki", "1126400m"), ("1.500", "1.500"), ("0.1Ki", "102400m"), ("1000E", "1"), ("100m", "100m"),
        ("1024Mi", "1Gi"), ("1.0000000001", "1000000001n"), ("-1.5Gi", "-1536Mi"), ("0.5Gi", "512Mi"),
        ("1e-20", "1e-9"), ("3Ei", "3Ei"), ("100000000000000000000Ei", "9223372036854775807"), ("-", "0"),
    ]

    @Test(arguments: kubectlCanonical)
    func canonicalFormMatchesKubectl(input: String, expected: String) throws {
        #expect(try Quantity.parse(input).description == expected)
    }

    @Test(arguments: [
        ("500Mi", "500Mi"), ("0", "0"), ("1Ki", "1Ki"), ("1536", "1536"), ("512Ki", "512Ki"), ("1.5k", "1500"),
        ("10m", "10m"), ("1u", "1u"), ("1n", "1n"), ("0.1n", "1n"), ("15e2", "1500"), ("1e3", "1e3"), ("1.0", "1"),
        ("-1", "-1"), ("-2Ki", "-2Ki"), ("0Gi", "0"), ("1e21", "1e21"), ("250m", "250m"), ("2.5", "2500m"),
    ])
    func canonicalForms(input: String, expected: String) throws {
        #expect(try Quantity.parse(input).description == expected)
    }

    // Error texts recorded from kubectl v1.32 (`create quota --hard=cpu=<input>`).
    @Test(arguments: [
        ("abc", QuantityError.formatWrong), ("1.2.3", .formatWrong), ("", .formatWrong), ("1Zi", .formatWrong),
        ("1ee", .suffix), ("1mm", .suffix), ("Ei", .numeric),
    ])
    func parseErrors(input: String, expected: QuantityError) {
        #expect(throws: expected) { try Quantity.parse(input) }
    }

    @Test func errorTexts() {
        #expect(QuantityError.formatWrong.message
                == "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
        #expect(QuantityError.suffix.message == "unable to parse quantity's suffix")
        #expect(QuantityError.numeric.message == "unable to parse numeric part of quantity")
    }

    @Test(arguments: [
        ("100m", Int64(1), Int64(100)), ("1.5", 2, 1500), ("1Gi", 1_073_741_824, 1_073_741_824_000),
        ("0.1m", 1, 1), ("2", 2, 2000), ("1n", 1, 1), ("-1.5", -2, -1500), ("0", 0, 0),
    ])
    func valueAccessors(input: String, value: Int64, milli: Int64) throws {
        let q = try Quantity.parse(input)
        #expect(q.value == value)
        #expect(q.milliValue == milli)
    }

    @Test(arguments: [
        ("1", "1000m", 0), ("1Gi", "1024Mi", 0), ("1G", "1Gi", -1), ("10Gi", "2Gi", 1), ("100m", "0.1", 0),
        ("-1", "0", -1), ("1e3", "1k", 0), ("999m", "1", -1), ("1E", "1Ei", -1), ("1u", "1n", 1),
    ])
    func comparisons(a: String, b: String, expected: Int) throws {
        let x = try Quantity.parse(a), y = try Quantity.parse(b)
        #expect(x.compare(y) == expected)
        #expect(y.compare(x) == -expected)
        #expect((x == y) == (expected == 0))
    }

    @Test func additionKeepsFormatOfFirstNonZero() throws {
        var total = Quantity.zero
        total.add(try .parse("100m"))
        total.add(try .parse("250m"))
        #expect(total.description == "350m")
        var mem = Quantity.zero
        mem.add(try .parse("128Mi"))
        mem.add(try .parse("128Mi"))
        #expect(mem.description == "256Mi")
        #expect(mem.format == .binarySI)
        #expect((try Quantity.parse("1") + Quantity.parse("500m")).description == "1500m")
        #expect((try Quantity.parse("1Gi") - Quantity.parse("512Mi")).description == "512Mi")
        #expect((try Quantity.parse("1") - Quantity.parse("1")).description == "0")
    }

    @Test func constructors() {
        #expect(Quantity(milli: 1500).description == "1500m")
        #expect(Quantity(2048, format: .binarySI).description == "2Ki")
        #expect(Quantity(5, scale: 3).description == "5k")
        #expect(Quantity(0).description == "0")
    }

    @Test func fromJSON() throws {
        #expect(try Quantity.parse(json: .int(2)).description == "2")
        #expect(try Quantity.parse(json: .double(0.5)).description == "500m")
        #expect(try Quantity.parse(json: .string(" 1Gi ")).description == "1Gi")
        #expect(throws: QuantityError.formatWrong) { try Quantity.parse(json: .bool(true)) }
    }

    @Test(arguments: [
        (Int64(250), Int64(2000), Int64(12)), (1000, 1000, 100), (1, 3, 33), (0, 0, 0), (3000, 2000, 150), (2, 3, 66),
    ])
    func percentages(part: Int64, whole: Int64, expected: Int64) {
        #expect(describePercent(part, of: whole) == expected)
    }
}
