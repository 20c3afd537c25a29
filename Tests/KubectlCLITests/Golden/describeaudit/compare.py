#!/usr/bin/env python3
"""Runs kubectl-local on every case of cases.txt as DescribeAuditGoldenTests does and counts the lines that differ
from golden/: describeodd's comparer on this folder. Usage: compare.py [-v] [NAME...]"""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "../describeodd"))
from compare import compare
compare(here, ("manifests",), {"limits", "ns"})  # Go-map-ordered cases compared as sorted lines
