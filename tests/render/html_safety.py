"""Find live markup in rendered HTML: script tags, event handlers, foreign resources.

A tiny checker built on the standard library's HTML parser, so the tests do
not trust the code they check. ``data:`` URIs that hold SVG are decoded and
checked as well (an SVG logo is a document of its own).
"""

from __future__ import annotations

import base64
import re
import urllib.parse
from html.parser import HTMLParser

#: attributes that load or link a resource
URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction", "poster", "data", "srcset"}
#: elements that have no business in a deliverable
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "base", "form", "meta-refresh"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]*)", re.I)
_CSS_IMPORT = re.compile(r"@import", re.I)


def _local(url: str) -> bool:
    url = url.strip()
    return url.startswith("#") or url.lower().startswith("data:") or url == ""


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)

    def _check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        self._in_style = tag == "style"
        if tag in FORBIDDEN_TAGS or tag == "foreignobject":
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.problems.append("<meta http-equiv>")
        for name, value in attrs:
            name = name.lower()
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in URL_ATTRS or name.endswith(":href"):
                if not _local(value):
                    self.problems.append(f"foreign {name}={value[:60]!r} on <{tag}>")
                elif value.lower().startswith("data:image/svg+xml"):
                    self.problems.extend(f"in SVG data URI: {p}" for p in check_svg_uri(value))
            if name == "style":
                self.problems.extend(check_css(value))

    def handle_endtag(self, tag: str) -> None:
        if tag.lower() == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.problems.extend(check_css(data))


def check_css(css: str) -> list[str]:
    """Foreign ``url()`` references and ``@import`` rules in a piece of CSS."""
    problems = [f"css url({u[:60]!r})" for u in _CSS_URL.findall(css) if not _local(u)]
    if _CSS_IMPORT.search(css):
        problems.append("css @import")
    return problems


def check_svg_uri(uri: str) -> list[str]:
    """Problems inside an SVG ``data:`` URI (base64 or percent-encoded)."""
    head, _, payload = uri.partition(",")
    text = (
        base64.b64decode(payload).decode("utf-8", "replace")
        if head.endswith(";base64")
        else urllib.parse.unquote(payload)
    )
    return check_html(text)


def check_html(text: str) -> list[str]:
    """Every live tag, handler or foreign resource in ``text`` (empty list = clean)."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return checker.problems


class _Text(HTMLParser):
    """Collects the text content of a document (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(markup: str) -> str:
    """The text a reader sees in ``markup`` (tags dropped, entities decoded)."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)
