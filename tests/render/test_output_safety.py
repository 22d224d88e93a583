"""Issue 9 on the render side: unwritable output, Ctrl-C, as_of pre-check, and exit codes
that agree with ``kam validate``."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

import kamlib.render.task as task_module
from kamlib.cli import app
from kamlib.data.report import run_validate
from kamlib.render import render
from kamlib.render.task import RenderSpec, render_task
from tests.data.fixture_cases import build_case
from tests.render.conftest import NOTEBOOKS, process_alive, write_tiny_client

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(autouse=True)
def english_console(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "en")


def leftovers(folder: Path) -> list[str]:
    """Temp, partial or half-written files below ``folder``."""
    names = [p.name for p in folder.rglob("*") if p.is_file()]
    return [n for n in names if n.endswith(".tmp") or ".part" in n or "partial" in n]


def _empty_notebook(spec, fallback):  # noqa: ANN001 - stands in for the kernel run
    return nbformat.v4.new_notebook()


# ------------------------------------------------------------------ unwritable output


def test_render_into_a_path_below_a_regular_file_fails_cleanly(tmp_path):
    client = write_tiny_client(tmp_path / "acme")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    result = runner.invoke(app, ["render", str(client), "-o", str(blocker / "reports")])
    assert result.exit_code == 1
    assert "Cannot write to the output folder" in result.output
    assert "Traceback" not in result.output
    assert "deliverable(s)" in result.output  # the summary is still printed


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_a_deliverable_that_cannot_be_written_is_one_line_and_leaves_nothing(
    tmp_path, monkeypatch, code
):
    client = write_tiny_client(tmp_path / "acme")
    out = tmp_path / "out"
    (out / "acme" / "de").mkdir(parents=True)
    (out / "acme" / "de" / "overview.html").write_text("previous deliverable")
    monkeypatch.setattr(task_module, "_execute", _empty_notebook)

    real_replace = os.replace

    def replace(src, dst):  # noqa: ANN001 - the disk fills up at the HTML
        if str(dst).endswith(".html"):
            raise OSError(code, os.strerror(code), str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr("kamlib.atomic.os.replace", replace)
    item = render_task(RenderSpec(str(client), "overview", "de", str(out), formats=("html",)))
    assert item.status == "failed"
    assert item.message.startswith("client acme, module overview: could not write")
    assert os.strerror(code) in item.message and "\n" not in item.message
    assert leftovers(out) == []
    assert (out / "acme" / "de" / "overview.html").read_text() == "previous deliverable"


def test_pdf_failure_leaves_no_temp_file(tmp_path, monkeypatch):
    client = write_tiny_client(tmp_path / "acme")
    out = tmp_path / "out"
    monkeypatch.setattr(task_module, "_execute", _empty_notebook)

    def full_disk(html, path, base_url=None):  # noqa: ANN001 - half a PDF, then ENOSPC
        Path(str(path) + ".tmp").write_bytes(b"%PDF-1.7 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr("kamlib.render.pdf.html_to_pdf", full_disk)
    item = render_task(RenderSpec(str(client), "overview", "de", str(out), formats=("pdf",)))
    assert item.status == "failed" and "No space left" in item.message
    assert leftovers(out) == [] and not (out / "acme" / "de" / "overview.pdf").exists()


# ------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_during_render_exits_130_with_one_line_and_no_partial_files(tmp_path, monkeypatch):
    client = write_tiny_client(tmp_path / "acme")
    out = tmp_path / "out"

    def interrupted(spec, fallback):  # noqa: ANN001
        (spec.target_dir / f".{spec.module}.partial.ipynb").write_text("{}")
        raise KeyboardInterrupt

    monkeypatch.setattr(task_module, "_execute", interrupted)
    result = runner.invoke(
        app, ["render", str(client), "-o", str(out), "-m", "overview", "-f", "html", "-j", "1"]
    )
    assert result.exit_code == 130
    assert result.output.count("Interrupted (Ctrl-C)") == 1
    assert "Traceback" not in result.output
    assert leftovers(out) == []


SLEEPER = """
import os, time
open({pid_file!r} + "-" + str(os.getpid()), "w").write("running")
time.sleep(300)
"""

DRIVER = """
import sys
from kamlib.cli import _finish_render
from kamlib.render import render
exit_ = _finish_render(lambda: render([{client!r}], modules=["overview", "portfolio"],
    formats=("html",), out_dir={out!r}, jobs={jobs}, notebook_dir={nbs!r}))
