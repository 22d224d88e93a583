"""Warm kernels: the next notebook's kernel starts while the current one runs.

Starting a Jupyter kernel and importing pandas, matplotlib and the kit into it takes
seconds and dominated every render. Each render process (the ``kam render`` process
itself, a process-pool worker, a Dask worker) therefore keeps a small pool of kernels
that were started ahead and have already run one import cell (:data:`IMPORT_CELL`:
imports only, no data, no client, no settings).

A kernel is used for exactly one notebook and shut down afterwards; it is never
returned to the pool. Taking a kernel starts its replacement in the background, so
the next render finds one ready. No state passes between deliverables: all a kernel
has seen before its notebook is the import cell.

Kernels are plain ``jupyter_client`` subprocesses (also inside daemonic Dask
workers), tracked like every other kernel of the kit, so Ctrl-C stops spare kernels
too (:func:`kamlib.render.execute.stop_kernels`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from dataclasses import dataclass, field
from typing import Any

#: imports run in a kernel before it is handed to a notebook (nothing client-specific)
IMPORT_CELL = """\
import importlib as _importlib
import matplotlib
import matplotlib.pyplot
import numpy
import pandas
import kamlib
import kamlib.report
from kamlib.modules import MODULES as _MODULES
for _m in _MODULES:
    for _pkg in ("analysis", "charts", "narrative"):
        try:
            _importlib.import_module(f"kamlib.{_pkg}.{_m}")
        except ImportError:
            pass
