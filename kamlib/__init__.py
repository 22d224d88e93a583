"""KAM Workbook Kit: Key Account Management analyses and deliverables.

What a notebook author needs:

- :func:`load_client` — read and validate ``client_data/<client>/``
- ``kamlib.analysis.<module>.analyse(client)`` — the module's result
- :func:`render` — papermill + nbconvert + PDF for clients and modules
"""

from kamlib.data import ClientData, load_client

__version__ = "0.1.0"


def render(*args, **kwargs):  # noqa: D401 - thin lazy wrapper
    """Render deliverables; see :func:`kamlib.render.render`."""
    from kamlib.render import render as _render

    return _render(*args, **kwargs)


__all__ = ["ClientData", "load_client", "render", "__version__"]