sys.exit(exit_.exit_code)
"""


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.e2e
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigint_stops_the_kernels_and_exits_130(tmp_path, jobs):
    client = write_tiny_client(tmp_path / "acme")
    out, nbs, pids = tmp_path / "out", tmp_path / "nbs", tmp_path / "pids"
    nbs.mkdir()
    pids.mkdir()
    nb = nbformat.read(str(NOTEBOOKS / "empty.ipynb"), as_version=4)  # kernel metadata
    nb.cells = [nb.cells[0], nbformat.v4.new_code_cell(SLEEPER.format(pid_file=str(pids / "k")))]
    for module in ("overview", "portfolio"):
        nbformat.write(nb, str(nbs / f"{module}.ipynb"))
    script = DRIVER.format(client=str(client), out=str(out), jobs=jobs, nbs=str(nbs))
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell job
        # a shell starts a foreground job with Ctrl-C at its default; a child inherits an
        # ignored SIGINT, and whether this test process ignores it depends on the tests
        # run before it in the same worker
        preexec_fn=_default_sigint,
    )
    try:
        for _ in range(600):  # until every expected kernel runs its sleeping cell
            if len(list(pids.iterdir())) >= jobs or proc.poll() is not None:
                break
            time.sleep(0.2)
        assert len(list(pids.iterdir())) >= jobs, proc.communicate()
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:  # the test failed: end everything it started
            os.killpg(proc.pid, signal.SIGKILL)
            for path in pids.iterdir():
                with contextlib.suppress(OSError):
                    os.kill(int(path.name.rsplit("-", 1)[1]), signal.SIGKILL)
    assert proc.returncode == 130, stdout + stderr
    assert "Interrupted (Ctrl-C)" in stdout + stderr
    assert "Traceback" not in stdout + stderr
    kernels = [int(p.name.rsplit("-", 1)[1]) for p in pids.iterdir()]
    for _ in range(100):
        if not any(process_alive(pid) for pid in kernels):
            break
        time.sleep(0.1)
    assert not any(process_alive(pid) for pid in kernels)
    assert leftovers(out) == []
    assert not list(out.rglob("*.html")) or all(p.name == "index.html" for p in out.rglob("*.html"))


# ------------------------------------------------------------------ as_of before a kernel


def test_as_of_outside_the_data_stops_before_any_kernel(tmp_path):
    client = write_tiny_client(tmp_path / "acme")
    out = tmp_path / "out"
    result = render([client], formats=("html",), out_dir=out, as_of="2030-01-31")
    assert {i.status for i in result.items} == {"data_error"}
    msg = result.items[0].message
    # the tiny client sells from 2025-01-15 to 2025-06-30; window Feb 2029 .. 2030-01-31
    assert "as_of 2030-01-31" in msg and "2025-01-15 to 2025-06-30" in msg
    assert "2029-02-01" in msg
    assert not out.exists() or not list(out.rglob("*.html"))


def test_invalid_as_of_is_a_usage_error_before_anything_runs(tmp_path):
    client = write_tiny_client(tmp_path / "acme")
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(client), "-o", str(out), "--as-of", "2025-13-01"])
    assert result.exit_code == 2 and not out.exists()


def test_impossible_as_of_in_client_yaml_is_a_data_error_naming_the_key(tmp_path):
    client = write_tiny_client(tmp_path / "acme")
    text = (client / "client.yaml").read_text() + "as_of: 2025-02-30\n"
    (client / "client.yaml").write_text(text)
    result = render([client], formats=("html",), out_dir=tmp_path / "out")
    assert {i.status for i in result.items} == {"data_error"}
    assert "client.yaml is invalid — as_of:" in result.items[0].message


# ------------------------------------------------------------------ validate and render agree


def _render_exit(client: Path, out: Path, nbs: Path) -> int:
    result = render([client], modules=["overview"], formats=("html",), out_dir=out, jobs=1,
                    notebook_dir=nbs)  # fmt: skip
    return 0 if result.ok else 1


@pytest.fixture
def light_notebooks(tmp_path: Path) -> Path:
    """'overview' as a notebook that only loads the client (a kernel, but no charts)."""
    folder = tmp_path / "nbs"
    folder.mkdir()
    nb = nbformat.read(str(NOTEBOOKS / "broken.ipynb"), as_version=4)
    nb.cells = nb.cells[:2]
    nbformat.write(nb, str(folder / "overview.ipynb"))
    return folder


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("18_unknown_customer", 0),  # warnings only
        ("05_bad_date", 1),  # error in sales: no kernel started
        ("30_account_plan_bad_yaml", 1),  # error in an optional input: made, but exit 1
        ("29_config_negative_weight", 1),  # client.yaml error
    ],
)
def test_validate_and_render_exit_codes_agree(tmp_path, light_notebooks, capsys, case, expected):
    client = build_case(case, tmp_path / "c")
    assert run_validate(client, None) == expected
    assert _render_exit(client, tmp_path / "out", light_notebooks) == expected


def test_error_in_an_optional_input_is_named_in_the_summary(tmp_path, light_notebooks):
    client = build_case("30_account_plan_bad_yaml", tmp_path / "c")
    result = render([client], modules=["overview"], formats=("html",), out_dir=tmp_path / "out",
                    jobs=1, notebook_dir=light_notebooks)  # fmt: skip
    (item,) = result.items
    assert item.status == "ok" and item.data_errors == 1 and not result.ok
    assert item.message.startswith("One data error in account_plans/10001.yaml")
    assert Path(item.outputs["html"]).is_file()


def test_index_page_that_cannot_be_written_leaves_no_temp_and_the_summary_prints(
    tmp_path, monkeypatch
):
    client = write_tiny_client(tmp_path / "acme")
    out = tmp_path / "out"
    monkeypatch.setattr(task_module, "_execute", _empty_notebook)

    def full_disk(client_out, name, lang, firm):  # noqa: ANN001 - like index.py's own write
        (client_out / "index.html.tmp").write_text("<html>half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(client_out / "index.html"))

    monkeypatch.setattr("kamlib.render.batch.write_index", full_disk)
    result = render([client], modules=["overview"], formats=("html",), out_dir=out, jobs=1)
    assert [i.status for i in result.items] == ["ok"] and not result.ok
    assert result.notes == [
        f"Could not write the index page {out / 'acme' / 'index.html'} (No space left on device)"
    ]
    assert leftovers(out) == []
