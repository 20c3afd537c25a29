import Testing
@testable import KubeStore
