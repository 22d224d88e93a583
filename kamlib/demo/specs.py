"""The two demo clients: sizes, regions, industries, product groups, rates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------
# Specification
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductGroup:
    """One product group of the demo client's range."""

    name: str  # label as it appears in the ERP export
    prefix: str  # article-id prefix
    margin: float  # typical contribution-margin ratio (fraction 0-1)
    price_low: float  # cheapest article, money per unit
    price_high: float  # most expensive article, money per unit
    n_articles: int


@dataclass(frozen=True)
class DemoSpec:
    """Everything that makes one demo client; generation is a pure function of it."""

    key: str  # folder name under client_data/
    seed: int
    name: str
    language: str  # "de" | "en"
    as_of: dt.date  # last day of a month; sales end here
    consultant_firm: str
    n_customers: int
    #: customer_id = format of a running number (e.g. "{:06d}" keeps leading zeros)
    id_format: str
    id_start: int
    unknown_customer_id: str  # id used by the deliberate unknown-customer lines
    invoice_prefix: str
    credit_prefix: str
    #: region -> (share of customers, ((country, share), ...))
    regions: dict[str, tuple[float, tuple[tuple[str, float], ...]]]
    #: industry -> share of customers
    industries: dict[str, float]
    #: industry -> relative demand per product group (same order as product_groups)
    industry_mix: dict[str, tuple[float, ...]]
    product_groups: tuple[ProductGroup, ...]
    #: region -> account manager; key accounts get the key-account manager
    account_managers: dict[str, str]
    key_account_manager: str
    #: median and lognormal sigma of annual revenue per customer (money)
    median_revenue: float
    sigma: float
    #: size ranks (0 = largest) flagged as key accounts; ``strong_unflagged_rank`` is
    #: a top customer deliberately not flagged, ``weak_key_account_rank`` a flagged
    #: customer that has been declining for years
    key_account_ranks: tuple[int, ...]
    strong_unflagged_rank: int
    weak_key_account_rank: int
    #: customers who stop buying, per year (fraction of active customers)
    loss_rate: float
    #: new customers won per year (fraction of the customer base)
    win_rate: float
    n_without_sales: int
    n_prospects: int  # small today, big demand elsewhere (low share of wallet)
    #: revenue factor per calendar month Jan..Dec (mean about 1)
    seasonality: tuple[float, ...]
    credit_note_share: float  # share of sales lines that are credit notes
    duplicate_share: float  # share of lines exported twice (same invoice_id+line_no)
    workshop_date: dt.date  # ratings workshop
    touchpoint_rounds: tuple[dt.date, dt.date]
    n_rated: int  # top customers by revenue rated in the workshop
    account_plan_ranks: tuple[int, int] = (0, 1)  # size ranks with an account plan
    top_boost: float = 1.0  # size factor for key accounts and the strong unflagged one
    extra: dict = field(default_factory=dict)


_DE_GROUPS = (
    ProductGroup("Baugruppen", "BG-", 0.19, 450.0, 38000.0, 60),
    ProductGroup("Antriebstechnik", "AT-", 0.27, 35.0, 9500.0, 90),
    ProductGroup("Lineartechnik", "LT-", 0.32, 18.0, 4200.0, 80),
    ProductGroup("Ersatzteile", "ET-", 0.44, 2.5, 1800.0, 160),
    ProductGroup("Service", "SV-", 0.37, 95.0, 2400.0, 12),
)

_EN_GROUPS = (
    ProductGroup("Bearings", "BRG-", 0.24, 4.0, 2600.0, 120),
    ProductGroup("Seals & Gaskets", "SEA-", 0.41, 0.8, 650.0, 140),
    ProductGroup("Fasteners", "FST-", 0.33, 0.15, 240.0, 180),
    ProductGroup("Hydraulics", "HYD-", 0.21, 45.0, 14000.0, 70),
    ProductGroup("Engineering Services", "ENG-", 0.46, 85.0, 2200.0, 10),
)

