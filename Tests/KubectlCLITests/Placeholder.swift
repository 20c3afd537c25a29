import Testing
@testable import KubectlCLI
