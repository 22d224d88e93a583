"""One render task: one client, one module, one language -> ipynb + HTML + PDF.

:func:`render_task` is what every backend runs (in-process, process pool,
Dask worker). It never raises for a bad client or notebook: the outcome is
a :class:`RenderItem` with a status and a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kamlib.atomic import atomic_write_text, atomic_write_with
from kamlib.config import ClientConfig, ConfigError, load_config
from kamlib.data.tables import table_files
from kamlib.deliverable import DeliverableMeta, build_meta
from kamlib.i18n import t
from kamlib.modules import BASE_TABLES, get_module
from kamlib.render.errors import (
    DataError,
    ModuleSkipped,
    NotebookFailed,
    OutputFailed,
    RenderError,
    first_line,
    notebook_error,
    ui_lang,
)
from kamlib.render.meta import find_header_meta

if TYPE_CHECKING:  # nbformat is imported where a notebook is read or written (slow import)
    import nbformat

FAILED_SUFFIX = ".failed.ipynb"


@dataclass(frozen=True)
class RenderSpec:
    """Everything a worker needs (plain values: picklable for processes and Dask)."""

    client_dir: str  # absolute path
    module: str
    lang: str
    out_dir: str  # absolute path of the reports root
    formats: tuple[str, ...] = ("html", "pdf")
    as_of: str | None = None
    notebook_dir: str | None = None  # default: the kit's notebooks/
    notebook_path: str | None = None  # explicit notebook (tests, custom modules)
    #: the deliverable's metadata as built by the render plan from client.yaml
    #: (read once per plan); None: render_task reads client.yaml itself
    meta: dict | None = None

    @property
    def client_slug(self) -> str:
        return Path(self.client_dir).name

    @property
    def target_dir(self) -> Path:
        return Path(self.out_dir) / self.client_slug / self.lang

    @property
    def notebook(self) -> Path:
        if self.notebook_path:
            return Path(self.notebook_path)
        default = get_module(self.module).notebook  # the registry's naming rule
        return Path(self.notebook_dir) / default.name if self.notebook_dir else default


@dataclass
class RenderItem:
    """Outcome of one task.

    ``status``: ``ok``, ``skipped`` (module inputs missing; a warning),
    ``data_error`` (client data/config invalid), ``failed`` (notebook or
    conversion error) or ``unchanged`` (inputs as at the last render; not run). ``outputs`` maps ``html``/``pdf``/``ipynb`` to paths;
    ``seconds`` is wall time; ``timings`` splits it (execute, html, pdf).
    """

    client: str
    module: str
    lang: str
    status: str
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    message: str = ""
    details: str = ""
    pages: int | None = None
    client_name: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    #: error-severity problems in optional inputs (made without them; exit 1 like kam validate)
    data_errors: int = 0
    #: who rendered it: ``local:<pid>`` or the Dask worker's address ("" when not run)
    worker: str = ""
    #: 1 for the first try; more when a Dask worker died during the task and another took it
    attempt: int = 1
    #: addresses of the workers that died while holding this task (earlier attempts)
    lost_workers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "skipped", "unchanged") and not self.data_errors


def check_inputs(client_dir: Path, module_key: str, client: str) -> None:
    """Raise DataError/ModuleSkipped when the module's required tables are absent.

    Checked before starting a kernel, with the data layer's file rules
    (:func:`kamlib.data.tables.table_files`; two files for one table count as
    present, the loader reports that conflict): a missing optional table is
    a skip with a clear message, not a notebook crash.
    """
    lang = ui_lang()
    module = get_module(module_key)
    found = table_files(Path(client_dir))
    missing = [n for n in module.requires if not found.get(n)]
    if not missing:
        return
    args = dict(client=client, module=module_key, tables=", ".join(missing), client_dir=client_dir)
    if any(n in BASE_TABLES for n in missing):
        raise DataError(t("render.missing_required", lang, **args))
    raise ModuleSkipped(t("render.skipped_missing", lang, **args))


def config_error(client_slug: str, exc: ConfigError) -> DataError:
    """The one-line data error of an invalid client.yaml (other problems in the details)."""
    key, msg = exc.problems[0] if exc.problems else ("", str(exc))
    return DataError(
        t("render.config_error", ui_lang(), client=client_slug, summary=f"{key}: {msg}"),
        "\n".join(f"{k}: {m}" for k, m in exc.problems[1:]),
    )


def plan_meta(config: ClientConfig, client_dir: Path | str, module: str, lang: str) -> dict:
    """Metadata of a deliverable before its notebook runs (a plain dict for the spec)."""
    return build_meta(config, client_dir, module, lang).to_dict()


def _spec_meta(spec: RenderSpec) -> dict:
    """The spec's metadata; read client.yaml only when the plan did not."""
    if spec.meta is not None:
        return spec.meta
    try:
        config = load_config(Path(spec.client_dir) / "client.yaml")
    except ConfigError as exc:
        raise config_error(spec.client_slug, exc) from None
    return plan_meta(config, spec.client_dir, spec.module, spec.lang)


