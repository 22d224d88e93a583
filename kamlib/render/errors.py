"""Why a deliverable was not produced, as small exceptions with one-line messages.

The task function (:mod:`kamlib.render.task`) turns each into a status on the
:class:`~kamlib.render.task.RenderItem`; users never see a traceback.
"""

from __future__ import annotations

import re

from kamlib.i18n import console_lang, t

#: exception names raised by kamlib.load_client for bad client inputs
DATA_ERROR_NAMES = frozenset({"ClientDataError", "ConfigError"})
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def ui_lang() -> str:
    """Language of console messages (:func:`kamlib.i18n.console_lang`, the one rule)."""
    return console_lang()


def first_line(text: str, limit: int = 200) -> str:
    """The first non-empty line of ``text`` without ANSI colours, shortened to ``limit`` chars."""
    lines = [ln.strip() for ln in _ANSI.sub("", text or "").splitlines() if ln.strip()]
    line = lines[0] if lines else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class RenderError(Exception):
    """Base class: ``status`` goes into the item, ``str(exc)`` is the one-line message."""

    status = "failed"

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.message = message
        self.details = details


class ModuleSkipped(RenderError):
    """The module's optional-but-required inputs are missing (a warning, not a failure)."""

    status = "skipped"


class DataError(RenderError):
    """client.yaml or the client's required tables are invalid or missing."""

    status = "data_error"


class OutputFailed(RenderError):
    """An output file could not be written (disk full, no permission, path blocked)."""

    status = "failed"


class NotebookFailed(RenderError):
    """A notebook cell raised; ``executed`` is the saved notebook with the traceback."""

    status = "failed"

    def __init__(self, message: str, details: str = "", executed: str | None = None):
        super().__init__(message, details)
        self.executed = executed


def notebook_error(
    *,
    client: str,
    module: str,
    cell: int | None,
    ename: str,
    evalue: str,
    executed: str | None,
    client_dir: str,
) -> RenderError:
    """Build the one-line error for an exception raised inside a module notebook.

    ``cell`` is the 1-based position of the failing cell in the module notebook
    (``notebooks/<module>.ipynb``), or None if unknown. Data errors raised by
    ``load_client`` become :class:`DataError` with the loader's own message.
    """
    lang = ui_lang()
    details = t("render.details_in", lang, path=executed) if executed else ""
    if ename in DATA_ERROR_NAMES:
        lines = [ln.rstrip() for ln in _ANSI.sub("", evalue or "").splitlines() if ln.strip()]
        summary = lines[0] if lines else ename
        # the loader puts "<folder>: " in front; the client is named already
        summary = summary.split(": ", 1)[1] if summary.startswith(client_dir) else summary
        more = "\n".join(lines[1:11] + [t("render.data_error_hint", lang, client_dir=client_dir)])
        msg = t("render.data_error", lang, client=client, module=module, summary=summary)
        return DataError(msg, "\n".join(filter(None, [more, details])))
    if cell is None:
        msg = t(
            "render.failed_other",
            lang,
            client=client,
            module=module,
            ename=ename,
            evalue=first_line(evalue),
        )
    else:
        msg = t(
            "render.failed_cell",
            lang,
            client=client,
            module=module,
            cell=cell,
            ename=ename,
            evalue=first_line(evalue),
        )
    return NotebookFailed(msg, details, executed)
