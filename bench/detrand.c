/* detrand.c: an LD_PRELOAD shim that makes two runs of kubectl-local comparable byte for byte, for
 * checking that a performance change leaves every output as it was (old binary against new):
 *  - the Swift runtime's random numbers (the getrandom system call, reached through syscall(2)) come
 *    from a fixed SplitMix64 sequence, so generated names, uids and token volumes repeat;
 *  - with DETRAND_FREEZE=1 the monotonic clock stands still, so the controllers' time budgets never run
 *    out and a large scale-up is cut into the same 500-pod transactions on every run (on a loaded machine
 *    the cut otherwise moves, and with it the order of random draws: two runs of one binary differ).
 *  - with DETRAND_SEED=N the generator starts from another state (N x 2^48 added): give each command its own N, or
 *    the uids two commands make are the same (objects then share uids, and owner references mix them up).
 * Build: gcc -O2 -shared -fPIC -o detrand.so bench/detrand.c -ldl
 * Use:   DETRAND_FREEZE=1 KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z LD_PRELOAD=$PWD/detrand.so kubectl-local ...
 * (a dynamically linked build: `swift build -c release`, not bench/run.sh's static one). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>

static uint64_t state = 0x12345678abcdefULL;

__attribute__((constructor)) static void seed(void) {
    const char *s = getenv("DETRAND_SEED");
    if (s) state += 0x1000000000000ULL * (uint64_t)strtoull(s, NULL, 10);
}

static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

ssize_t getrandom(void *buf, size_t n, unsigned int flags) {
    (void)flags;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v = next();
        memcpy(b + i, &v, n - i < 8 ? n - i : 8);
    }
    return (ssize_t)n;
}

int getentropy(void *buf, size_t n) { getrandom(buf, n, 0); return 0; }

long syscall(long no, ...) {
    va_list ap;
    long a[6];
    va_start(ap, no);
    for (int i = 0; i < 6; i++) a[i] = va_arg(ap, long);
    va_end(ap);
    if (no == SYS_getrandom) return getrandom((void *)a[0], (size_t)a[1], (unsigned)a[2]);
    static long (*real)(long, ...);
    if (!real) real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
    return real(no, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int clock_gettime(clockid_t id, struct timespec *ts) {
    static int (*real)(clockid_t, struct timespec *);
    if (!real) real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    if (id == CLOCK_MONOTONIC && getenv("DETRAND_FREEZE")) { ts->tv_sec = 1000; ts->tv_nsec = 0; return 0; }
    return real(id, ts);
}
