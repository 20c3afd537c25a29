#include <sqlite3.h>

/// sqlite3_config is variadic (Swift cannot call it): turns off SQLite's memory statistics, which
/// take a global mutex on every allocation. Effective only before SQLite is initialised (the first open).
static inline int kubectl_local_sqlite_no_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
