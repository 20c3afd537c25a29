#!/usr/bin/env python3
# normuid.py DIR (bench/samelib.sh with NORMUID=1): rewrites every file of DIR in place, each v4-shaped uid replaced by U<n>, n counting the
# distinct uids in order of first appearance across the files (sorted by name, numerically).
import os, re, sys
d = sys.argv[1]
pat = re.compile(rb'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')
seen = {}
def key(f):
    b = f.split('.')[0]
    return (int(b) if b.isdigit() else 10**9, f)
for f in sorted(os.listdir(d), key=key):
    p = os.path.join(d, f)
    if not os.path.isfile(p): continue
    data = open(p, 'rb').read()
    def sub(m):
        u = m.group(0)
        if u not in seen: seen[u] = b'U%d' % len(seen)
        return seen[u]
    open(p, 'wb').write(pat.sub(sub, data))
