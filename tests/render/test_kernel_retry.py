"""A kernel that dies or fails to start is retried; a failing cell never is."""

from __future__ import annotations

from types import SimpleNamespace

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from kamlib.render import execute, kernels


class FakePool:
    """Stands in for the warm-kernel pool: numbered kernels, records take and shutdown."""

    def __init__(self):
        self.taken: list[str] = []
        self.shut: list[str] = []

    def take(self, cwd, prestart_next=True):
        kernel = SimpleNamespace(km=f"km{len(self.taken) + 1}")
        self.taken.append(kernel.km)
        return kernel

    def shutdown(self, kernel):
        self.shut.append(kernel.km)


@pytest.fixture
def fake_pool(monkeypatch):
    fake = FakePool()
    monkeypatch.setattr(kernels, "pool", lambda: fake)
    return fake


@pytest.fixture
def calls(monkeypatch, fake_pool):
    """Replace papermill's executor with a scripted one; returns the list of calls."""
    script: list = []
    made: list = []

    def fake_execute_notebook(*args, **kwargs):
        made.append(kwargs.get("km"))
        outcome = script.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    monkeypatch.setattr(papermill, "execute_notebook", fake_execute_notebook)
    monkeypatch.setattr(execute, "KERNEL_RETRY_PAUSE", 0.0)
    return script, made


def test_kernel_that_died_at_start_is_retried(calls, tmp_path):
    script, made = calls
    done = nbformat.v4.new_notebook()
    script += [RuntimeError("Kernel died before replying to kernel_info"), done]
    nb = execute.execute_notebook(tmp_path / "in.ipynb", tmp_path / "out.ipynb", {})
    assert nb is done
    assert len(made) == 2


def test_failing_cell_is_not_retried(calls, tmp_path):
    script, made = calls
    script += [PapermillExecutionError(3, 4, "source", "ZeroDivisionError", "division by zero", [])]
    with pytest.raises(PapermillExecutionError):
        execute.execute_notebook(tmp_path / "in.ipynb", tmp_path / "out.ipynb", {})
    assert len(made) == 1


def test_kernel_failures_give_up_after_the_last_attempt(calls, tmp_path):
    script, made = calls
    script += [RuntimeError("Kernel died")] * execute.KERNEL_ATTEMPTS
    with pytest.raises(RuntimeError, match="Kernel died"):
        execute.execute_notebook(tmp_path / "in.ipynb", tmp_path / "out.ipynb", {})
    assert len(made) == execute.KERNEL_ATTEMPTS == 3


def test_every_attempt_runs_in_its_own_kernel_which_is_shut_down(calls, fake_pool, tmp_path):
    script, made = calls
    script += [RuntimeError("Kernel died"), nbformat.v4.new_notebook()]
    execute.execute_notebook(tmp_path / "in.ipynb", tmp_path / "out.ipynb", {})
    # attempt 1 got km1 (died), attempt 2 a new km2; neither is used again
    assert made == ["km1", "km2"]
    assert fake_pool.shut == ["km1", "km2"]