DEMO_CLIENTS: dict[str, DemoSpec] = {
    "demo-maschinenbau": DemoSpec(
        key="demo-maschinenbau",
        seed=20260630,
        name="Muster Maschinenbau GmbH",
        language="de",
        as_of=dt.date(2026, 6, 30),
        consultant_firm="Beispiel & Partner Vertriebsberatung",
        n_customers=400,
        id_format="{:06d}",
        id_start=10001,
        unknown_customer_id="099871",
        invoice_prefix="RE",
        credit_prefix="GS",
        regions={
            "Süd": (0.30, (("DE", 1.0),)),
            "West": (0.26, (("DE", 1.0),)),
            "Nord": (0.17, (("DE", 1.0),)),
            "Ost": (0.15, (("DE", 1.0),)),
            "DACH-Ausland": (0.12, (("AT", 0.6), ("CH", 0.4))),
        },
        industries={
            "Automobilzulieferer": 0.26,
            "Lebensmitteltechnik": 0.16,
            "Verpackung": 0.15,
            "Medizintechnik": 0.12,
            "Energietechnik": 0.12,
            "Chemie und Pharma": 0.10,
            "Logistik und Intralogistik": 0.09,
        },
        industry_mix={
            "Automobilzulieferer": (1.2, 1.3, 1.0, 0.8, 0.4),
            "Lebensmitteltechnik": (0.8, 1.0, 0.9, 1.2, 0.8),
            "Verpackung": (1.0, 1.2, 1.3, 1.0, 0.6),
            "Medizintechnik": (0.6, 0.8, 1.4, 0.9, 0.7),
            "Energietechnik": (1.4, 1.1, 0.5, 1.0, 1.0),
            "Chemie und Pharma": (0.7, 0.9, 0.6, 1.3, 1.1),
            "Logistik und Intralogistik": (0.9, 1.4, 1.2, 0.9, 0.5),
        },
        product_groups=_DE_GROUPS,
        account_managers={
            "Süd": "Maria Huber",
            "West": "Thomas Becker",
            "Nord": "Jan Petersen",
            "Ost": "Sabine Krause",
            "DACH-Ausland": "Lukas Gruber",
        },
        key_account_manager="Andrea Vogel",
        median_revenue=26000.0,
        sigma=1.45,
        key_account_ranks=(0, 1, 3, 4, 6),
        strong_unflagged_rank=2,
        weak_key_account_rank=38,
        loss_rate=0.075,
        win_rate=0.05,
        n_without_sales=6,
        n_prospects=8,
        seasonality=(0.93, 1.02, 1.12, 1.06, 1.05, 1.09, 0.98, 0.62, 1.08, 1.10, 1.12, 0.83),
        credit_note_share=0.015,
        duplicate_share=0.0015,
        workshop_date=dt.date(2026, 5, 20),
        touchpoint_rounds=(dt.date(2025, 10, 15), dt.date(2026, 4, 22)),
        n_rated=70,
        top_boost=1.5,
    ),
    "demo-components": DemoSpec(
        key="demo-components",
        seed=20260930,
        name="Northwind Components Ltd",
        language="en",
        as_of=dt.date(2026, 9, 30),
        consultant_firm="Meridian Sales Advisory",
        n_customers=360,
        id_format="C{:05d}",
        id_start=1001,
        unknown_customer_id="C09917",
        invoice_prefix="INV",
        credit_prefix="CN",
        regions={
            "UK North": (0.24, (("GB", 1.0),)),
            "UK Midlands": (0.20, (("GB", 1.0),)),
            "UK South": (0.22, (("GB", 1.0),)),
            "Ireland": (0.16, (("IE", 1.0),)),
            "Benelux & Nordics": (0.18, (("NL", 0.4), ("BE", 0.2), ("SE", 0.25), ("DK", 0.15))),
        },
        industries={
            "Automotive": 0.20,
            "Food & Beverage": 0.18,
            "Packaging": 0.14,
            "Medical Devices": 0.12,
            "Energy": 0.12,
            "Aerospace": 0.10,
            "Agricultural Machinery": 0.14,
        },
        industry_mix={
            "Automotive": (1.3, 1.0, 1.2, 0.8, 0.4),
            "Food & Beverage": (0.9, 1.4, 0.9, 0.7, 0.8),
            "Packaging": (1.1, 1.0, 1.1, 1.0, 0.6),
            "Medical Devices": (0.8, 1.3, 1.0, 0.4, 1.0),
            "Energy": (1.0, 1.0, 0.8, 1.4, 1.1),
            "Aerospace": (1.2, 1.1, 1.3, 0.9, 1.2),
            "Agricultural Machinery": (1.1, 0.9, 1.2, 1.4, 0.5),
        },
        product_groups=_EN_GROUPS,
        account_managers={
            "UK North": "Rachel Hughes",
            "UK Midlands": "Daniel Clarke",
            "UK South": "Priya Shah",
            "Ireland": "Ciarán Walsh",
            "Benelux & Nordics": "Emma de Vries",
        },
        key_account_manager="Oliver Grant",
        median_revenue=21000.0,
        sigma=1.50,
        key_account_ranks=(0, 2, 3, 5),
        strong_unflagged_rank=1,
        weak_key_account_rank=34,
        loss_rate=0.08,
        win_rate=0.055,
        n_without_sales=5,
        n_prospects=7,
        seasonality=(0.95, 1.03, 1.10, 1.02, 1.04, 1.06, 1.00, 0.70, 1.09, 1.10, 1.09, 0.82),
        credit_note_share=0.014,
        duplicate_share=0.0012,
        workshop_date=dt.date(2026, 8, 26),
        touchpoint_rounds=(dt.date(2026, 1, 20), dt.date(2026, 7, 14)),
        n_rated=64,
        top_boost=2.1,
        account_plan_ranks=(0, 2),
    ),
}
