#!/usr/bin/env python3
"""Runs a command several times and prints the median wall time, the median CPU time (user + system)
and the median peak RSS of the process (from wait4's rusage, so each run's own), as one JSON object.
On a shared machine the CPU time is the steadier figure: wall time includes waiting for a core.

  measure.py [--runs N] [--warmup N] [--setup CMD] [--out FILE] -- COMMAND ARGS...

`{i}` in the arguments (and in --setup) becomes the run number, so mutating commands can use fresh
names; --setup runs (through the shell, untimed) before each run. Standard output of the command goes
to --out (default /dev/null), so its size gives a throughput (per second of wall time and of CPU time).
"""
import json, os, statistics, subprocess, sys, time

args = sys.argv[1:]
runs, warmup, setup, out = 5, 1, None, "/dev/null"
while args and args[0] != "--":
    flag, value = args[0], args[1]
    args = args[2:]
    if flag == "--runs": runs = int(value)
    elif flag == "--warmup": warmup = int(value)
    elif flag == "--setup": setup = value
    elif flag == "--out": out = value
command = args[1:]

times, peaks, sizes, cpus = [], [], [], []
for i in range(warmup + runs):
    argv = [a.replace("{i}", str(i)) for a in command]
    if setup:
        subprocess.run(setup.replace("{i}", str(i)), shell=True, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out, "wb") as sink, open(os.devnull, "wb") as errsink:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, sink.fileno(), 1),
                                            (os.POSIX_SPAWN_DUP2, errsink.fileno(), 2)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    if i >= warmup:
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024.0)
        cpus.append(usage.ru_utime + usage.ru_stime)
        sizes.append(os.path.getsize(out) if out != "/dev/null" else 0)

median = statistics.median(times)
cpu = statistics.median(cpus)
print(json.dumps({"ms": median * 1000, "cpu_ms": cpu * 1000, "rss_mb": statistics.median(peaks),
                  "bytes": statistics.median(sizes), "mb_per_s": statistics.median(sizes) / median / 1e6 if median else 0,
                  "mb_per_cpu_s": statistics.median(sizes) / cpu / 1e6 if cpu else 0,
                  "status": os.waitstatus_to_exitcode(status)}))
