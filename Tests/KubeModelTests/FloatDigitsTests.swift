import KubeModel
import Testing

/// The digit extraction and decimal layout every Go float formatting in the package shares
/// (encoding/json numbers, `%v`/`%g` in jsonpath, `%f`/`%g`/`%e` in go-templates).
@Suite struct FloatDigitsTests {
    @Test func shortestDigitsAndPointPosition() {
        #expect(shortestDigits(0.00125) == (false, "125", -2))
        #expect(shortestDigits(-1500) == (true, "15", 4))
        #expect(shortestDigits(1e21) == (false, "1", 22))
        #expect(shortestDigits(0.1 + 0.2) == (false, "30000000000000004", 0))
        #expect(shortestDigits(0) == (false, "0", 0))
    }

    @Test func decimalPointPlacement() {
        #expect(placingDecimalPoint("15", at: 1) == "1.5")
        #expect(placingDecimalPoint("15", at: 0) == "0.15")
        #expect(placingDecimalPoint("15", at: -2) == "0.0015")
        #expect(placingDecimalPoint("15", at: 4) == "1500")
        #expect(placingDecimalPoint("15", at: 2) == "15")
    }
}
