"""Deliverable metadata, shared by the notebook side and the renderer.

The facts every deliverable carries — module title, client, as-of date, data
period, consulting firm, logos, language — are built by one function,
:func:`build_meta`, from the client's configuration:

- in the kernel, :func:`kamlib.report.header` builds them with the dates of
  the loaded data and emits them hidden in the header display
  (:data:`META_MIMETYPE`);
- the renderer builds them once per deliverable from the ``client.yaml`` it
  read once for its render plan (the fallback for notebooks without a header),
  then merges what the notebook emitted, and uses them for the PDF cover, the
  running header/footer and the client index.

This module is light (standard library only, plus the registry for titles):
the renderer imports it without importing the in-kernel display helpers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kamlib.config import ClientConfig

#: mimetype of the hidden deliverable metadata emitted by ``report.header``
META_MIMETYPE = "application/vnd.kam.deliverable+json"
#: file name of an optional client logo in the client folder
CLIENT_LOGO = "logo.png"


@dataclass
class DeliverableMeta:
    """Facts about one deliverable. Dates are ISO strings ``YYYY-MM-DD`` or None."""

    client: str
    client_slug: str
    module: str
    module_title: str
    lang: str
    consultant_firm: str
    as_of: str | None = None
    data_period: list[str] | None = None
    consultant_logo: str | None = None
    client_logo: str | None = None
    client_dir: str | None = None
    created: str = field(default_factory=lambda: dt.date.today().isoformat())
    #: render outcome, filled by the renderer ("ok" or "failed")
    status: str = "ok"
    message: str = ""
    #: per-account modules: the key account's name and id ("" for module deliverables)
    subject: str = ""
    customer_id: str = ""

    @property
    def display_title(self) -> str:
        """The title on cover, header band and index: ``Key-account plan: <account>``."""
        return f"{self.module_title}: {self.subject}" if self.subject else self.module_title

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeliverableMeta:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def build_meta(
    config: ClientConfig,
    client_dir: Path | str,
    module_key: str,
    lang: str,
    as_of: str | None = None,
    data_period: list[str] | None = None,
    subject: str = "",
    customer_id: str = "",
) -> DeliverableMeta:
    """The metadata of one deliverable: ``module_key`` for the client in ``client_dir``.

    ``as_of`` and ``data_period`` (ISO dates) are known only once the data are
    loaded; the renderer's fallback leaves them empty. ``subject``/``customer_id``
    name the key account of a per-account deliverable. Logo paths are absolute,
    or None when the file is absent.
    """
    from kamlib.modules import get_module

    folder = Path(client_dir).resolve()
    consultant = config.consultant
    # not resolved: kamlib.logos resolves and refuses a logo outside the client folder
    logo = folder / consultant.logo if consultant.logo else None
    client_logo = folder / CLIENT_LOGO
    return DeliverableMeta(
        client=config.name,
        client_slug=folder.name,
        module=module_key,
        module_title=get_module(module_key).title[lang],
        lang=lang,
        consultant_firm=consultant.firm,
        as_of=as_of,
        data_period=data_period,
        consultant_logo=str(logo) if logo and logo.is_file() else None,
        client_logo=str(client_logo) if client_logo.is_file() else None,
        client_dir=str(folder),
        subject=subject,
        customer_id=customer_id,
    )


def logo_data_uri(path: Path | str | None, root: Path | str | None = None) -> str | None:
    """A checked logo as a ``data:`` URI (offline HTML), or None.

    ``root`` is the client folder the logo must lie in (default: the logo's own
    folder, which still refuses a symlink pointing elsewhere). The checks
    (content type, size, pixels, SVG allow-list) are those of :mod:`kamlib.logos`.
    """
    if not path:
        return None
    from kamlib.logos import load_logo

    return load_logo(path, root if root is not None else Path(path).parent).uri
