"""kam render --scheduler: a real Dask scheduler and two worker processes on 127.0.0.1.

The cluster is started as `dask scheduler` / `dask worker` subprocesses (with their nannies,
as a firm would run them), on free ports, from another working directory than the tests
(the paths sent must be absolute). Every process is stopped in the fixture's finaliser.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from kamlib.modules import ROOT
from kamlib.render import distributed, render
from kamlib.render.distributed import retry_line
from kamlib.render.task import RenderItem

DEMOS = [ROOT / "client_data" / "demo-maschinenbau", ROOT / "client_data" / "demo-components"]
DASK = str(Path(sys.executable).with_name("dask"))
START_TIMEOUT = 90  # seconds for the scheduler and both workers to come up


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A scheduler and two workers as subprocesses, each in its own process group."""

    def __init__(self, workdir: Path, cache: Path) -> None:
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        env = {**os.environ, "KAM_CACHE_DIR": str(cache), "PYTHONWARNINGS": "ignore"}
        common = {"cwd": workdir, "env": env, "start_new_session": True}
        logs = workdir / "logs"
        logs.mkdir()
        port = self.address.rsplit(":", 1)[1]
        self.scheduler = subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=(logs / "scheduler.log").open("w"),
            **common,
        )
        self.workers = [
            subprocess.Popen(
                [DASK, "worker", self.address, "--nworkers", "1", "--nthreads", "1"]
                + ["--host", "127.0.0.1", "--no-dashboard", "--name", f"w{n}"],
                stdout=subprocess.DEVNULL,
                stderr=(logs / f"worker{n}.log").open("w"),
                **common,
            )
            for n in range(2)
        ]
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)

    def kernels_of(self, proc: subprocess.Popen) -> list[psutil.Process]:
        """The ipykernel processes started below one worker subprocess."""
        try:
            children = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        return [c for c in children if "ipykernel" in " ".join(_cmdline(c))]

    def kill(self, proc: subprocess.Popen) -> None:
        """SIGKILL a worker subprocess with its nanny and kernels (a machine going away)."""
        kernels = self.kernels_of(proc)
        os.killpg(proc.pid, signal.SIGKILL)
        for k in kernels:
            with _quiet():
                k.kill()
        proc.wait(10)

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            for kernel in self.kernels_of(proc):
                with _quiet():
                    kernel.kill()
            with _quiet():
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in [*self.workers, self.scheduler]:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                with _quiet():
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)


def _cmdline(p: psutil.Process) -> list[str]:
    try:
        return p.cmdline()
    except psutil.Error:
        return []


class _quiet:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return exc[0] is not None and issubclass(exc[0], (OSError, psutil.Error))  # type: ignore[arg-type]


@pytest.fixture
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("dask-cwd")
    started = Cluster(workdir, tmp_path_factory.mktemp("dask-cache"))
    try:
        yield started
    finally:
        started.stop()


def _html(out: Path, client: Path, lang: str) -> str:
    """The overview HTML with the render date (the only volatile part) blanked out."""
    text = (out / client.name / lang / "overview.html").read_text(encoding="utf-8")
    return re.sub(r"\d{4}-\d{2}-\d{2}T?[\d:.]*", "<date>", text)


