"""Markup built by the kit itself: one autoescaping Jinja environment and CSS strings.

Every piece of HTML that carries client data outside the notebook outputs
(PDF cover, running header/footer, report header band, index pages) is
rendered from ``templates/kam/parts/`` with autoescaping on, so a client
string can never become markup. Strings that go into CSS (``content: "…"``)
pass through :func:`css_string`, which hex-escapes every character that is
not an ASCII letter or digit, so no value can close the string or the block.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from markupsafe import Markup

from kamlib.modules import TEMPLATE_DIR

PARTS_DIR = TEMPLATE_DIR / "kam" / "parts"


def css_string(text: object) -> Markup:
    """``text`` as a double-quoted CSS string; only ASCII letters and digits stay literal.

    ``Tüftel "&" </style>`` -> ``"T\\fc ftel\\20 \\22 \\26 \\22 \\20 \\3c \\2f style\\3e "``.
    The result is also safe inside HTML (no ``<``, ``&`` or quote but the outer ones).
    """
    out = []
    for ch in "" if text is None else str(text):
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")  # the space ends the escape (CSS 2.1, 4.1.3)
    return Markup('"' + "".join(out) + '"')


@cache
def environment() -> Any:
    """The autoescaping Jinja environment for ``templates/kam/parts`` (built once)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(PARTS_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["css_string"] = css_string
    return env


def render(name: str, **context: Any) -> Markup:
    """Template ``name`` from ``templates/kam/parts`` rendered with ``context`` (escaped)."""
    return Markup(environment().get_template(name).render(**context).strip())
