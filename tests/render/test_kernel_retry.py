"""A kernel that dies or fails to start is retried; a failing cell never is."""

from __future__ import annotations

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from kamlib.render import execute


@pytest.fixture
def calls(monkeypatch):
    """Replace papermill's executor with a scripted one; returns the list of calls."""
    script: list = []
    made: list = []

    def fake_execute_notebook(*args, **kwargs):
        made.append(kwargs.get("kernel_name"))
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
