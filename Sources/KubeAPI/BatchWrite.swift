import KubeStore

extension APIServer {
    /// Runs `body` once per item, many items per write transaction and each item in a savepoint of
    /// its own: an item that throws leaves no trace and the next one goes on, exactly as with one
    /// transaction per item, without paying a commit per item. A process killed mid-way leaves every
    /// item either whole or absent. `committed` receives each transaction's items with their outcomes,
    /// in order, once they are durable, so nothing is reported done before it is.
    public func writeEach<Items: Sequence, Result>(
        _ items: Items, batchSize: Int = 256,
        _ body: (APISession, Items.Element) throws -> Result,
        committed: ([(item: Items.Element, outcome: Swift.Result<Result, Error>)]) throws -> Void
    ) throws {
        var iterator = items.makeIterator()
        var next = iterator.next()
        try store.withLargeWriteCache {
            while next != nil {
                var outcomes: [(item: Items.Element, outcome: Swift.Result<Result, Error>)] = []
                try remembering { stamp in
                    try store.write { tx in
                        let session = makeSession(tx)
                        while let item = next, outcomes.count < batchSize {
                            next = iterator.next()
                            do {
                                let result = try store.write { _ in try body(session, item) }  // a savepoint
                                outcomes.append((item, .success(result)))
                            } catch {
                                // The savepoint is rolled back: forget what the controllers learnt inside it.
                                session.resetControllers()
                                outcomes.append((item, .failure(error)))
                            }
                        }
                        try stamp(tx)
                    }
                }
                try committed(outcomes)
            }
        }
        if !inWrite { try finishDeferredWork() }
    }
}

extension APISession {
    func resetControllers() {
        decoded = decoded.map { _ in [:] }
        priorityClasses = nil
        waitingInForeground = nil
        memory?.forget()
        controllers = ControllerManager(session: self)
    }
}
