"""Demo measure plan for the touchpoint file: measure, due date and KPI, partly filled in.

Called at the end of :func:`kamlib.demo.generate.make_demo_client` with its own
random generator, so the other demo files do not change. The latest round
carries the plan its workshop agreed on: a measure for most (not all) of the
touchpoints with a gap, a due date for most of those, a KPI for about half;
the rest stays empty so the deliverable shows "to be set". The German client
also keeps its annual executive review weak in both rounds, so its loyalty
phase (a single touchpoint) is a coverage gap ("every touchpoint fix first").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: own seed: refining this plan never reshuffles another demo file
SEED = 20260415

#: touchpoint -> (measure, KPI); only touchpoints with a plausible plan are listed
_PLANS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {
        "Reklamationsbearbeitung": (
            "Reklamationen binnen 48 Stunden qualifiziert beantworten, Eskalation an QM-Leitung",
            "Anteil Antworten innerhalb 48 h",
        ),
        "Angebotserstellung": (
            "Angebotsvorlagen mit Konfigurator, Freigabe im Innendienst",
            "Angebotsdurchlaufzeit in Tagen",
        ),
        "Jahresgespräch mit der Geschäftsleitung": (
            "Jährliches Strategiegespräch mit jedem Key Account fest einplanen",
            "Anteil Key Accounts mit Jahresgespräch",
        ),
        "Liefertermintreue": (
            "Wöchentliche Engpassrunde Vertrieb/Produktion/Logistik",
            "Termintreue in Prozent der Positionen",
        ),
        "Service-Hotline": (
            "Rückrufgarantie innerhalb von 4 Stunden",
            "Erreichbarkeit und Rückrufquote",
        ),
        "Ersatzteilversorgung": (
            "Sicherheitsbestand für die 200 gängigsten Ersatzteile",
            "Lieferfähigkeit ab Lager",
        ),
        "Auftragsbestätigung": (
            "Auftragsbestätigung automatisch binnen 24 Stunden",
            "Anteil AB innerhalb 24 h",
        ),
        "Webshop und EDI-Bestellung": (
            "Webshop um Nachbestellung aus der Auftragshistorie erweitern",
            "Anteil Online-Bestellungen der C-Kunden",
        ),
        "Inbetriebnahme vor Ort": (
            "Checkliste und Abnahmeprotokoll für jede Inbetriebnahme",
            "Nacharbeiten je Inbetriebnahme",
        ),
        "Website mit Produktfinder": (
            "Produktfinder um Anwendungsbeispiele ergänzen",
            "Anfragen über die Website je Monat",
        ),
        "Musterteile und Versuche": (
            "Musterfertigung mit festem Zeitfenster im Technikum",
            "Durchlaufzeit Muster in Tagen",
        ),
        "Messeauftritt": ("Terminvereinbarung mit Key Accounts vor der Messe", ""),
    },
    "en": {
        "Complaint handling": (
            "Answer every complaint with a qualified reply within 48 hours",
            "share of replies within 48 h",
        ),
        "Quotation": (
            "Quotation templates with a configurator, sign-off in inside sales",
            "quotation lead time in days",
        ),
        "Annual executive review": (
            "Schedule a yearly strategy meeting with every key account",
            "share of key accounts with a review",
        ),
        "On-time delivery": (
            "Weekly bottleneck meeting of sales, production and logistics",
            "on-time lines in percent",
        ),
        "Technical helpline": ("Call-back guarantee within four hours", "call-back rate"),
        "Spare parts availability": (
            "Safety stock for the 200 most frequent spare parts",
            "fill rate from stock",
        ),
        "Order confirmation": (
            "Automatic order confirmation within 24 hours",
            "share confirmed within 24 h",
        ),
        "Web shop and EDI ordering": (
            "Reorder from order history in the web shop",
            "online share of C-customer orders",
        ),
        "Installation support on site": (
            "Checklist and acceptance record for every installation",
            "rework per installation",
        ),
        "Dispatch notice and tracking": (
            "Dispatch notice with tracking link for every shipment",
            "",
        ),
        "CAD model downloads": ("Publish CAD models for the full catalogue", "downloads per month"),
        "Operator training at the customer": (
            "Standard training package offered with every machine",
            "",
        ),
    },
}
#: touchpoint (de) whose Ist stays at its first-round value: the weak loyalty phase
_STAYS_WEAK = {"Jahresgespräch mit der Geschäftsleitung"}


def add_measure_plan(touchpoints: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``touchpoints`` (two rounds) with measure, due and kpi columns for the latest round."""
    rng = np.random.default_rng([SEED, 0 if lang == "de" else 1])
    out = touchpoints.copy()
    latest = out["round"].max()
    first = out["round"] == out["round"].min()
    weak = out["touchpoint"].isin(_STAYS_WEAK)
    if weak.any():
        base = out[first & weak].set_index("touchpoint")["ist"]
        out.loc[~first & weak, "ist"] = out.loc[~first & weak, "touchpoint"].map(base)
    plans = _PLANS[lang]
    current = (out["round"] == latest) & out["touchpoint"].isin(list(plans))
    n = int(current.sum())
    # most plans have a measure; a few are still open in the file
    has_measure = rng.uniform(0, 1, n) < 0.85
    has_due = has_measure & (rng.uniform(0, 1, n) < 0.8)
    months = rng.integers(2, 9, n)
    names = out.loc[current, "touchpoint"]
    measure = names.map(lambda s: plans[s][0]).where(has_measure)
    kpi = names.map(lambda s: plans[s][1] or None).where(has_measure & (rng.uniform(0, 1, n) < 0.7))
    due = pd.Series(
        [latest + pd.offsets.MonthEnd(int(m)) for m in months], index=names.index
    ).where(has_due)
    out["measure"] = measure.reindex(out.index)
    out["due"] = pd.to_datetime(due.reindex(out.index))
    out["kpi"] = kpi.reindex(out.index)
    return out
