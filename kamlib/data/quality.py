"""Sentences for the data-quality box of every deliverable."""

from __future__ import annotations

from kamlib.i18n import Formatter


def quality_lines(client, lang: str) -> list[str]:
    """3-6 short sentences about the data behind a deliverable (``client``: ClientData).

    Rows per file and data period always; then, when they occur: credit notes,
    duplicates removed, unknown customers excluded (with amount), customers
    without sales, missing margins, possible duplicates and other warnings.
    A clean client gets a "no problems found" line.
    """
    f = Formatter(lang, client.config.currency)
    s = client.stats
    start, end = client.data_period
    lines = [
        f.t(
            "data.q_rows",
            customers=f.int(len(client.customers)),
            lines=f.int(len(client.sales)),
            period=f.period(start, end),
        )
    ]
    optional = [
        f"{name} ({f.int(len(df))})"
        for name in ("activities", "ratings", "contacts", "touchpoints", "lost_reasons")
        if (df := getattr(client, name)) is not None and len(df)
    ]
    if client.account_plans:
        optional.append(f"account_plans ({f.int(len(client.account_plans))})")
    if optional:
        lines.append(f.t("data.q_optional", tables=", ".join(optional)))
    issues = []
    if s.get("duplicates_removed"):
        issues.append(
            f.t(
                "data.q_duplicates",
                n=f.int(s["duplicates_removed"]),
                amount=f.money(s.get("duplicates_revenue", 0)),
            )
        )
    if s.get("unknown_customer_lines"):
        issues.append(
            f.t(
                "data.q_unknown",
                n=f.int(s["unknown_customer_lines"]),
                amount=f.money(s.get("unknown_customer_revenue", 0)),
            )
        )
    if s.get("credit_note_lines"):
        issues.append(
            f.t(
                "data.q_credit",
                n=f.int(s["credit_note_lines"]),
                amount=f.money(s.get("credit_note_revenue", 0)),
            )
        )
    if s.get("possible_duplicates"):
        issues.append(f.t("data.q_possible_duplicates", n=f.int(s["possible_duplicates"])))
    if s.get("customers_without_sales"):
        issues.append(f.t("data.q_without_sales", n=f.int(s["customers_without_sales"])))
    missing = int(s.get("margin_missing_lines", 0) or 0)
    if missing and len(client.sales) and missing >= len(client.sales):
        issues.append(f.t("data.q_margin_none"))
    elif missing:
        issues.append(
            f.t("data.q_margin_missing", n=f.int(missing), share=f.pct(missing / len(client.sales)))
        )
    lines.extend(issues[: 6 - len(lines)])
    warnings = int((client.problems["severity"] == "warning").sum()) if len(client.problems) else 0
    covered = sum(
        1
        for k in ("duplicates_removed", "unknown_customer_lines", "possible_duplicates")
        if s.get(k)
    )
    if warnings - covered > 0 and len(lines) < 6:
        lines.append(f.t("data.q_warnings", n=f.int(warnings - covered)))
    if not issues and warnings == 0:
        lines.append(f.t("data.q_clean"))
    return lines
