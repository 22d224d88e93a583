"""Run every benchmark module (``python -m benchmarks [name ...]``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main(selected: list[str]) -> None:
    names = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    for name in names:
        if selected and name.removeprefix("bench_") not in selected and name not in selected:
            continue
        print(f"\n== {name} ==", flush=True)
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
