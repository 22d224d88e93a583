"""Logos (client ``logo.png``, ``consultant.logo``) checked before they reach a deliverable.

A logo is client data and therefore hostile until proven otherwise. It is
accepted only when

- it lies inside the client folder (after resolving symlinks and ``..``),
- it is at most :data:`MAX_LOGO_BYTES` large, and
- its *content* (never its file name) is a PNG or JPEG that Pillow can read
  with at most :data:`MAX_LOGO_PIXELS` pixels, or an SVG. An SVG is reduced to
  an allow-list of drawing elements and presentation attributes: no script,
  style sheet, foreign object, embedded image, event handler or reference
  other than ``#id``. An SVG with nothing to remove is kept byte for byte.

Everything else gives no logo and one problem line naming the file.
Used by both sides: :func:`kamlib.report.header` in the kernel and the PDF
cover in the renderer.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

#: logos larger than this are not embedded (keeps files small)
MAX_LOGO_BYTES = 512 * 1024
#: raster logos with more pixels than this are refused (a logo needs far fewer)
MAX_LOGO_PIXELS = 4096 * 4096

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ALLOWED_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "path", "rect", "circle", "ellipse", "line", "polyline",
        "polygon", "text", "tspan", "clipPath", "linearGradient", "radialGradient", "stop",
    }
)  # fmt: skip
#: geometry and presentation attributes (SVG 1.1/2); nothing that loads, runs or styles by sheet
ALLOWED_ATTRIBUTES = frozenset(
    {
        # identity and geometry
        "id", "version", "width", "height", "viewBox", "preserveAspectRatio", "x", "y",
        "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points",
        "pathLength", "transform", "dx", "dy", "rotate", "textLength", "lengthAdjust",
        "offset", "gradientUnits", "gradientTransform", "spreadMethod", "clipPathUnits",
        # presentation
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
        "stroke-opacity", "opacity", "clip-path", "clip-rule", "color", "display",
        "visibility", "font-family", "font-size", "font-weight", "font-style", "font-variant",
        "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
        "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "stop-color",
        "stop-opacity", "writing-mode", "direction", "shape-rendering", "text-rendering",
        "vector-effect", "paint-order",
    }
)  # fmt: skip
#: attributes that may reference another element of the same SVG (``#id`` only)
REFERENCE_ATTRIBUTES = frozenset({"href", f"{{{XLINK_NS}}}href"})

_URL = re.compile(r"url\s*\(", re.I)
_LOCAL_URL = re.compile(r"url\(\s*(['\"]?)#[\w.:-]+\1\s*\)", re.I)
_UNSAFE_VALUE = re.compile(r"[<>]|javascript:|expression\s*\(|\\", re.I)
#: PNG and JPEG by their first bytes
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_PI = re.compile(rb"<\?(?!xml[\s?])", re.I)


@dataclass
class Logo:
    """Outcome of checking one logo file.

    ``uri`` is the ``data:`` URI to embed, or None. ``problem`` is a message key
    (``logo.*`` in kamlib.messages) with ``params`` when the logo was refused or
    reduced; None when it was accepted as it is.
    """

    uri: str | None
    problem: str | None = None
    params: dict[str, str] = field(default_factory=dict)


def _value_ok(name: str, value: str) -> bool:
    if _UNSAFE_VALUE.search(value):
        return False
    if _URL.search(value):  # only url(#id), and each url( must be one of those
        return len(_URL.findall(value)) == len(_LOCAL_URL.findall(value))
    return True


def _style_to_attributes(style: str, removed: set[str]) -> dict[str, str]:
    """Allowed declarations of a ``style`` attribute as presentation attributes.

    Inkscape and Illustrator write colours and fonts as ``style="fill:#123"``;
    turning them into attributes keeps such logos intact without any CSS.
    """
    out = {}
    for decl in style.split(";"):
        name, sep, value = decl.partition(":")
        name, value = name.strip(), value.strip()
        if sep and name in ALLOWED_ATTRIBUTES and _value_ok(name, value):
            out[name] = value
        elif decl.strip():
            removed.add(f"style:{name or decl.strip()}")
    return out


def _local_name(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return None, tag


def _clean_element(elem: ET.Element, removed: set[str]) -> bool:
    """Drop disallowed attributes of ``elem`` and its disallowed children (recursively).

    Names of what was dropped go into ``removed``; returns whether anything changed.
    """
    changed = False
    for name, value in list(elem.attrib.items()):
        ns, local = _local_name(name)
        keep = False
        if name in REFERENCE_ATTRIBUTES:
            keep = value.strip().startswith("#") and _value_ok(name, value)
        elif name == "style":
            for k, v in _style_to_attributes(value, removed).items():
                elem.attrib.setdefault(k, v)
        elif name == f"{{{XML_NS}}}space":
            keep = True
        elif ns is None and local in ALLOWED_ATTRIBUTES:
            keep = _value_ok(local, value)
        if not keep:
            del elem.attrib[name]
            changed = True
            if name != "style":
                removed.add(f"@{local}")
    for child in list(elem):
        ns, local = _local_name(child.tag) if isinstance(child.tag, str) else (None, "")
        if ns == SVG_NS and local in ALLOWED_ELEMENTS:
            changed = _clean_element(child, removed) or changed
        else:
            elem.remove(child)
            changed = True
            removed.add(local or "?")
    return changed


def sanitize_svg(data: bytes) -> tuple[bytes | None, list[str]]:
    """``data`` reduced to the SVG allow-list, and the names of what was removed.

    Returns ``(None, [])`` when ``data`` is not a well-formed SVG or declares a
    DTD or entities (refused outright: no entity is ever expanded). When nothing
    is removed the original bytes come back unchanged.
    """
    if _DTD.search(data):
        return None, []
    try:
        root = ET.fromstring(data)  # expat; no DTD means no external or expanding entity
    except ET.ParseError:
        return None, []
    if root.tag != f"{{{SVG_NS}}}svg":
        return None, []
    removed: set[str] = set()
    changed = _clean_element(root, removed)
    if _PI.search(data):  # e.g. <?xml-stylesheet href=…?>; ElementTree drops them on parsing
        removed.add("<?…?>")
        changed = True
    if not changed:
        return data, []
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8"), sorted(removed)


def _raster_problem(data: bytes) -> str | None:
    """Why ``data`` (a PNG/JPEG by its magic bytes) is not usable, or None."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width * height > MAX_LOGO_PIXELS:
                return "logo.too_many_pixels"
            img.verify()
    except Image.DecompressionBombError:
        return "logo.too_many_pixels"
    except Exception:  # noqa: BLE001 - any decoder error means: not a usable image
        return "logo.broken"
    return None


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` resolves (symlinks, ``..``) to a place inside ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def load_logo(path: Path | str | None, root: Path | str | None) -> Logo:
    """Check the logo at ``path`` (which must lie inside ``root``) and embed it.

    No path or no file: ``Logo(None)`` without a problem (a logo is optional).
    """
    if not path:
        return Logo(None)
    p = Path(path)
    params = {"path": str(p.name), "limit": f"{MAX_LOGO_BYTES // 1024} KB"}
    if root is None or not inside(p, Path(root)):
        return Logo(None, "logo.outside", params)
    if not p.is_file():
        return Logo(None)
    try:
        if p.stat().st_size > MAX_LOGO_BYTES:
            return Logo(None, "logo.too_big", params)
        data = p.read_bytes()
    except OSError:
        return Logo(None, "logo.broken", params)
    mime = next((m for magic, m in _MAGIC.items() if data.startswith(magic)), None)
    if mime:
        problem = _raster_problem(data)
        if problem:
            return Logo(None, problem, {**params, "limit": f"{MAX_LOGO_PIXELS:,}"})
        return Logo(_data_uri(mime, data))
    if b"<svg" not in data[:4096] or not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return Logo(None, "logo.not_image", params)
    clean, removed = sanitize_svg(data)
    if clean is None:
        return Logo(None, "logo.bad_svg", params)
    uri = _data_uri("image/svg+xml", clean)
    if removed:
        return Logo(uri, "logo.svg_reduced", {**params, "parts": ", ".join(removed)})
    return Logo(uri)


def _data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