@pytest.mark.e2e
def test_cluster_renders_like_the_local_run_and_reports_a_broken_client(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    broken = tmp_path / "clients" / "broken-client"
    shutil.copytree(DEMOS[0], broken)
    (broken / "sales.csv").unlink()  # found missing on the worker: a data error for this client

    local = render(
        DEMOS, modules=["overview"], formats=("html",), out_dir=tmp_path / "local", jobs=1
    )
    assert local.ok, "\n".join(local.summary_lines("en"))

    # a relative output path: the worker (another working directory) must get it absolute
    monkeypatch.chdir(tmp_path)
    result = render(
        [*DEMOS, broken],
        modules=["overview"],
        formats=("html",),
        out_dir="dist",
        scheduler=cluster.address,
    )
    by_client = {i.client: i for i in result.items}
    summary = "\n".join(result.summary_lines("en"))
    assert set(by_client) == {"demo-maschinenbau", "demo-components", "broken-client"}, summary
    assert by_client["broken-client"].status == "data_error"
    assert "sales" in by_client["broken-client"].message
    assert not result.ok and result.workers == 2
    for demo in DEMOS:
        item = by_client[demo.name]
        assert item.status == "ok", summary
        assert item.worker.startswith("tcp://127.0.0.1:") and item.attempt == 1
        assert _html(tmp_path / "dist", demo, item.lang) == _html(
            tmp_path / "local", demo, item.lang
        )
    assert (tmp_path / "dist" / "index.html").is_file()


@pytest.mark.e2e
def test_a_worker_killed_during_a_task_is_retried_elsewhere(cluster: Cluster, tmp_path: Path):
    outcome: dict[str, object] = {}

    def run() -> None:
        outcome["result"] = render(
            DEMOS,
            modules=["overview"],
            formats=("html",),
            out_dir=tmp_path / "out",
            scheduler=cluster.address,
        )

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and thread.is_alive():
        victim = next((w for w in cluster.workers if cluster.kernels_of(w)), None)
        time.sleep(0.1)
    assert victim is not None, "no worker started a kernel"
    cluster.kill(victim)
    thread.join(300)
    assert not thread.is_alive()

    result = outcome["result"]
    summary = "\n".join(result.summary_lines("en"))
    assert [i.status for i in result.items] == ["ok", "ok"], summary
    (retried,) = [i for i in result.items if i.attempt > 1]
    assert retried.attempt == 2
    assert len(retried.lost_workers) == 1 and retried.lost_workers[0] != retried.worker
    assert retry_line(retried, "en") in summary
    assert f"worker {retried.lost_workers[0]} was lost" in summary


def test_retry_line_names_attempt_and_workers():
    item = RenderItem("acme", "overview", "de", "ok", worker="tcp://10.0.0.2:4000", attempt=2)
    item.lost_workers = ["tcp://10.0.0.1:4000"]
    assert retry_line(item, "en") == (
        "attempt 2: worker tcp://10.0.0.1:4000 was lost during this task;"
        " rendered again on tcp://10.0.0.2:4000"
    )
    assert retry_line(RenderItem("acme", "overview", "de", "ok"), "en") == ""


def test_unreachable_scheduler_is_one_line_per_deliverable(
    tiny_client: Path, notebook_set: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "1s")
    monkeypatch.setenv("KAM_LANG", "en")
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    result = render(
        [tiny_client],
        modules=["overview"],
        formats=("html",),
        out_dir=tmp_path / "out",
        scheduler=address,
        notebook_dir=notebook_set,
    )
    (item,) = result.items
    assert item.status == "failed" and not result.ok
    assert item.message.startswith(f"Cannot reach the Dask scheduler at {address} (")
    assert not (tmp_path / "out" / "tiny-client" / "de" / "overview.html").exists()


def test_attempts_count_every_announced_start():
    """Two starts announced (lost worker A, then B) -> attempt 2, A lost; B's may come late."""
    done = RenderItem("acme", "overview", "de", "ok", worker="tcp://b:1")
    assert distributed._finish(done, ["tcp://a:1", "tcp://b:1"]).attempt == 2
    assert done.lost_workers == ["tcp://a:1"]
    late = RenderItem("acme", "overview", "de", "ok", worker="tcp://b:1")
    assert distributed._finish(late, ["tcp://a:1"]).attempt == 2  # B's announcement not yet in
    assert late.lost_workers == ["tcp://a:1"]
    first = RenderItem("acme", "overview", "de", "ok", worker="tcp://b:1")
    assert distributed._finish(first, []).attempt == 1 and first.lost_workers == []
