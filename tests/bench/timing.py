"""Small timing helpers for the benchmark scripts (not for tests: tests never assert times)."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def measure(fn: Callable[[], object], *, repeat: int = 20, warmup: int = 2) -> dict[str, float]:
    """Median and worst wall time of fn in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return {"median_ms": statistics.median(times), "max_ms": max(times)}


def once(fn: Callable[[], object]) -> tuple[object, float]:
    t = time.perf_counter()
    out = fn()
    return out, (time.perf_counter() - t) * 1000


def row(label: str, ms: float, target_ms: float | None = None) -> str:
    verdict = "" if target_ms is None else ("  ok" if ms <= target_ms else f"  OVER target {target_ms:g} ms")
    return f"  {label:<58} {ms:10.1f} ms{verdict}"
