"""Batch runner: plan (client, module) tasks, run them in parallel, summarise.

Backends, all running the same :func:`kamlib.render.task.render_task`:

- one task or ``jobs=1``: in this process (no pool start-up cost);
- otherwise a ``ProcessPoolExecutor``; each worker imports papermill,
  nbconvert and WeasyPrint once and renders many notebooks in-process;
- ``scheduler="tcp://host:8786"``: a Dask distributed cluster; workers must
  see the same client_data/ and reports/ paths; ``scheduler="local"`` starts
  a Dask LocalCluster with ``jobs`` worker processes (see distributed.py).

A deliverable whose inputs are unchanged since its last render is not run
again (status ``unchanged``; see incremental.py) unless ``force=True``.

One failing task never stops the others; indexes are rebuilt per client, and
``<out>/index.html`` lists every client of the output folder.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kamlib.atomic import atomic_write_text
from kamlib.config import ConfigError, load_config
from kamlib.i18n import t
from kamlib.modules import MODULES, get_module
from kamlib.render import incremental
from kamlib.render.distributed import SchedulerUnavailable, retry_line, run_dask
from kamlib.render.errors import ui_lang
from kamlib.render.execute import INTERRUPTED, stop_kernels
from kamlib.render.index import write_batch_index, write_index
from kamlib.render.kernels import pool as kernel_pool
from kamlib.render.precheck import precheck_client
from kamlib.render.task import RenderItem, RenderSpec, config_error, plan_meta, render_task


@dataclass
class ClientPlan:
    """One client folder: its tasks, or the reason it has none."""

    client_dir: Path
    name: str
    lang: str
    firm: str
    specs: list[RenderSpec] = field(default_factory=list)
    errors: list[RenderItem] = field(default_factory=list)
    #: error-severity problems in optional inputs and the line that says so (pre-check)
    data_errors: int = 0
    data_note: str = ""
    #: deliverables whose inputs are as at their last render (not run again)
    unchanged: list[RenderItem] = field(default_factory=list)
    #: input hash per deliverable (:attr:`RenderSpec.stem`; stored beside its outputs)
    hashes: dict[str, str] = field(default_factory=dict)
    #: per-account modules: the key accounts that get a deliverable
    accounts: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class BatchResult:
    """All items of a batch. ``ok`` is False if any deliverable failed or had a data error."""

    items: list[RenderItem] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)
    #: ``<out>/index.html`` listing every client in the output folder ("" if none)
    batch_index: str = ""
    seconds: float = 0.0
    workers: int = 1
    #: True when the user pressed Ctrl-C (the CLI exits 130)
    interrupted: bool = False
    #: tasks planned (for the interrupt line: how many had finished)
    planned: int = 0
    #: lines about outputs outside any deliverable (index pages) that could not be written
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items) and not self.notes

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    def summary_lines(self, lang: str | None = None) -> list[str]:
        """The summary as text lines: a compact table, errors below their row, totals."""
        lang = lang or ui_lang()
        cols = ["client", "module", "lang", "status", "seconds", "result"]
        head = [t(f"render.col_{c}", lang) for c in cols]
        rows = []
        for i in sorted(self.items, key=lambda i: (i.client, i.module, i.customer_id, i.lang)):
            if i.status in ("ok", "unchanged"):
                outs = [Path(p).name for k, p in i.outputs.items() if k != "ipynb"]
                result = ", ".join(outs) + (f" ({i.pages} p.)" if i.pages else "")
            else:
                result = ""
            rows.append(
                (
                    [
                        i.client,
                        i.label,
                        i.lang,
                        _status_text(i.status, lang),
                        f"{i.seconds:.1f}",
                        result,
                    ],
                    i,
                )
            )
        widths = [max([len(head[c])] + [len(r[0][c]) for r in rows]) for c in range(len(cols) - 1)]

        def fmt(values: Sequence[str]) -> str:
            cells = [
                v.ljust(w) if c != 4 else v.rjust(w)
                for c, (v, w) in enumerate(zip(values, widths, strict=False))
            ]
            return "  ".join(cells + [values[-1]]).rstrip()

        lines = [fmt(head), fmt(["-" * w for w in widths] + ["-" * 8])]
        for values, item in rows:
            lines.append(fmt(values))
            if item.message:
                lines.append(f"    {item.message}")
                lines.extend(f"      {d}" for d in item.details.splitlines()[:12] if d.strip())
            if item.attempt > 1:
                lines.append(f"    {retry_line(item, lang)}")
        unchanged = self.count("unchanged")
        lines.append(
            t(
                "batch.summary_totals" if unchanged else "render.summary_totals",
                lang,
                total=len(self.items),
                ok=self.count("ok"),
                skipped=self.count("skipped"),
                data_error=self.count("data_error"),
                failed=self.count("failed"),
                unchanged=unchanged,
                seconds=f"{self.seconds:.1f}",
                workers=self.workers,
            )
        )
        if self.indexes:
            lines.append(t("render.summary_index", lang, paths=", ".join(self.indexes)))
        if self.batch_index:
            lines.append(t("render.summary_batch_index", lang, path=self.batch_index))
        lines.extend(self.notes)
        if self.interrupted:
            lines.append(self.interrupted_line(lang))
        return lines

    def interrupted_line(self, lang: str | None = None) -> str:
        """The one line saying the batch was interrupted and how far it got."""
        done = sum(1 for i in self.items if i.status == "ok")
        return t("safety.render.interrupted", lang or ui_lang(), done=done, total=self.planned)

    def print_summary(self, file: IO[str] | None = None, lang: str | None = None) -> None:
        """Print :meth:`summary_lines` (to stdout by default)."""
        print("\n".join(self.summary_lines(lang)), file=file or sys.stdout, flush=True)


def plan_client(
    client_dir: Path,
    modules: Sequence[str],
    formats: Sequence[str],
    out_dir: Path,
    lang: str | None,
    as_of: str | None,
    notebook_dir: Path | None,
    force: bool = False,
) -> ClientPlan:
    """Read client.yaml once (language default, name, metadata); one spec per deliverable.

    A module gives one spec; a per-account module gives its cover plus one spec
    per flagged key account (the ids come from the data pre-check, or from the
    cover's stamp when the client is unchanged). Deliverables whose input hash
    matches the stamp of their last render become ``unchanged`` items (not
    ``force``); when every one is unchanged the data pre-check is skipped too
    (its outcome is stored in the stamp).
    """
    client_dir = client_dir.resolve()
    try:
        config = load_config(client_dir / "client.yaml")
    except ConfigError as exc:
        err = config_error(client_dir.name, exc)
        plan = ClientPlan(client_dir, client_dir.name, lang or "?", "")
        plan.errors = [
            RenderItem(
                client_dir.name,
                m,
                lang or "?",
                "data_error",
                message=err.message,
                details=err.details,
            )
            for m in modules
        ]
        return plan
    use_lang = lang or config.language
    plan = ClientPlan(client_dir, config.name, use_lang, config.consultant.firm)
    metas = {m: plan_meta(config, client_dir, m, use_lang) for m in modules}

    def spec_for(module: str, customer_id: str = "") -> RenderSpec:
        return RenderSpec(
            client_dir=str(client_dir),
            module=module,
            lang=use_lang,
            out_dir=str(out_dir.resolve()),
            formats=tuple(formats),
            as_of=as_of,
            notebook_dir=str(notebook_dir.resolve()) if notebook_dir else None,
            meta=metas[module],
            customer_id=customer_id,
        )

    digest = incremental.client_digest(client_dir)
    specs: dict[str, RenderSpec] = {}
    stamps: dict[str, dict] = {}

    def add(new: list[RenderSpec]) -> None:
        for spec in new:
            specs[spec.stem] = spec
            plan.hashes[spec.stem] = incremental.input_hash(spec, digest)
        if not force:
            stamps.update(_current_stamps({s.stem: s for s in new}, plan.hashes))

    add([spec_for(m) for m in modules])
    per_account = [m for m in modules if get_module(m).per_account]
    for m in per_account:  # an unchanged cover knows the key accounts it listed
        if m in stamps and isinstance(stamps[m].get("accounts"), list):
            plan.accounts[m] = [str(c) for c in stamps[m]["accounts"]]
            add([spec_for(m, c) for c in plan.accounts[m]])
    if len(stamps) == len(specs) and len(plan.accounts) == len(per_account):
        plan.unchanged = [_unchanged_item(specs[k], stamp) for k, stamp in stamps.items()]
        return plan  # nothing changed: no need to read the data again
    check = precheck_client(client_dir, config, list(modules), as_of)
    for m in per_account:
        if m not in plan.accounts:
            plan.accounts[m] = list(check.key_accounts)
            add([spec_for(m, c) for c in plan.accounts[m]])
    plan.data_errors, plan.data_note = check.errors, check.note
    plan.errors = [
        RenderItem(client_dir.name, m, use_lang, "data_error", message=e.message, details=e.details)
        for m, e in check.blocking.items()
    ]
    plan.unchanged = [
        _unchanged_item(specs[k], stamp)
        for k, stamp in stamps.items()
        if specs[k].module not in check.blocking
    ]
    plan.specs = [s for k, s in specs.items() if s.module not in check.blocking and k not in stamps]
    return plan


def _current_stamps(specs: dict[str, RenderSpec], hashes: dict[str, str]) -> dict[str, dict]:
    """The stored stamps of the modules whose deliverables are current."""
    out = {}
    for module, spec in specs.items():
        stamp = incremental.unchanged(spec, hashes[module])
        if stamp is not None:
            out[module] = stamp
    return out


def _unchanged_item(spec: RenderSpec, stamp: dict) -> RenderItem:
    """The summary row of a deliverable that is not rendered again (its last render's result)."""
    folder = spec.path("").parent
    outputs = {k: str(folder / Path(v).name) for k, v in stamp.get("outputs", {}).items()}
    return RenderItem(
        spec.client_slug,
        spec.module,
        spec.lang,
        "unchanged",
        customer_id=spec.customer_id,
        outputs=outputs,
        pages=stamp.get("pages"),
        client_name=str(stamp.get("client_name", "")),
        data_errors=int(stamp.get("data_errors", 0) or 0),
        message=str(stamp.get("message", "")),
    )


def _status_text(status: str, lang: str) -> str:
    if status == "unchanged":
        return t("batch.status_unchanged", lang)
    return t(f"render.status_{status}", lang)


#: in a pool worker: True while a task runs (SIGTERM then stops its kernel first)
_BUSY = False


def _worker_stop(signum: int, frame: object) -> None:
    """SIGTERM in a pool worker: interrupt the running task (its kernel is stopped), or exit."""
    if _BUSY:
        raise KeyboardInterrupt
    stop_kernels()  # the spare kernel started for the next task
    os._exit(130)


def warm_up(kernel_cwd: str | None = None) -> None:
    """Worker initialiser: start the first kernel, import the heavy libraries once.

    Ctrl-C is handled by the parent alone (workers ignore SIGINT); the parent
    stops busy workers with SIGTERM, which ends their kernels cleanly.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    if kernel_cwd:  # the kernel boots and imports the kit while this process imports
        kernel_pool().prestart(kernel_cwd)
    import papermill  # noqa: F401
    import weasyprint  # noqa: F401

    from kamlib.render.html import exporter

    exporter()


def _pool_task(spec: RenderSpec) -> RenderItem:
    """:func:`render_task` in a pool worker, marked busy for :func:`_worker_stop`."""
    global _BUSY
    _BUSY = True
    try:
        return render_task(spec)
    finally:
        _BUSY = False


def _stop_pool(pool: ProcessPoolExecutor, futures: Iterable) -> None:
    """After Ctrl-C: cancel the waiting tasks and ask every worker of ``pool`` to stop.

    A busy worker stops its kernel and returns; an idle one exits. The caller's
    ``shutdown(wait=True)`` then waits for them.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for fut in futures:
        fut.cancel()
    for process in processes:
        if process.is_alive() and process.pid:
            with contextlib.suppress(OSError):
                os.kill(process.pid, signal.SIGTERM)


def _run_local(specs: list[RenderSpec], jobs: int, on_done: Callable[[RenderItem], None]) -> None:
    if jobs <= 1:
        kernels = kernel_pool()
        try:
            for n, spec in enumerate(specs, start=1):
                kernels.keep_ready = n < len(specs)  # no spare kernel after the last one
                on_done(render_task(spec))
        finally:
            kernels.keep_ready = True
            kernels.close()
        return
    import multiprocessing as mp

    # fork is cheapest on Linux (the parent has started no kernels or threads);
    # elsewhere spawn, the platform default
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=warm_up,
        initargs=(str(specs[0].notebook.parent) if specs else None,),
    )
    futures: dict = {}
    try:
        futures = {pool.submit(_pool_task, spec): spec for spec in specs}
        for fut in as_completed(futures):
            on_done(_result_or_lost(fut, futures[fut]))
    except KeyboardInterrupt:
        _stop_pool(pool, futures)
        raise
    finally:
        with contextlib.suppress(Exception):
            pool.shutdown(wait=True, cancel_futures=True)


def _result_or_lost(fut, spec: RenderSpec) -> RenderItem:  # noqa: ANN001 - any future type
    """The task's item, or a failed item when the worker itself died."""
    try:
        return fut.result()
    except Exception as exc:  # noqa: BLE001 - a dead worker must not end the batch
        return _lost_item(spec, exc)


def _lost_item(spec: RenderSpec, exc: BaseException) -> RenderItem:
    """A failed item for a task whose worker died (every attempt, on a cluster)."""
    return RenderItem(
        spec.client_slug,
        spec.module,
        spec.lang,
        "failed",
        customer_id=spec.customer_id,
        message=t(
            "render.worker_lost",
            ui_lang(),
            client=spec.client_slug,
            module=spec.label,
            error=f"{type(exc).__name__}: {exc}",
        ),
    )


def render(
    client_dirs: Path | str | Iterable[Path | str],
    modules: Sequence[str] | None = None,
    formats: Sequence[str] = ("html", "pdf"),
    out_dir: Path | str = "reports",
    lang: str | None = None,
    jobs: int = 0,
    as_of: str | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    notebook_dir: Path | str | None = None,
    force: bool = False,
) -> BatchResult:
    """Render ``modules`` (default: all) for every client folder.

    Writes ``<out_dir>/<client>/<lang>/<module>.{ipynb,html,pdf}`` and
    ``<out_dir>/<client>/index.html``. ``lang`` defaults to each client's
    ``language``; ``jobs=0`` uses min(CPU count, number of tasks) processes;
    ``scheduler`` sends the tasks to a Dask cluster instead (``"local"``: a
    LocalCluster with ``jobs`` workers). Deliverables whose inputs are
    unchanged since their last render are skipped unless ``force``. Returns a
    :class:`BatchResult`; never raises for a bad client or notebook.
    """
    started = time.perf_counter()
    INTERRUPTED.clear()  # a new batch: an earlier Ctrl-C in this process is over
    if isinstance(client_dirs, str | Path):
        client_dirs = [client_dirs]
    client_dirs = list(client_dirs)
    modules = list(modules or MODULES)
    out = Path(out_dir)
    nb_dir = Path(notebook_dir) if notebook_dir else None
    in_process = not scheduler and (jobs == 1 or len(client_dirs) * len(modules) <= 1)
    if in_process:
        # rendered in this process: its first kernel boots while the data is checked
        with contextlib.suppress(KeyError):  # an unknown module is reported by the plan
            kernel_pool().prestart(str(nb_dir.resolve() if nb_dir else notebooks_dir(modules[0])))
    try:
        return _render(client_dirs, modules, formats, out, lang, jobs, as_of, scheduler,
                       progress, nb_dir, force, started)  # fmt: skip
    finally:
        if in_process:  # no spare kernel outlives the batch
            kernel_pool().close()


def _render(
    client_dirs: list[Path | str],
    modules: list[str],
    formats: Sequence[str],
    out: Path,
    lang: str | None,
    jobs: int,
    as_of: str | None,
    scheduler: str | None,
    progress: bool,
    nb_dir: Path | None,
    force: bool,
    started: float,
) -> BatchResult:
    """:func:`render` after the options are settled."""
    plans = [
        plan_client(Path(d), modules, formats, out, lang, as_of, nb_dir, force) for d in client_dirs
    ]
    result = BatchResult()
    for plan in plans:
        result.items.extend(plan.errors)
        result.items.extend(plan.unchanged)
    specs = [s for p in plans for s in p.specs]
    result.planned = len(result.items) + len(specs)
    unwritable = output_folder_problem(out) if specs else None
    if unwritable:
        result.items.extend(_not_written(spec, unwritable) for spec in specs)
        result.seconds = time.perf_counter() - started
        return result
    remaining = {p.client_dir.name: len(p.specs) for p in plans}
    by_slug = {p.client_dir.name: p for p in plans}

    def client_index(p: ClientPlan) -> None:
        idx = _write_safely(result, out / p.client_dir.name / "index.html", write_index,
                            out / p.client_dir.name, p.name, p.lang, p.firm)  # fmt: skip
        if idx:
            result.indexes.append(str(idx))

    for p in plans:  # nothing to run: the index still lists everything on disk
        if p.unchanged and not p.specs:
            client_index(p)

    bar = None
    if progress and specs:
        from tqdm import tqdm

        bar = tqdm(
            total=len(specs), desc=t("render.progress", ui_lang()), unit="doc", file=sys.stderr
        )

    def on_done(item: RenderItem) -> None:
        p = by_slug[item.client]
        if p.data_errors and item.status == "ok":  # made without a broken optional input
            item.data_errors, item.message = p.data_errors, p.data_note
        result.items.append(item)
        spec = RenderSpec(
            str(p.client_dir),
            item.module,
            item.lang,
            str(out.resolve()),
            customer_id=item.customer_id,
        )
        if item.status == "ok" and spec.stem in p.hashes:
            record = {
                "client_name": item.client_name,
                "outputs": {k: Path(v).name for k, v in item.outputs.items()},
                "pages": item.pages,
                "data_errors": item.data_errors,
                "message": item.message if item.data_errors else "",
            }
            if item.module in p.accounts and not item.customer_id:  # the cover
                record["accounts"] = p.accounts[item.module]
            incremental.write_stamp(spec, p.hashes[spec.stem], record)
        else:
            incremental.forget(spec)
        if bar is not None:
            bar.set_postfix_str(f"{item.client}/{item.label}: {item.status}", refresh=False)
            bar.update(1)
        remaining[item.client] -= 1
        if remaining[item.client] == 0:  # client complete: its index is current now
            client_index(p)

    try:
        workers = jobs if jobs > 0 else min(os.cpu_count() or 1, len(specs))
        workers = max(1, min(workers, len(specs) or 1))
        if scheduler and specs:
            try:
                result.workers = run_dask(specs, scheduler, workers, on_done, _lost_item)
            except SchedulerUnavailable as exc:  # nothing was sent: every task fails alike
                for spec in specs:
                    on_done(_not_written(spec, str(exc)))
        elif specs:
            result.workers = workers
            _run_local(specs, result.workers, on_done)
    except KeyboardInterrupt:
        result.interrupted = True
        _remove_partials(specs)
    finally:
        if bar is not None:
            bar.close()
    if result.indexes and not result.interrupted:  # the page over all clients of this folder
        idx = _write_safely(result, out / "index.html", write_batch_index, out, ui_lang())
        result.batch_index = str(idx) if idx else ""
    result.seconds = time.perf_counter() - started
    return result


def notebooks_dir(module: str) -> str:
    """The folder the kit's notebook of ``module`` lies in (the kernels' working folder)."""
    from kamlib.modules import get_module

    return str(get_module(module).notebook.parent.resolve())


def output_folder_problem(out: Path) -> str | None:
    """``None`` when ``out`` can be created and written, else the reason (checked up front)."""
    probe = out / f".kam-write-check-{os.getpid()}"
    try:
        out.mkdir(parents=True, exist_ok=True)
        atomic_write_text(probe, "")
        probe.unlink()
    except OSError as exc:
        return t("safety.out.unwritable", ui_lang(), path=out, reason=exc.strerror or exc)
    return None


def _not_written(spec: RenderSpec, message: str) -> RenderItem:
    return RenderItem(
        spec.client_slug,
        spec.module,
        spec.lang,
        "failed",
        message=message,
        customer_id=spec.customer_id,
    )


def _write_safely(result: BatchResult, path: Path, write: Callable, *args) -> Path | None:  # noqa: ANN002
    """``write(*args)`` for an index page; a failure becomes a note (the summary still prints)."""
    try:
        return write(*args)
    except OSError as exc:
        for leftover in path.parent.glob(f"{path.name}*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        result.notes.append(
            t("safety.out.index_failed", ui_lang(), path=path, reason=exc.strerror or exc)
        )
        return None


def _remove_partials(specs: list[RenderSpec]) -> None:
    """After Ctrl-C: remove the hidden working files of interrupted tasks."""
    for spec in specs:
        target = spec.path("").parent
        if not target.is_dir():
            continue
        name = spec.path("").name
        for pattern in (f".{name}.partial.ipynb", f".{name}.*.part.*", "*.tmp"):
            for leftover in target.glob(pattern):
                with contextlib.suppress(OSError):
                    leftover.unlink()
