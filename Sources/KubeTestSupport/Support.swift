// In-process test helpers.
