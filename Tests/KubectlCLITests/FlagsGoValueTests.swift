import Testing
import KubectlCLI
import KubeModel

// Go semantics of the value parsers behind pflag (Go's documented behaviour of strconv and time).

@Test(arguments: [
    ("0", 0 as Int64), ("-0", 0), ("+1", 1), ("1_000", 1000), ("0x_1f", 31), ("0X1F", 31), ("017", 15),
    ("0o17", 15), ("0b101", 5), ("2147483647", 2_147_483_647), ("-2147483648", -2_147_483_648),
])
func parseInt32Accepts(_ text: String, _ value: Int64) {
    #expect(GoValue.parseInt(text, bitSize: 32) == .success(value))
}

@Test(arguments: [
    ("2147483648", "value out of range"), ("-2147483649", "value out of range"), ("1__0", "invalid syntax"),
    ("_1", "invalid syntax"), ("1_", "invalid syntax"), ("08", "invalid syntax"), ("0b2", "invalid syntax"),
    ("-", "invalid syntax"), ("+", "invalid syntax"), ("0x", "invalid syntax"), ("99999999999x", "value out of range"),
])
func parseInt32Rejects(_ text: String, _ reason: String) {
    #expect(GoValue.parseInt(text, bitSize: 32)
        == .failure(GoValueError("strconv.ParseInt: parsing \(GoValue.quote(text)): \(reason)")))
}

@Test func parseInt64Limits() {
    #expect(GoValue.parseInt("9223372036854775807") == .success(Int64.max))
    #expect(GoValue.parseInt("-9223372036854775808") == .success(Int64.min))
    #expect(GoValue.parseInt("9223372036854775808")
        == .failure(GoValueError("strconv.ParseInt: parsing \"9223372036854775808\": value out of range")))
}

@Test(arguments: [
    ("0", "0s"), ("1ns", "1ns"), ("1500ns", "1.5\u{b5}s"), ("1.5ms", "1.5ms"), ("1s", "1s"), ("90s", "1m30s"),
    ("1h", "1h0m0s"), ("1.5h7ms", "1h30m0.007s"), ("-3m", "-3m0s"), ("+2s", "2s"), ("1us", "1\u{b5}s"),
    ("1\u{3bc}s", "1\u{b5}s"), (".5s", "500ms"), ("1.s", "1s"), ("2h45m3.5s", "2h45m3.5s"),
])
func durationRoundTrip(_ text: String, _ canonical: String) throws {
    let ns = try GoValue.parseDuration(text).get()
    #expect(GoValue.formatDuration(ns) == canonical)
}

@Test(arguments: [
    ("", "time: invalid duration \"\""), ("-", "time: invalid duration \"-\""), (".s", "time: invalid duration \".s\""),
    ("s", "time: invalid duration \"s\""), ("1", "time: missing unit in duration \"1\""),
    ("1d", "time: unknown unit \"d\" in duration \"1d\""), ("3000000h", "time: invalid duration \"3000000h\""),
    ("1\u{e9}", "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\""),
])
func durationRejects(_ text: String, _ message: String) {
    #expect(GoValue.parseDuration(text) == .failure(GoValueError(message)))
}

@Test(arguments: [
    ("1", true), ("t", true), ("T", true), ("TRUE", true), ("true", true), ("True", true),
    ("0", false), ("f", false), ("F", false), ("FALSE", false), ("false", false), ("False", false),
])
func parseBoolAccepts(_ text: String, _ value: Bool) {
    #expect(GoValue.parseBool(text) == .success(value))
}

@Test(arguments: ["yes", "tRUE", "", " true"])
func parseBoolRejects(_ text: String) {
    #expect(GoValue.parseBool(text)
        == .failure(GoValueError("strconv.ParseBool: parsing \(GoValue.quote(text)): invalid syntax")))
}

@Test func quoting() {
    #expect(GoValue.quote("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(GoValue.quote("tab\there\n\u{1}\u{7f}") == "\"tab\\there\\n\\x01\\x7f\"")
    #expect(GoValue.quote("caf\u{e9} \u{2028}") == "\"caf\u{e9} \\u2028\"")
    #expect(GoValue.quoteRune("x") == "'x'")
    #expect(GoValue.quoteRune("'") == "'\\''")
    #expect(GoValue.quoteRune("\u{c3}") == "'\u{c3}'")
}

@Test func csvFirstRecord() {
    #expect(GoValue.readCSVRecord("") == .success([]))
    #expect(GoValue.readCSVRecord("a,b\nc,d") == .success(["a", "b"]))
    #expect(GoValue.readCSVRecord("a,b\r\n") == .success(["a", "b"]))
    #expect(GoValue.readCSVRecord("\"x\ny\"z") == .failure(GoValueError(
        "record on line 1; parse error on line 2, column 2: extraneous or missing \" in quoted-field")))
    #expect(GoValue.readCSVRecord("\"a\r\nb\"") == .success(["a\nb"]))
    #expect(GoValue.readCSVRecord("\n") == .failure(GoValueError("EOF")))
}
