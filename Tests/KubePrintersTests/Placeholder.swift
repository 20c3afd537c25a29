import Testing
@testable import KubePrinters