def _write_json_nb(nb: nbformat.NotebookNode, path: Path) -> None:
    import nbformat

    atomic_write_with(path, lambda tmp: nbformat.write(nb, str(tmp)))


def _mark_failed(partial: Path, failed: Path, meta: dict) -> None:
    """Keep the failed run as ``<module>.failed.ipynb`` with ``metadata.kam.status = failed``."""
    if not partial.exists():
        return
    import nbformat

    try:
        nb = nbformat.read(str(partial), as_version=4)
        nb.metadata["kam"] = {**meta, "status": "failed"}
        _write_json_nb(nb, failed)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            partial.replace(failed)
    partial.unlink(missing_ok=True)


def _execute(spec: RenderSpec, fallback: dict) -> nbformat.NotebookNode:
    """Run the module notebook into the hidden partial file; a failure becomes one line."""
    from kamlib.render.execute import execute_notebook, failed_cell_info

    target = spec.target_dir
    partial = target / f".{spec.module}.partial.ipynb"
    failed = target / f"{spec.module}{FAILED_SUFFIX}"
    client_dir = Path(spec.client_dir)
    params = {
        "client_dir": str(client_dir.resolve()),
        "lang": spec.lang,
        "as_of": spec.as_of,
        "workshop": False,
    }
    try:
        return execute_notebook(spec.notebook, partial, params)
    except KeyboardInterrupt:
        partial.unlink(missing_ok=True)  # interrupted: keep nothing half-done
        raise
    except Exception as exc:  # noqa: BLE001 - any kernel/cell failure becomes one line
        cell, ename, evalue = failed_cell_info(exc, partial)
        _mark_failed(partial, failed, fallback)
        raise notebook_error(
            client=spec.client_slug,
            module=spec.module,
            cell=cell,
            ename=ename,
            evalue=evalue,
            executed=str(failed) if failed.exists() else None,
            client_dir=str(client_dir),
        ) from None


def _save_executed(spec: RenderSpec, nb: nbformat.NotebookNode, meta: DeliverableMeta) -> Path:
    """Keep the executed notebook as ``<module>.ipynb``; drop the partial and failed copies."""
    target = spec.target_dir
    final = target / f"{spec.module}.ipynb"
    nb.metadata["kam"] = meta.to_dict()
    _write_json_nb(nb, final)
    (target / f".{spec.module}.partial.ipynb").unlink(missing_ok=True)
    (target / f"{spec.module}{FAILED_SUFFIX}").unlink(missing_ok=True)
    return final


def _write_html(spec: RenderSpec, nb: nbformat.NotebookNode, meta: DeliverableMeta) -> Path:
    """The offline HTML deliverable."""
    from kamlib.render.html import to_html

    footer = " · ".join(filter(None, [meta.consultant_firm, t("common.confidential", spec.lang)]))
    resources = {
        "mode": "html",
        "lang": spec.lang,
        "author": meta.consultant_firm,
        "footer": footer,
    }
    body = to_html(nb, resources, _title(meta))
    path = spec.target_dir / f"{spec.module}.html"
    atomic_write_text(path, body)
    return path


