import Testing
@testable import KubeRegistry
