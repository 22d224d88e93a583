"""``kam`` command line. Thin: every command calls one library function.

Exit codes (DESIGN.md): 0 done (warnings allowed), 1 data error or a failed
deliverable (the others are still produced), 2 usage error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from kamlib.cli_checks import (
    UsageError,
    check_file_outside,
    check_table_file,
    export_options,
    render_options,
)
from kamlib.languages import LANGUAGES
from kamlib.modules import MODULES, exportable

if TYPE_CHECKING:
    from kamlib.render.batch import BatchResult

app = typer.Typer(
    name="kam",
    help="KAM Workbook Kit: turn a client's ERP/CRM exports into KAM deliverables.",
    epilog="Exit codes: 0 done (warnings allowed), 1 data error or a failed deliverable "
    "(the others are still produced), 2 usage error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
#: exit code after Ctrl-C (128 + SIGINT), as shells report it
EXIT_INTERRUPTED = 130
T = TypeVar("T")


def _usage_error(message: str) -> typer.Exit:
    typer.secho(f"Error: {message}", err=True, fg="red")
    return typer.Exit(EXIT_USAGE)


def _checked(check: Callable[[], T]) -> T:
    """Run an option check; a :class:`UsageError` becomes exit 2 before any work starts."""
    try:
        return check()
    except UsageError as exc:
        raise _usage_error(str(exc)) from None


def _finish_render(run: Callable[[], BatchResult]) -> typer.Exit:
    """Run a batch, print its summary; exit 0, 1, or 130 after Ctrl-C."""
    from kamlib.render.batch import BatchResult
    from kamlib.render.errors import ui_lang

    try:
        result = run()
    except KeyboardInterrupt:  # before the batch started its tasks
        result = BatchResult(interrupted=True)
        typer.echo(result.interrupted_line(ui_lang()), err=True)
        return typer.Exit(EXIT_INTERRUPTED)
    result.print_summary()
    if result.interrupted:
        return typer.Exit(EXIT_INTERRUPTED)
    return typer.Exit(EXIT_OK if result.ok else EXIT_DATA)


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


@app.command()
def render(
    client_dirs: Annotated[list[Path], typer.Argument(help="Client folder(s), e.g. client_data/*")],
    module: Annotated[
        list[str] | None,
        typer.Option(
            "--module",
            "-m",
            help=f"Module(s), comma-separated: {', '.join(MODULES)}. Default: all.",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="html, pdf or html,pdf")] = "html,pdf",
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="de or en (default: client.yaml language)")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("reports"),
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Parallel worker processes (0 = one per CPU core)")
    ] = 0,
    as_of: Annotated[str | None, typer.Option(help="Reference date YYYY-MM-DD")] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786), or 'local' for a Dask LocalCluster"
            " with --jobs workers"
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Render even deliverables whose inputs are unchanged")
    ] = False,
) -> None:
    """Render deliverables for one or more clients (HTML and/or PDF)."""
    modules = _split(module) or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        raise _usage_error(f"unknown module {', '.join(unknown)}; available: {', '.join(MODULES)}")
    formats, as_of = _checked(lambda: render_options(client_dirs, fmt, lang, out, jobs, as_of))
    missing = [str(d) for d in client_dirs if not d.is_dir()]
    if missing:
        raise _usage_error(f"not a folder: {', '.join(missing)}")
    from kamlib.render import render as do_render

    raise _finish_render(
        lambda: do_render(
            client_dirs,
            modules=modules,
            formats=formats,
            out_dir=out,
            lang=lang,
            jobs=jobs,
            as_of=as_of,
            scheduler=scheduler,
            progress=True,
            force=force,
        )
    )


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("reports"),
    data_dir: Annotated[Path, typer.Option(help="Where the demo clients are written")] = Path(
        "client_data"
    ),
    fmt: Annotated[str, typer.Option("--format", "-f", help="html, pdf or html,pdf")] = "html,pdf",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Parallel worker processes (0 = one per CPU core)")
    ] = 0,
) -> None:
    """Write the demo clients (if missing) and render all their deliverables."""
    from kamlib.demo import DEMO_CLIENTS, write_demo_clients
    from kamlib.render import render as do_render

    planned = [data_dir / key for key in DEMO_CLIENTS]
    formats = _checked(lambda: render_options(planned, fmt, None, out, jobs, None))[0]
    dirs = write_demo_clients(data_dir)
    for d in dirs:
        typer.echo(f"demo client: {d}")
    raise _finish_render(
        lambda: do_render(
            dirs, modules=list(MODULES), formats=formats, out_dir=out, jobs=jobs, progress=True
        )
    )


@app.command()
def new(
    client_dir: Annotated[Path, typer.Argument(help="New client folder to create")],
    name: Annotated[str | None, typer.Option(help="Client name for client.yaml")] = None,
    lang: Annotated[str, typer.Option("--lang", "-l", help="de or en: template language")] = "de",
) -> None:
    """Create a client folder with a commented client.yaml and input templates."""
    if lang not in LANGUAGES:
        raise _usage_error("--lang takes de or en")
    if client_dir.exists() and any(client_dir.iterdir()):
        raise _usage_error(f"{client_dir} exists and is not empty; choose a new folder")
    from kamlib.data.templates import write_client_skeleton

    written = write_client_skeleton(client_dir, name=name or client_dir.name, lang=lang)
    for p in written:
        typer.echo(f"wrote {p}")
    typer.echo(f"Fill in the files, then run: kam validate {client_dir}")


@app.command()
def plan(
    client_dir: Annotated[Path, typer.Argument(help="Client folder")],
    customer_id: Annotated[str, typer.Argument(help="Customer number as in the customer master")],
) -> None:
    """Write account_plans/<id>.yaml pre-filled from the data; never overwrites a plan."""
    if not client_dir.is_dir():
        raise _usage_error(f"not a folder: {client_dir}")
    from kamlib.data.plan_template import run_plan

    raise typer.Exit(run_plan(client_dir, customer_id))


@app.command()
def validate(
    client_dir: Annotated[Path, typer.Argument(help="Client folder to check")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the problem list (.xlsx or .csv)")
    ] = None,
) -> None:
    """Check a client folder and list every problem with file, row, column and a hint."""
    if not client_dir.is_dir():
        raise _usage_error(f"not a folder: {client_dir}")
    if out is not None:
        _checked(lambda: (check_table_file(out), check_file_outside(out, [client_dir])))
    from kamlib.data.report import run_validate

    raise typer.Exit(run_validate(client_dir, out))


@app.command()
def export(
    client_dir: Annotated[Path, typer.Argument(help="Client folder")],
    module: Annotated[
        str,
        typer.Option(
            "--module", "-m", help=f"Module to export (required): {', '.join(exportable())}"
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="FILE.xlsx or FILE.csv (default: MODULE.xlsx)"),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="Header labels language for Excel (de/en)")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="Reference date YYYY-MM-DD")] = None,
) -> None:
    """Export a module's customer-level result to Excel or CSV."""
    if module not in exportable():
        raise _usage_error(f"--module: export is available for {', '.join(exportable())}")
    out = out or Path(f"{module}.xlsx")
    as_of = _checked(lambda: export_options(client_dir, out, lang, as_of))
    if not client_dir.is_dir():
        raise _usage_error(f"not a folder: {client_dir}")
    from kamlib.export import run_export

    raise typer.Exit(run_export(client_dir, module, out, lang=lang, as_of=as_of))


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
