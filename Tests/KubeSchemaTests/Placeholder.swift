import Testing
@testable import KubeSchema
