"""Analyses: pure functions, DataFrames and settings in, result dataclasses out.

No file I/O, no printing, no global state. One module per engagement method.
"""
