"""``kam new``: a client folder with Excel input templates and a commented client.yaml.

One workbook per input, named as the loader expects (``sales.xlsx`` ...):
row 1 = headers in the client's language, row 2 = a short explanation, row 3 =
an example row, then room for data. Scales carry Excel data validation
(1-5 drop-downs, allowed roles, known criteria). The loader recognises and
skips the explanation and example rows, so a filled-in template reads back
unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kamlib.config import ClientConfig, known_rating_criteria
from kamlib.data.aliases import TABLE_ORDER, TABLES, ColumnSpec
from kamlib.data.readers import _cell_text
from kamlib.i18n import t
from kamlib.modules import MODULES

#: rows that get data validation / formats (explanation + example + data)
TEMPLATE_ROWS = 5000
_BOOL_EXAMPLE = {"de": "ja", "en": "yes"}


def header_labels(table: str, lang: str) -> list[str]:
    return [t(f"data.col.{table}.{c.name}", lang) for c in TABLES[table].columns]


def explanation_cells(table: str, lang: str) -> dict[str, str]:
    """Column -> explanation text as written in row 2 of the template."""
    return {c.name: t(f"data.help.{table}.{c.name}", lang) for c in TABLES[table].columns}


def _typed_example(col: ColumnSpec, lang: str) -> Any:
    if col.kind == "date":
        return dt.datetime.fromisoformat(col.example)
    if col.kind in ("money", "float"):
        return float(col.example)
    if col.kind == "int":
        return int(col.example)
    if col.kind == "bool":
        return _BOOL_EXAMPLE[lang]
    return col.example


def example_cells(table: str, lang: str) -> dict[str, str]:
    """Column -> example value as the loader reads it back from the template."""
    return {c.name: _cell_text(_typed_example(c, lang)) for c in TABLES[table].columns if c.example}


def _validation(col: ColumnSpec, table: str, lang: str) -> dict | None:
    if col.kind == "int" and col.min is not None and col.max is not None:
        return {
            "validate": "integer",
            "criteria": "between",
            "minimum": int(col.min),
            "maximum": int(col.max),
        }
    if col.kind == "int" and col.min is not None:
        return {"validate": "integer", "criteria": ">=", "value": int(col.min)}
    if col.kind == "money" and col.min is not None:
        return {"validate": "decimal", "criteria": ">=", "value": col.min}
    if col.kind == "cat":
        return {"validate": "list", "source": list(col.allowed)}
    if col.kind == "bool":
        return {"validate": "list", "source": ["ja", "nein"] if lang == "de" else ["yes", "no"]}
    if table == "ratings" and col.name == "criterion":
        source = sorted(known_rating_criteria())
        # Excel refuses a list longer than 255 characters (the union of every
        # module's criteria is): then the column stays free text
        return {"validate": "list", "source": source} if len(",".join(source)) <= 255 else None
    return None


def write_table_template(path: Path, table: str, lang: str) -> Path:
    """Write one input template workbook for ``table`` to ``path``."""
    import xlsxwriter

    spec = TABLES[table]
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(table)
    head = wb.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True})
    helpf = wb.add_format(
        {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"}
    )
    text = wb.add_format({"num_format": "@"})
    datef = wb.add_format({"num_format": "dd.mm.yyyy" if lang == "de" else "yyyy-mm-dd"})
    money = wb.add_format({"num_format": "#,##0.00"})
    exf = {
        "text": wb.add_format({"num_format": "@", "font_color": "#7F7F7F"}),
        "date": wb.add_format(
            {"num_format": "dd.mm.yyyy" if lang == "de" else "yyyy-mm-dd", "font_color": "#7F7F7F"}
        ),
        "num": wb.add_format({"font_color": "#7F7F7F"}),
    }
    labels = header_labels(table, lang)
    helps = explanation_cells(table, lang)
    for j, col in enumerate(spec.columns):
        ws.write_string(0, j, labels[j], head)
        ws.write_string(1, j, helps[col.name], helpf)
        fmt = (
            text
            if col.kind in ("id", "str", "cat")
            else datef
            if col.kind == "date"
            else money
            if col.kind == "money"
            else None
        )
        ws.set_column(j, j, max(14, len(labels[j]) + 4), fmt)
        if col.example:
            value = _typed_example(col, lang)
            if isinstance(value, dt.datetime):
                ws.write_datetime(2, j, value, exf["date"])
            elif isinstance(value, (int, float)):
                ws.write_number(2, j, value, exf["num"])
            else:
                ws.write_string(2, j, value, exf["text"])
        rule = _validation(col, table, lang)
        if rule:
            ws.data_validation(
                2, j, TEMPLATE_ROWS, j, rule | {"error_message": helps[col.name][:255]}
            )
    ws.set_row(1, 30)
    ws.freeze_panes(2, 0)
    wb.close()
    return path


# --------------------------------------------------------------------------- client.yaml


def _scalar(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, dict):  # a mapping inside a mapping (e.g. costs per channel): flow style
        return "{" + ", ".join(f"{k}: {_scalar(x)}" for k, x in v.items()) + "}"
    return json.dumps(str(v), ensure_ascii=False)


def _comment(path: str, lang: str) -> str:
    from kamlib.messages import kit_entry

    sections = {m.settings: m for m in MODULES.values() if m.settings}
    if path in sections:  # a module's section: named after the module's title
        text = t("registry.cfg_module", lang, title=sections[path].title[lang])
    else:
        text = kit_entry(f"data.cfg.{path}", lang)
    return f"  # {text}" if text else ""


def _yaml_lines(model: BaseModel, lang: str, indent: int = 0, prefix: str = "") -> list[str]:
    lines: list[str] = []
    pad = "  " * indent
    for name, info in type(model).model_fields.items():
        if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("deprecated"):
            continue  # a deprecated alias is read, never written
        value = getattr(model, name)
        path = f"{prefix}{name}"
        comment = _comment(path, lang)
        if isinstance(value, BaseModel):
            lines.append(f"{pad}{name}:{comment}")
            lines.extend(_yaml_lines(value, lang, indent + 1, path + "."))
        elif isinstance(value, dict) and not value:
            lines.append(f"{pad}{name}: {{}}{comment}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{name}:{comment}")
            for k, v in value.items():
                lines.append(f"{pad}  {k}: {_scalar(v)}")
        elif isinstance(value, (tuple, list)):
            lines.append(f"{pad}{name}: [{', '.join(_scalar(v) for v in value)}]{comment}")
        else:
            sv = _scalar(value)
            lines.append(f"{pad}{name}:{' ' + sv if sv else ''}{comment}")
    return lines


def client_yaml_text(name: str, lang: str) -> str:
    """Commented client.yaml with every key of :class:`ClientConfig` at its default."""
    config = ClientConfig(name=name, language=lang)  # type: ignore[arg-type]
    head = f"# {t('data.cfg_header', lang)}\n"
    return head + "\n".join(_yaml_lines(config, lang)) + "\n"


def write_client_skeleton(client_dir: Path | str, name: str, lang: str) -> list[Path]:
    """Create ``client_dir`` with client.yaml, one template workbook per input and an
    example account plan. Returns the written paths."""
    client_dir = Path(client_dir)
    client_dir.mkdir(parents=True, exist_ok=True)
    written = []
    cfg = client_dir / "client.yaml"
    cfg.write_text(client_yaml_text(name, lang), encoding="utf-8")
    written.append(cfg)
    for table in TABLE_ORDER:
        written.append(write_table_template(client_dir / f"{table}.xlsx", table, lang))
    plans = client_dir / "account_plans"
    plans.mkdir(exist_ok=True)
    example = plans / ("_beispiel.yaml" if lang == "de" else "_example.yaml")
    example.write_text(t("plans.example_file", lang), encoding="utf-8")
    written.append(example)
    return written
