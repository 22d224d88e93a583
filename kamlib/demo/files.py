"""Writing the demo clients: canonical CSV/YAML bytes and the client folders."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
from ruamel.yaml import YAML

from kamlib.demo.generate import make_demo_client
from kamlib.demo.specs import DEMO_CLIENTS

# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _to_csv(df: pd.DataFrame) -> bytes:
    """Canonical CSV bytes: UTF-8, commas, ISO dates, money with 2 decimals."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_bool_dtype(s):
            out[col] = np.where(s, "true", "false")
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(s):
            # + 0.0 turns -0.0 into 0.0 so no "-0.00" appears
            out[col] = s.round(2) + 0.0
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n", float_format="%.2f")
    return buf.getvalue().encode("utf-8")


def _yaml_bytes(data: dict) -> bytes:
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue().encode("utf-8")


def demo_files(key: str) -> dict[str, bytes]:
    """Every file of demo client ``key`` as ``{relative path: bytes}``."""
    data = make_demo_client(key)
    files: dict[str, bytes] = {}
    for name, value in data.items():
        if name == "client.yaml":
            files[name] = str(value).encode("utf-8")
        elif name == "account_plans":
            for cid, plan in value.items():  # type: ignore[union-attr]
                files[f"account_plans/{cid}.yaml"] = _yaml_bytes(plan)
        else:
            files[f"{name}.csv"] = _to_csv(value)  # type: ignore[arg-type]
    files["firm-logo.svg"] = _firm_logo(DEMO_CLIENTS[key].consultant_firm)
    return files


def _firm_logo(firm: str) -> bytes:
    """A plain SVG word mark for the (fictional) consulting firm of a demo client.

    SVG text keeps the demo files byte-for-byte reproducible across library versions.
    """
    initials = "".join(w[0] for w in firm.replace("&", " ").split()[:2]).upper()
    name = firm.replace("&", "&amp;")
    # DejaVu Sans at 17 px averages about 10.5 px per character
    width = 78 + round(len(firm) * 10.5) + 12
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="80" '
        f'viewBox="0 0 {width} 80">\n'
        '  <rect x="0" y="8" width="64" height="64" rx="10" fill="#1F4E79"/>\n'
        '  <rect x="0" y="62" width="64" height="10" fill="#F18F01"/>\n'
        f'  <text x="32" y="49" font-family="DejaVu Sans, sans-serif" font-size="26" '
        f'font-weight="bold" fill="#FFFFFF" text-anchor="middle">{initials}</text>\n'
        f'  <text x="78" y="48" font-family="DejaVu Sans, sans-serif" font-size="17" '
        f'fill="#1F4E79">{name}</text>\n'
        "</svg>\n"
    ).encode()


def write_demo_clients(data_dir: Path, overwrite: bool = False) -> list[Path]:
    """Write both demo clients under ``data_dir`` (folders named by key).

    A folder that already exists is left untouched unless ``overwrite`` is true
    (then every demo file in it is rewritten). Returns the client folders.
    """
    data_dir = Path(data_dir)
    folders = []
    for key in DEMO_CLIENTS:
        folder = data_dir / key
        folders.append(folder)
        if folder.exists() and not overwrite:
            continue
        files = demo_files(key)
        # plans of an older generation would otherwise linger next to the new ones
        for stale in sorted((folder / "account_plans").glob("*.yaml")):
            if f"account_plans/{stale.name}" not in files:
                stale.unlink()
        for rel, content in files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return folders
