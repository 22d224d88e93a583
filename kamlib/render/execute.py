"""Run a module notebook with papermill, in this process, and keep the result.

The executed notebook is written next to the deliverables
(``<out>/<module>.ipynb``); a failed run is kept as ``<module>.failed.ipynb``
so the last good notebook and deliverables stay untouched.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where a notebook is read (a slow import)
    import nbformat

#: kernel registered by ``make setup`` (the venv's python, under .venv/share/jupyter)
KERNEL_NAME = "python3"
#: a cell running longer than this is stuck (seconds); whole modules take seconds
CELL_TIMEOUT = 600


def _source_cell_number(nb: nbformat.NotebookNode, cell_index: int) -> int:
    """1-based position in the *source* notebook of ``nb.cells[cell_index]``.

    papermill inserts an ``injected-parameters`` cell; it does not exist in the
    notebook the author edits, so cells after it are shifted back by one.
    """
    injected = next(
        (i for i, c in enumerate(nb.cells) if "injected-parameters" in c.metadata.get("tags", [])),
        None,
    )
    shift = 1 if injected is not None and cell_index > injected else 0
    return cell_index - shift + 1


#: a kernel that dies or fails to start is retried: with parallel workers,
#: jupyter_client can hand two kernels the same free port (a known upstream race,
#: jupyter/jupyter_client#154); a failing cell or a cell timeout is never retried
KERNEL_ATTEMPTS = 3
KERNEL_RETRY_PAUSE = 0.5  # seconds, times the attempt number


def is_kernel_failure(exc: BaseException) -> bool:
    """True when the kernel failed (died, did not start), not the notebook's code."""
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    return not isinstance(exc, PapermillExecutionError | CellTimeoutError)


def _with_kernel_retries(run: Callable[[], nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """``run()``, started again when the kernel (not the notebook's code) failed.

    Never started again after an interrupt (Ctrl-C): then the kernel was stopped on purpose.
    """
    for attempt in range(1, KERNEL_ATTEMPTS):
        try:
            return run()
        except Exception as exc:
            if INTERRUPTED.is_set() or not is_kernel_failure(exc):
                raise
            time.sleep(KERNEL_RETRY_PAUSE * attempt)
    return run()  # the last attempt: whatever it raises goes to the caller


# ----------------------------------------------------------------- Ctrl-C: stop the kernels

#: set once the user interrupted (Ctrl-C / SIGTERM): no kernel is started or retried after it
INTERRUPTED = threading.Event()
#: kernel processes started by this process and possibly still running
_KERNELS: set = set()
_KERNELS_LOCK = threading.Lock()


@functools.cache
def tracked_kernel_manager() -> type:
    """``AsyncKernelManager`` that remembers its kernel process, so Ctrl-C can stop it.

    nbclient handles SIGINT itself only in the main thread; the kit runs the
    notebook in a helper thread (see :func:`_run_interruptibly`) and stops the
    kernels it remembers here.
    """
    from jupyter_client.manager import AsyncKernelManager

    class TrackedKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            await super()._async_launch_kernel(kernel_cmd, **kw)
            process = getattr(self.provisioner, "process", None)
            if process is not None:
                with _KERNELS_LOCK:
                    _KERNELS.add(process)

    return TrackedKernelManager


def kill_kernel_process(process: subprocess.Popen) -> None:
    """SIGKILL a kernel and its children at once (no event loop; never blocks)."""
    try:  # the kernel leads its own process group (jupyter_client start_new_session)
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        with contextlib.suppress(OSError):
            process.kill()


def stop_kernels(timeout: float = 5.0) -> int:
    """Kill every kernel this process started that still runs; returns how many were stopped."""
    with _KERNELS_LOCK:
        processes = list(_KERNELS)
        _KERNELS.clear()
    stopped = 0
    for process in processes:
        if process.poll() is not None:
            continue
        kill_kernel_process(process)
        # best effort: a kernel that outlives this also ends when its parent goes
        with contextlib.suppress(Exception):
            process.wait(timeout)
        stopped += 1
    return stopped


def _forget_finished_kernels() -> None:
    with _KERNELS_LOCK:
        for process in [p for p in _KERNELS if p.poll() is not None]:
            _KERNELS.discard(process)


def _run_interruptibly(run: Callable[[], nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """``run()`` in a helper thread so that Ctrl-C reaches this (main) thread at once.

    On KeyboardInterrupt the kernels are stopped, the helper thread gets a few
    seconds to notice, and the interrupt is raised again for the caller.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["nb"] = run()
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="kam-notebook", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    except KeyboardInterrupt:
        INTERRUPTED.set()
        stop_kernels()
        worker.join(10)
        raise
    finally:
        _forget_finished_kernels()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["nb"]


def execute_notebook(
    notebook: Path,
    partial_path: Path,
    parameters: dict[str, Any],
    *,
    cell_timeout: int = CELL_TIMEOUT,
    prestart_next: bool | None = None,
) -> nbformat.NotebookNode:
    """Execute ``notebook`` with ``parameters``; papermill saves it to ``partial_path``.

    The notebook runs in a fresh kernel from this process's pool of warm kernels
    (:mod:`kamlib.render.kernels`), which is shut down afterwards; meanwhile the next
    notebook's kernel starts (``prestart_next``; default: the pool's ``keep_ready``). Returns the executed notebook.
    Raises ``papermill.PapermillExecutionError`` when a cell fails (the notebook with
    the traceback is saved first) and whatever nbclient raises when a cell times out,
    or when the kernel still dies after :data:`KERNEL_ATTEMPTS` starts.
    """
    import papermill

    from kamlib.render.kernels import pool

    partial_path.parent.mkdir(parents=True, exist_ok=True)
    cwd = str(notebook.parent)

    def run() -> nbformat.NotebookNode:
        kernel = pool().take(cwd, prestart_next=prestart_next)
        try:
            return papermill.execute_notebook(
                str(notebook),
                str(partial_path),
                parameters=parameters,
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
                cwd=cwd,
                execution_timeout=cell_timeout,
                km=kernel.km,
            )
        finally:
            pool().shutdown(kernel)  # one kernel, one notebook: never used again

    if INTERRUPTED.is_set():
        raise KeyboardInterrupt
    if threading.current_thread() is threading.main_thread():
        return _run_interruptibly(functools.partial(_with_kernel_retries, run))
    return _with_kernel_retries(run)


def failed_cell_info(exc: Exception, partial_path: Path) -> tuple[int | None, str, str]:
    """``(cell number in the source notebook, exception name, message)`` of a failed run."""
    import nbformat
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        cell: int | None = None
        try:
            nb = nbformat.read(str(partial_path), as_version=4)
            # papermill added two error-marker cells (one at the top, one before
            # the failing cell) after computing cell_index: drop them to count
            nb.cells = [
                c for c in nb.cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])
            ]
            cell = _source_cell_number(nb, exc.cell_index)
        except (OSError, ValueError):
            cell = exc.cell_index + 1
        return cell, exc.ename, exc.evalue
    return None, type(exc).__name__, str(exc)
