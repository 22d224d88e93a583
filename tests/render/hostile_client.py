"""A small client folder with an attack payload in every client-controlled field.

Used by the output-safety tests: every string a client can put into a
deliverable (YAML values, file names, cell values, logos) carries markup,
CSS, TeX, Jinja or console-markup payloads.
"""

from __future__ import annotations

from pathlib import Path

#: payloads that must reach the deliverable as plain, visible text
PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</style><link rel=stylesheet href=file:///etc/passwd>",
    "$\\notacommand$",
    "$\\frac{1}{0}$",
    "{{7*7}}",
    "[/red]",
    "[x](javascript:alert(1))",
    "![y](file:///etc/hostname)",
    '"; } @page { @top-left { content: url(file:///etc/hostname) } } x { x: "',
    "<a rel=attachment href=file:///etc/hostname>a</a>",
)

#: an SVG that tries to run script and pull files from disk
EVIL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="120" height="40" onload="alert(1)">'
    "<script>alert(2)</script>"
    "<style>@import url(file:///etc/hostname);</style>"
    '<image href="file:///etc/hostname" width="10" height="10"/>'
    '<image xlink:href="file:///usr/share/pixmaps/debian-logo.png" width="10" height="10"/>'
    '<foreignObject width="10" height="10"><iframe src="file:///etc/passwd"/></foreignObject>'
    '<rect width="120" height="40" fill="url(file:///etc/hostname#x)"/>'
    '<rect x="5" y="5" width="30" height="30" fill="#1F4E79"/>'
    "</svg>"
)


def payload(i: int) -> str:
    """Payload number ``i`` (cycling), so each field gets a different mix."""
    return PAYLOADS[i % len(PAYLOADS)]


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_hostile_client(folder: Path) -> Path:
    """Write the hostile client to ``folder`` (created) and return it.

    Eight customers over two years, so both the overview and the portfolio
    have something in every section; names, industries, regions, account
    managers, product groups, ratings criteria, lost reasons and the zone
    labels of client.yaml carry payloads.
    """
    folder.mkdir(parents=True, exist_ok=True)
    logo_name = 'firm"><img src=x onerror=alert(1)>.svg'
    yaml_str = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    (folder / "client.yaml").write_text(
        f"name: {yaml_str('Evil ' + ' '.join(PAYLOADS))}\n"
        "language: en\n"
        "currency: EUR\n"
        "consultant:\n"
        f"  firm: {yaml_str('Firm ' + ' '.join(reversed(PAYLOADS)))}\n"
        f"  logo: {yaml_str(logo_name)}\n"
        "portfolio:\n  zone_labels:\n    en:\n"
        + "".join(
            f"      {zone}: {yaml_str(zone.title() + ' ' + payload(i))}\n"
            for i, zone in enumerate(("protect", "develop", "maintain", "withdraw"))
        ),
        encoding="utf-8",
    )
    (folder / logo_name).write_text(EVIL_SVG, encoding="utf-8")
    (folder / "logo.png").write_text(EVIL_SVG, encoding="utf-8")  # an SVG in disguise
    rows = ["customer_id,name,industry,region,is_key_account,account_manager,potential"]
    for i in range(8):
        rows.append(
            ",".join(
                [
                    f"C{i:02d}",
                    _csv_cell(f"Cust {i} {payload(i)}"),
                    _csv_cell(f"Ind {payload(i + 1)}" if i % 3 else "Plain industry"),
                    _csv_cell(f"Reg {payload(i + 2)}" if i % 2 else "North"),
                    "true" if i < 3 else "false",
                    _csv_cell(f"AM {payload(i + 3)}"),
                    str(200000 + 10000 * i),
                ]
            )
        )
    (folder / "customers.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    sales = ["date,invoice_id,line_no,customer_id,product_group,net_revenue,contribution_margin"]
    n = 0
    for year in (2024, 2025):
        for month in range(1, 13):
            for i in range(8):
                if (month + i) % 3 == 0 and not (i == 7 and year == 2025):  # C07 is lost
                    n += 1
                    amount = 1000 * (8 - i) + 37 * month
                    sales.append(
                        f"{year}-{month:02d}-15,{_csv_cell('R' + str(n) + payload(n))},1,C{i:02d},"
                        f"{_csv_cell('PG ' + payload(n + 5))},{amount},{amount // 4}"
                    )
    (folder / "sales.csv").write_text("\n".join(sales) + "\n", encoding="utf-8")
    ratings = ["customer_id,criterion,rating"]
    for i in range(3):
        for crit in ("future_demand", "decision_access", "processes", "chemistry", "strategy"):
            ratings.append(f"C{i:02d},{crit},{1 + (i + len(crit)) % 5}")
    ratings.append(f"C00,{_csv_cell('crit ' + payload(0))},3")
    (folder / "ratings.csv").write_text("\n".join(ratings) + "\n", encoding="utf-8")
    (folder / "lost_reasons.csv").write_text(
        f"customer_id,reason,note\nC07,{_csv_cell(payload(1))},{_csv_cell(payload(2))}\n",
        encoding="utf-8",
    )
    return folder
