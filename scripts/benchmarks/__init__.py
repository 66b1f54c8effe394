"""Benchmark helpers: the same text as Material, Pagefind and our index; Chromium runners."""