def _write_pdf(
    spec: RenderSpec, nb: nbformat.NotebookNode, meta: DeliverableMeta
) -> tuple[Path, int]:
    """The A4 PDF deliverable; returns its path and page count."""
    from kamlib.render.cover import cover_html, page_css
    from kamlib.render.html import to_html
    from kamlib.render.pdf import html_to_pdf

    resources = {
        "mode": "pdf",
        "lang": spec.lang,
        "author": meta.consultant_firm,
        "cover": cover_html(meta),
        "page_css": page_css(meta),
    }
    body = to_html(nb, resources, _title(meta))
    path = spec.target_dir / f"{spec.module}.pdf"
    base_url = str(Path(spec.client_dir).resolve()) + "/"
    pages = 0

    def write(tmp: Path) -> None:
        nonlocal pages
        pages = html_to_pdf(body, tmp, base_url=base_url)

    atomic_write_with(path, write)
    return path, pages


def _title(meta: DeliverableMeta) -> str:
    return f"{meta.module_title} – {meta.client}"


def _timed(item: RenderItem, step: str, func, *args):  # noqa: ANN001, ANN202 - thin timer
    t0 = time.perf_counter()
    value = func(*args)
    item.timings[step] = time.perf_counter() - t0
    return value


def _write_error(spec: RenderSpec, exc: OSError) -> OutputFailed:
    """One line for an output that could not be written (disk full, no permission ...)."""
    path = exc.filename or spec.target_dir
    return OutputFailed(
        t(
            "safety.out.write_failed",
            ui_lang(),
            client=spec.client_slug,
            module=spec.module,
            path=path,
            reason=exc.strerror or exc,
        )
    )


def _produce(spec: RenderSpec, item: RenderItem) -> None:
    """The steps of one task: config, inputs, notebook, executed copy, HTML, PDF."""
    fallback = _spec_meta(spec)
    item.client_name = fallback["client"]
    check_inputs(Path(spec.client_dir), spec.module, spec.client_slug)
    if not spec.notebook.is_file():
        raise NotebookFailed(
            t("render.notebook_missing", ui_lang(), module=spec.module, path=spec.notebook)
        )
    try:
        spec.target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(spec, exc) from None
    nb = _timed(item, "execute", _execute, spec, fallback)
    meta = DeliverableMeta.from_dict({**fallback, **(find_header_meta(nb) or {})})
    try:
        item.outputs["ipynb"] = str(_save_executed(spec, nb, meta))
        if "html" in spec.formats:
            item.outputs["html"] = str(_timed(item, "html", _write_html, spec, nb, meta))
        if "pdf" in spec.formats:
            path, item.pages = _timed(item, "pdf", _write_pdf, spec, nb, meta)
            item.outputs["pdf"] = str(path)
    except OSError as exc:
        raise _write_error(spec, exc) from None


def render_task(spec: RenderSpec) -> RenderItem:
    """Execute one module notebook for one client and write its deliverables.

    Layout: ``<out>/<client>/<lang>/<module>.ipynb|.html|.pdf``, each written
    atomically. Never raises for expected problems (a full or read-only disk
    included); unexpected ones become ``failed`` with a one-line message (the
    traceback goes into ``details``). Only Ctrl-C (KeyboardInterrupt) passes through.
    """
    start = time.perf_counter()
    item = RenderItem(spec.client_slug, spec.module, spec.lang, "ok", client_name=spec.client_slug)
    item.worker = f"local:{os.getpid()}"
    try:
        _produce(spec, item)
    except RenderError as exc:
        item.status, item.message, item.details = exc.status, exc.message, exc.details
    except Exception as exc:  # noqa: BLE001 - a task must never take the batch down
        item.status = "failed"
        item.message = t(
            "render.failed_other",
            ui_lang(),
            client=spec.client_slug,
            module=spec.module,
            ename=type(exc).__name__,
            evalue=first_line(str(exc)),
        )
        item.details = traceback.format_exc(limit=5)
    item.seconds = time.perf_counter() - start
    return item