del _importlib, _MODULES, _m, _pkg
"""
#: kernels kept ready per process (one is enough: a render takes longer than a start)
POOL_SIZE = 1
#: seconds to wait for a kernel's start and its import cell
START_TIMEOUT = 120

#: environment of every kernel: charts go inline (a user's MPLBACKEND=Agg would hide them)
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline"}
#: the kernel's own log (TCP notice, interrupt at shutdown) is noise on a batch console
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]

_ids = itertools.count(1)


@dataclass
class Kernel:
    """One started kernel: its manager, the folder it runs in and when it was launched."""

    km: Any
    cwd: str
    id: int = field(default_factory=lambda: next(_ids))
    ready: threading.Event = field(default_factory=threading.Event)
    #: set once ``start_kernel`` has returned in the start thread (the process exists)
    launched: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    #: set by :meth:`KernelPool.shutdown`; a kernel still starting then stops itself
    cancelled: bool = False


class KernelPool:
    """Kernels started ahead for one process (see the module docstring).

    ``events`` records, in order, ``("launch", id)`` when a kernel is started,
    ``("take", id)`` when a notebook gets it and ``("shutdown", id)``; tests read it to
    prove that a kernel serves one notebook and that renders do not start their own.
    """

    def __init__(self, size: int = POOL_SIZE) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._spare: list[Kernel] = []
        self.events: list[tuple[str, int]] = []
        self.closed = False
        #: start a replacement whenever a kernel is taken (the caller may render again)
        self.keep_ready = True

    # ------------------------------------------------------------------ starting

    def _event(self, kind: str, kernel: Kernel) -> None:
        with self._lock:
            self.events.append((kind, kernel.id))

    def _launch(self, cwd: str) -> Kernel:
        """Start a kernel process now; its import cell runs in a background thread."""
        from kamlib.render.execute import KERNEL_NAME, tracked_kernel_manager

        km = tracked_kernel_manager()(kernel_name=KERNEL_NAME)
        kernel = Kernel(km, cwd)
        self._event("launch", kernel)
        threading.Thread(
            target=self._start, args=(kernel,), name=f"kam-kernel-{kernel.id}", daemon=True
        ).start()
        return kernel

    def _start(self, kernel: Kernel) -> None:
        """Start the kernel and run the import cell (in a helper thread)."""
        from jupyter_core.utils import run_sync

        try:
            env = {**os.environ, **KERNEL_ENV}
            try:
                run_sync(kernel.km.start_kernel)(
                    cwd=kernel.cwd, env=env, extra_arguments=KERNEL_ARGS
                )
            finally:
                kernel.launched.set()
            if kernel.cancelled:  # shut down while it was starting
                _stop(kernel)
                raise RuntimeError("kernel shut down before use")
            client = kernel.km.blocking_client()
            client.start_channels()
            try:
                client.wait_for_ready(timeout=START_TIMEOUT)
                reply = client.execute_interactive(
                    IMPORT_CELL, silent=True, store_history=False, timeout=START_TIMEOUT
                )
                if reply["content"].get("status") != "ok":
                    raise RuntimeError(f"import cell failed: {reply['content'].get('evalue')}")
            finally:
                client.stop_channels()
        except BaseException as exc:  # noqa: BLE001 - reported to whoever takes the kernel
            kernel.error = exc
        finally:
            kernel.ready.set()

    def prestart(self, cwd: str) -> None:
        """Make sure ``size`` kernels for ``cwd`` are starting or ready."""
        from kamlib.render.execute import INTERRUPTED

        with self._lock:
            if self.closed or INTERRUPTED.is_set():
                return
            missing = self.size - sum(1 for k in self._spare if k.cwd == cwd)
        for _ in range(max(0, missing)):
            kernel = self._launch(cwd)
            with self._lock:
                self._spare.append(kernel)

    # ------------------------------------------------------------------ using

    def take(self, cwd: str, prestart_next: bool | None = None) -> Kernel:
        """A started kernel with the kit imported, for one notebook run in ``cwd``.

        Takes a spare kernel (waiting for its import cell if it is still running) or
        starts one now; then starts the replacement unless ``prestart_next`` is False
        (None: :attr:`keep_ready`).
        Spare kernels for another folder are shut down. Raises what the start raised.
        """
        with self._lock:
            mine = next((k for k in self._spare if k.cwd == cwd), None)
            others = [k for k in self._spare if k.cwd != cwd]
            self._spare = [k for k in self._spare if k.cwd == cwd and k is not mine]
        for k in others:
            self.shutdown(k)
        kernel = mine or self._launch(cwd)
        self._event("take", kernel)
        if self.keep_ready if prestart_next is None else prestart_next:
            self.prestart(cwd)
        kernel.ready.wait(START_TIMEOUT + 10)
        if kernel.error is not None or not kernel.ready.is_set():
            self.shutdown(kernel)
            raise kernel.error or TimeoutError("kernel did not start")
        return kernel

    def shutdown(self, kernel: Kernel) -> None:
        """Stop ``kernel`` for good (after its one notebook, or unused); never waits for a start.

        A kernel whose start is still under way is never handed to the kernel manager
        from this thread (its start runs on another thread's event loop, and a second
        loop waiting on the same manager can hang): still launching, it is only marked
        cancelled and its start thread stops it; launched but not ready, its process
        is killed directly.
        """
        kernel.cancelled = True
        if kernel.ready.is_set():
            _stop(kernel)
        elif kernel.launched.is_set():
            _kill(kernel)
        self._event("shutdown", kernel)

    def close(self, final: bool = False) -> None:
        """Shut down every spare kernel (the batch is over); ``final``: none is started again."""
        with self._lock:
            self.closed = self.closed or final
            spare, self._spare = self._spare, []
        for kernel in spare:
            self.shutdown(kernel)

    def _at_exit(self) -> None:
        self.close(final=True)


def _stop(kernel: Kernel) -> None:
    """Stop the kernel process if it runs."""
    from jupyter_core.utils import run_sync

    with contextlib.suppress(Exception):
        if kernel.km.has_kernel:  # shutdown_kernel also removes its connection file
            run_sync(kernel.km.shutdown_kernel)(now=True)


def _kill(kernel: Kernel) -> None:
    """Kill the kernel's process group at once (no event loop; never blocks)."""
    from kamlib.render.execute import kill_kernel_process

    process = getattr(getattr(kernel.km, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        kill_kernel_process(process)


_POOL: KernelPool | None = None
_POOL_PID = 0


def pool() -> KernelPool:
    """This process's pool (a forked worker gets its own, never its parent's kernels)."""
    global _POOL, _POOL_PID
    if _POOL is None or os.getpid() != _POOL_PID:
        _POOL, _POOL_PID = KernelPool(), os.getpid()
        _close_at_exit(_POOL)
    return _POOL


def _close_at_exit(p: KernelPool) -> None:
    """Spare kernels end with the process (atexit; multiprocessing children skip atexit)."""
    import atexit
    import multiprocessing.util

    atexit.register(p._at_exit)
    multiprocessing.util.Finalize(p, p._at_exit, exitpriority=10)
