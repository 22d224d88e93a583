"""Logos are checked by content, size and place; SVG is reduced to an allow-list."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from kamlib.logos import MAX_LOGO_BYTES, load_logo, sanitize_svg
from kamlib.modules import ROOT
from tests.render.hostile_client import EVIL_SVG

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'


def decoded(uri: str) -> bytes:
    return base64.b64decode(uri.split(",", 1)[1])


def png_bytes(size: tuple[int, int] = (12, 8), mode: str = "RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize("client", ["demo-maschinenbau", "demo-components"])
def test_demo_logos_survive_byte_for_byte(client: str):
    folder = ROOT / "client_data" / client
    logo = load_logo(folder / "firm-logo.svg", folder)
    assert logo.problem is None
    assert logo.uri.startswith("data:image/svg+xml;base64,")
    assert decoded(logo.uri) == (folder / "firm-logo.svg").read_bytes()


def test_png_and_jpeg_are_recognised_by_content_not_by_name(tmp_path: Path):
    (tmp_path / "logo.svg").write_bytes(png_bytes())  # a PNG with the wrong extension
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, format="JPEG")
    (tmp_path / "logo.png").write_bytes(buf.getvalue())  # a JPEG called .png
    assert load_logo(tmp_path / "logo.svg", tmp_path).uri.startswith("data:image/png;")
    assert load_logo(tmp_path / "logo.png", tmp_path).uri.startswith("data:image/jpeg;")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"GIF89a\x01\x00\x01\x00", "logo.not_image"),
        (b"just text, no picture", "logo.not_image"),
        (png_bytes()[:40], "logo.broken"),  # a truncated PNG
        (b"<svg><unclosed", "logo.bad_svg"),
        (b'<svg width="1"/>', "logo.bad_svg"),  # no SVG namespace: not an SVG document
    ],
)
def test_files_that_are_not_usable_images_give_no_logo(tmp_path: Path, content, problem):
    (tmp_path / "logo.png").write_bytes(content)
    logo = load_logo(tmp_path / "logo.png", tmp_path)
    assert (logo.uri, logo.problem, logo.params["path"]) == (None, problem, "logo.png")


def test_size_and_pixel_limits(tmp_path: Path):
    (tmp_path / "big.png").write_bytes(png_bytes() + b"\0" * MAX_LOGO_BYTES)
    assert load_logo(tmp_path / "big.png", tmp_path).problem == "logo.too_big"
    # 5000 x 4000 one-bit pixels compress to a few kB but exceed the 4096^2 pixel limit
    (tmp_path / "wide.png").write_bytes(png_bytes((5000, 4000), "1"))
    assert (tmp_path / "wide.png").stat().st_size < MAX_LOGO_BYTES
    assert load_logo(tmp_path / "wide.png", tmp_path).problem == "logo.too_many_pixels"


def test_logo_outside_the_client_folder_is_refused(tmp_path: Path):
    client = tmp_path / "client"
    client.mkdir()
    outside = tmp_path / "secret.png"
    outside.write_bytes(png_bytes())
    (client / "logo.png").symlink_to(outside)
    assert load_logo(client / "logo.png", client).problem == "logo.outside"
    assert load_logo(client / ".." / "secret.png", client).problem == "logo.outside"
    assert load_logo(outside, client).uri is None
    # a symlink that stays inside the folder is fine
    (client / "real.png").write_bytes(png_bytes())
    (client / "alias.png").symlink_to(client / "real.png")
    assert load_logo(client / "alias.png", client).uri is not None


def test_missing_logo_is_no_problem(tmp_path: Path):
    assert load_logo(None, tmp_path).uri is None and load_logo(None, tmp_path).problem is None
    assert load_logo(tmp_path / "logo.png", tmp_path).problem is None


def test_hostile_svg_is_reduced_to_drawing_elements():
    clean, removed = sanitize_svg(EVIL_SVG.encode())
    text = clean.decode()
    for gone in ("script", "style", "image", "foreignObject", "iframe", "onload", "file:"):
        assert gone not in text
    assert '<rect x="5" y="5" width="30" height="30" fill="#1F4E79" />' in text
    assert removed == ["@fill", "@onload", "foreignObject", "image", "script", "style"]


def test_svg_logo_disguised_as_png_is_reduced_and_reported(tmp_path: Path):
    (tmp_path / "logo.png").write_text(EVIL_SVG, encoding="utf-8")
    logo = load_logo(tmp_path / "logo.png", tmp_path)
    assert logo.problem == "logo.svg_reduced" and "image" in logo.params["parts"]
    assert b"file:" not in decoded(logo.uri) and b"<image" not in decoded(logo.uri)


@pytest.mark.parametrize(
    "svg",
    [
        # billion laughs: entities are never expanded, the DTD alone refuses the file
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
        b'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg xmlns="http://www.w3.org/2000/svg"/>',
    ],
)
def test_svg_with_dtd_or_entities_is_refused(svg: bytes):
    assert sanitize_svg(svg) == (None, [])


def test_svg_references_only_within_the_document():
    svg = (
        SVG_HEAD + '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
        "</linearGradient>"
        '<linearGradient id="h" href="#g"/><linearGradient id="i" href="file:///etc/x"/></defs>'
        '<rect width="5" height="5" fill="url(#g)"/>'
        '<rect width="5" height="5" fill="url(file:///etc/x)"/>'
        '<rect width="5" height="5" style="fill:#123456;stroke:url(http://x/y);behavior:url(a)"/>'
        '<?xml-stylesheet href="file:///etc/x"?></svg>'
    ).encode()
    clean, removed = sanitize_svg(svg)
    text = clean.decode()
    assert 'href="#g"' in text and 'fill="url(#g)"' in text  # in-document references kept
    assert "file:" not in text and "http://x" not in text and "style=" not in text
    assert 'fill="#123456"' in text  # a style declaration becomes a presentation attribute
    assert set(removed) == {"@href", "@fill", "style:stroke", "style:behavior", "<?…?>"}
