import Testing
@testable import KubeCodec
