"""``kam`` command line. Thin: every command calls one library function.

Exit codes (DESIGN.md): 0 done (warnings allowed), 1 data error or a failed
deliverable (the others are still produced), 2 usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kamlib.i18n import LANGUAGES
from kamlib.modules import MODULES

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
#: modules with a customer-level export
EXPORTABLE = ("portfolio",)


def _usage_error(message: str) -> typer.Exit:
    typer.secho(f"Error: {message}", err=True, fg="red")
    return typer.Exit(EXIT_USAGE)


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
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786) for large batches")
    ] = None,
) -> None:
    """Render deliverables for one or more clients (HTML and/or PDF)."""
    modules = _split(module) or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        raise _usage_error(f"unknown module {', '.join(unknown)}; available: {', '.join(MODULES)}")
    formats = _split([fmt])
    if not formats or any(f not in ("html", "pdf") for f in formats):
        raise _usage_error("--format takes html, pdf or html,pdf")
    if lang is not None and lang not in LANGUAGES:
        raise _usage_error("--lang takes de or en")
    missing = [str(d) for d in client_dirs if not d.is_dir()]
    if missing:
        raise _usage_error(f"not a folder: {', '.join(missing)}")
    from kamlib.render import render as do_render

    result = do_render(
        client_dirs,
        modules=modules,
        formats=formats,
        out_dir=out,
        lang=lang,
        jobs=jobs,
        as_of=as_of,
        scheduler=scheduler,
        progress=True,
    )
    result.print_summary()
    raise typer.Exit(EXIT_OK if result.ok else EXIT_DATA)


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

    dirs = write_demo_clients(data_dir)
    for d in dirs:
        typer.echo(f"demo client: {d}")
    result = do_render(
        dirs, modules=list(MODULES), formats=_split([fmt]), out_dir=out, jobs=jobs, progress=True
    )
    result.print_summary()
    assert len(dirs) == len(DEMO_CLIENTS)
    raise typer.Exit(EXIT_OK if result.ok else EXIT_DATA)


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
def validate(
    client_dir: Annotated[Path, typer.Argument(help="Client folder to check")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the problem list (.xlsx or .csv)")
    ] = None,
) -> None:
    """Check a client folder and list every problem with file, row, column and a hint."""
    if not client_dir.is_dir():
        raise _usage_error(f"not a folder: {client_dir}")
    from kamlib.data.report import run_validate

    raise typer.Exit(run_validate(client_dir, out))


@app.command()
def export(
    client_dir: Annotated[Path, typer.Argument(help="Client folder")],
    module: Annotated[str, typer.Option("--module", "-m", help="Module to export")] = "portfolio",
    out: Annotated[Path, typer.Option("--out", "-o", help="FILE.xlsx or FILE.csv")] = Path(
        "portfolio.xlsx"
    ),
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="Header labels language for Excel (de/en)")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="Reference date YYYY-MM-DD")] = None,
) -> None:
    """Export a module's customer-level result to Excel or CSV."""
    if module not in EXPORTABLE:
        raise _usage_error(f"--module: export is available for {', '.join(EXPORTABLE)}")
    if lang is not None and lang not in LANGUAGES:
        raise _usage_error("--lang takes de or en")
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise _usage_error("--out must end in .xlsx or .csv")
    if not client_dir.is_dir():
        raise _usage_error(f"not a folder: {client_dir}")
    from kamlib.export import run_export

    raise typer.Exit(run_export(client_dir, module, out, lang=lang, as_of=as_of))


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
