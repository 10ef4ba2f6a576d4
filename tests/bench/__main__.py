"""Run the benchmarks: `python3 dev.py bench [NAME...]` (names: library, scans, strip, summary, gui).

Each benchmark is a module tests/bench/bench_NAME.py with a `main(workdir: Path) -> None` that
prints its figures. The large generated library is built once into `.bench/` and reused."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALL = ["library", "scans", "strip", "summary", "gui"]


def main(argv: list[str]) -> int:
    names = argv or ALL
    work = ROOT / ".bench"
    work.mkdir(exist_ok=True)
    for name in names:
        try:
            mod = importlib.import_module(f"tests.bench.bench_{name}")
        except ModuleNotFoundError as exc:
            print(f"== {name}: not available ({exc})")
            continue
        print(f"== {name}", flush=True)
        mod.main(work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
