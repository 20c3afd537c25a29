// SQLite-backed object rows.
