"""Render tasks on a Dask distributed cluster (``kam render --scheduler``).

``--scheduler tcp://host:8786`` sends every (client, module, language) task
to the workers of a running cluster; ``--scheduler local`` starts a
``LocalCluster`` with ``--jobs`` worker processes on this machine. Each
task runs :func:`kamlib.render.task.render_task` on a worker, exactly as the
process pool does; the worker writes the deliverables into the output folder
(which it must see under the same absolute path) and sends the
:class:`RenderItem` back through the scheduler.

Worker processes may be daemonic (a nanny's child): the kernels are started
by jupyter_client as plain subprocesses, never by multiprocessing, so that
works. A worker that dies during a task loses it; the scheduler gives the
task to another worker (up to ``distributed.scheduler.allowed-failures``
times). Every task announces its start on a Dask event topic, so the
submitting side counts attempts and knows which workers were lost.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable

from kamlib.i18n import t
from kamlib.render.errors import first_line, ui_lang
from kamlib.render.task import RenderItem, RenderSpec, render_task

#: the Dask event topic on which every task announces its start
START_TOPIC = "kam-render-start"
LOCAL = "local"


#: how long to try reaching a remote scheduler before giving up
CONNECT_TIMEOUT = "30s"


class SchedulerUnavailable(RuntimeError):
    """No cluster to send the tasks to (Dask not importable, scheduler not reachable)."""


def worker_task(spec: RenderSpec, task_id: str) -> RenderItem:
    """What a Dask worker runs: announce the start, render, stamp the worker's address."""
    from distributed import get_worker

    address = ""
    with contextlib.suppress(ValueError):  # outside a worker (tests call it directly)
        worker = get_worker()
        address = worker.address
        worker.log_event(START_TOPIC, {"task": task_id, "worker": address})
    item = render_task(spec)
    item.worker = address
    return item


class _Starts:
    """Start events per task id, collected on the submitting side."""

    def __init__(self) -> None:
        self.workers: dict[str, list[str]] = defaultdict(list)

    def __call__(self, event: tuple) -> None:
        _, msg = event
        if isinstance(msg, dict) and "task" in msg:
            self.workers[msg["task"]].append(str(msg.get("worker", "")))


def _finish(item: RenderItem, starts: list[str]) -> RenderItem:
    """Attach attempt number and lost workers (earlier attempts) to the item.

    ``starts`` lists the workers that announced a start of this task, in order; the
    announcement of the last attempt may still be on its way, so the worker that
    returned the item counts as the last start.
    """
    starts = list(starts)
    if item.worker and (not starts or starts[-1] != item.worker):
        starts.append(item.worker)
    item.attempt = max(1, len(starts))
    item.lost_workers = starts[:-1]
    return item


def run_dask(
    specs: list[RenderSpec],
    scheduler: str,
    jobs: int,
    on_done: Callable[[RenderItem], None],
    lost: Callable[[RenderSpec, BaseException], RenderItem],
) -> int:
    """Run ``specs`` on the cluster at ``scheduler`` (or a local one); returns the worker count.

    ``on_done`` gets each item as it finishes (progress bar, index pages);
    ``lost(spec, exc)`` turns a task the cluster gave up on (every attempt's
    worker died) into a failed item.
    """
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise SchedulerUnavailable(t("render.dask_missing", ui_lang())) from None

    with contextlib.ExitStack() as stack:
        if scheduler == LOCAL:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=max(1, jobs),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError, ValueError) as exc:
                reason = first_line(str(exc)) or type(exc).__name__
                raise SchedulerUnavailable(
                    t("batch.scheduler_unreachable", ui_lang(), address=scheduler, reason=reason)
                ) from None
        starts = _Starts()
        client.subscribe_topic(START_TOPIC, starts)
        batch = uuid.uuid4().hex[:8]
        futures = {}
        for n, spec in enumerate(specs):
            task_id = f"{batch}-{n}"
            fut = client.submit(worker_task, spec, task_id, pure=False, key=f"kam-{task_id}")
            futures[fut] = (spec, task_id)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        try:
            for fut in dask_completed(list(futures)):
                spec, task_id = futures[fut]
                try:
                    item = fut.result()
                except Exception as exc:  # noqa: BLE001 - the cluster gave up on the task
                    item = lost(spec, exc)
                on_done(_finish(item, starts.workers.get(task_id, [])))
        except KeyboardInterrupt:
            client.cancel(list(futures))
            raise
        finally:
            with contextlib.suppress(Exception):
                client.unsubscribe_topic(START_TOPIC)
        return workers


def retry_line(item: RenderItem, lang: str) -> str:
    """The summary line of a task that needed more than one attempt ("" otherwise)."""
    if item.attempt <= 1:
        return ""
    return t(
        "batch.retried",
        lang,
        attempt=item.attempt,
        lost=", ".join(item.lost_workers) or "?",
        worker=item.worker or "?",
    )
