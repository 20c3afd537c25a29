#!/usr/bin/env python3
"""Shifts the absolute times in kubectl's output back by DELTA seconds (the fake server shifted every
timestamp it served by DELTA so that ages read as at FAKE_NOW). Formats: RFC 3339 (with fraction),
RFC 1123 with zone (describe's "Mon, 02 Jan 2006 15:04:05 -0700") and Go's time.String().
Usage: unshift.py DELTA < in > out"""
import calendar, re, sys, time
d = int(sys.argv[1])
def r3339(m):
    t = calendar.timegm(time.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S")) - d
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + (m.group(2) or "") + m.group(3)
def r1123(m):
    t = calendar.timegm(time.strptime(m.group(1), "%a, %d %b %Y %H:%M:%S")) - d
    return time.strftime("%a, %d %b %Y %H:%M:%S", time.gmtime(t)) + " +0000"
def gostr(m):
    t = calendar.timegm(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")) - d
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t)) + " +0000 UTC"
s = sys.stdin.read()
if d:
    s = re.sub(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z)", r3339, s)
    s = re.sub(r"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d) \+0000", r1123, s)
    s = re.sub(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \+0000 UTC", gostr, s)
sys.stdout.write(s)
