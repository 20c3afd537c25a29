// API-server semantics over the store.
