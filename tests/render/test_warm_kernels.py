"""Warm kernels: every notebook runs in its own kernel, which was started ahead."""

from __future__ import annotations

import os
import time

import nbformat
import pytest

from kamlib.render import execute, kernels
from tests.render.conftest import NOTEBOOKS, process_alive

#: records the kernel's pid and whether the import cell had already loaded the kit
RECORD = """\
import os, sys
with open({path!r}, "w") as fh:
    fh.write(f"{{os.getpid()}} {{'kamlib.report' in sys.modules}}")
"""


@pytest.fixture
def fresh_pool(monkeypatch):
    """A pool of this test's own (no kernels of earlier tests), closed afterwards."""
    p = kernels.KernelPool()
    monkeypatch.setattr(kernels, "_POOL", p)
    monkeypatch.setattr(kernels, "_POOL_PID", os.getpid())
    yield p
    p.close()


@pytest.mark.e2e
def test_each_notebook_gets_a_fresh_kernel_started_during_the_previous_one(tmp_path, fresh_pool):
    template = nbformat.read(str(NOTEBOOKS / "empty.ipynb"), as_version=4)  # kernel metadata
    records = []
    for n in range(3):
        nb = nbformat.v4.new_notebook(metadata=template.metadata)
        records.append(tmp_path / f"record{n}.txt")
        nb.cells = [nbformat.v4.new_code_cell(RECORD.format(path=str(records[n])))]
        path = tmp_path / f"nb{n}.ipynb"
        nbformat.write(nb, str(path))
        execute.execute_notebook(path, tmp_path / f"out{n}.ipynb", {}, prestart_next=n < 2)

    seen = [r.read_text().split() for r in records]
    pids = [int(pid) for pid, _ in seen]
    assert len(set(pids)) == 3  # three notebooks, three kernels: none reused
    assert all(imported == "True" for _, imported in seen)  # the import cell ran first

    events = fresh_pool.events
    taken = [k for kind, k in events if kind == "take"]
    assert len(taken) == len(set(taken)) == 3  # each kernel handed out once
    for before, kernel in zip(taken, taken[1:], strict=False):
        # the kernel of the next notebook was launched before the previous one was done
        # with its kernel, i.e. while it ran, not when the next task began
        assert events.index(("launch", kernel)) < events.index(("shutdown", before))
    # every kernel handed out is shut down after its notebook; no spare after the last
    assert {k for kind, k in events if kind == "shutdown"} >= set(taken)
    assert {k for kind, k in events if kind == "launch"} == set(taken)
    for _ in range(100):
        if not any(process_alive(pid) for pid in pids):
            break
        time.sleep(0.1)
    assert not any(process_alive(pid) for pid in pids)
