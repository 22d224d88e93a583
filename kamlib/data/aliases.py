"""Canonical tables and columns of a client folder, and the header aliases.

One :class:`TableSpec` per input table (DESIGN.md "Canonical columns"). Each
:class:`ColumnSpec` says the canonical English name, the value kind, whether the
column is required, allowed ranges/values and the German/English header names
accepted when reading. Header matching ignores case, spaces, dots, hyphens,
underscores, slashes, brackets, the euro sign and German umlaut spelling
(``Außendienst`` = ``Aussendienst``), see :func:`normalise_header`.

Template header labels (``kam new``) are accepted as aliases as well, so a
filled-in template always reads back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

#: value kinds a column can have
KINDS = ("id", "str", "date", "money", "float", "int", "bool", "cat")


@dataclass(frozen=True)
class ColumnSpec:
    """One canonical column.

    ``kind``: id (string key, leading zeros kept), str, date, money (float,
    currency units), float, int, bool, cat (one of ``allowed``).
    ``min``/``max``: inclusive range for numbers. ``value_aliases`` maps
    accepted spellings (normalised) of a ``cat`` value to the canonical value.
    """

    name: str
    kind: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    allowed: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)
    #: example value for the template (canonical text form)
    example: str = ""


@dataclass(frozen=True)
class TableSpec:
    """One input table; ``required`` tables must exist in every client folder."""

    name: str
    columns: tuple[ColumnSpec, ...]
    required: bool = False

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> ColumnSpec:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


_CUSTOMER_ID_ALIASES = (
    "customer_id",
    "Kundennummer",
    "Kunden-Nr.",
    "Kundennr",
    "Kunden-ID",
    "Kd-Nr.",
    "KdNr",
    "Kundenkonto",
    "Debitor",
    "Debitorennummer",
    "Debitoren-Nr.",
    "Debitorenkonto",
    "Kontonummer",
    "customer no",
    "customer number",
    "customer id",
    "customer account",
    "account number",
    "account no",
    "account id",
    "client id",
    "debtor",
    "debtor no",
)

_SCALE_1_5 = {"min": 1.0, "max": 5.0}

TABLES: dict[str, TableSpec] = {
    "customers": TableSpec(
        "customers",
        required=True,
        columns=(
            ColumnSpec("customer_id", "id", True, _CUSTOMER_ID_ALIASES, example="10001"),
            ColumnSpec(
                "name",
                "str",
                True,
                (
                    "Kundenname",
                    "Firma",
                    "Firmenname",
                    "Name 1",
                    "Name",
                    "Kurzname",
                    "customer_name",
                    "customer name",
                    "company",
                    "company name",
                    "account name",
                ),
                example="Muster GmbH",
            ),
            ColumnSpec(
                "industry",
                "str",
                aliases=("Branche", "Industrie", "Wirtschaftszweig", "sector", "industry segment"),
                example="Maschinenbau",
            ),
            ColumnSpec(
                "region",
                "str",
                aliases=(
                    "Region",
                    "Gebiet",
                    "Verkaufsgebiet",
                    "Vertriebsgebiet",
                    "sales region",
                    "territory",
                ),
                example="Süd",
            ),
            ColumnSpec(
                "country",
                "str",
                aliases=("Land", "Staat", "Länderkennzeichen", "country code"),
                example="DE",
            ),
            ColumnSpec(
                "is_key_account",
                "bool",
                aliases=(
                    "Key Account",
                    "KA",
                    "Key-Account-Kunde",
                    "Schlüsselkunde",
                    "key account flag",
                ),
                example="ja",
            ),
            ColumnSpec(
                "account_manager",
                "str",
                aliases=(
                    "Betreuer",
                    "Kundenbetreuer",
                    "Außendienst",
                    "Außendienstmitarbeiter",
                    "ADM",
                    "Vertriebsmitarbeiter",
                    "Verkäufer",
                    "Key Account Manager",
                    "KAM",
                    "sales rep",
                    "account owner",
                ),
                example="A. Beispiel",
            ),
            ColumnSpec(
                "customer_since",
                "date",
                aliases=(
                    "Kunde seit",
                    "Anlagedatum",
                    "Erstauftrag",
                    "customer since",
                    "first order date",
                ),
                example="2015-04-01",
            ),
            ColumnSpec(
                "potential",
                "money",
                aliases=(
                    "Potenzial",
                    "Potential",
                    "Kundenpotenzial",
                    "Bedarf",
                    "Jahresbedarf",
                    "Jahrespotenzial",
                    "annual potential",
                    "annual demand",
                    "demand",
                    "wallet",
                ),
                min=0.0,
                example="250000",
            ),
        ),
    ),
    "sales": TableSpec(
        "sales",
        required=True,
        columns=(
            ColumnSpec(
                "date",
                "date",
                True,
                (
                    "Rechnungsdatum",
                    "Belegdatum",
                    "Fakturadatum",
                    "Buchungsdatum",
                    "Datum",
                    "invoice date",
                    "document date",
                    "posting date",
                    "billing date",
                ),
                example="2025-03-14",
            ),
            ColumnSpec(
                "customer_id",
                "id",
                True,
                (
                    *_CUSTOMER_ID_ALIASES,
                    "Kunde",
                    "Auftraggeber",
                    "customer",
                    "sold-to",
                    "sold to party",
                ),
                example="10001",
            ),
            ColumnSpec(
                "net_revenue",
                "money",
                True,
                (
                    "Umsatz",
                    "Nettoumsatz",
                    "Umsatz netto",
                    "Netto",
                    "Nettobetrag",
                    "Nettowert",
                    "Erlös",
                    "Erlöse",
                    "Umsatzerlöse",
                    "Betrag",
                    "revenue",
                    "net revenue",
                    "net sales",
                    "sales",
                    "net amount",
                    "amount",
                    "net value",
                ),
                example="1250.50",
            ),
            ColumnSpec(
                "contribution_margin",
                "money",
                aliases=(
                    "Deckungsbeitrag",
                    "DB",
                    "DB1",
                    "DB I",
                    "Rohertrag",
                    "Marge",
                    "Rohgewinn",
                    "margin",
                    "contribution margin",
                    "gross margin",
                    "gross profit",
                    "CM",
                ),
                example="410.20",
            ),
            ColumnSpec(
                "invoice_id",
                "str",
                aliases=(
                    "Rechnungsnummer",
                    "Rechnungs-Nr.",
                    "Rechnung",
                    "Belegnummer",
                    "Beleg-Nr.",
                    "Beleg",
                    "Fakturanummer",
                    "invoice",
                    "invoice no",
                    "invoice number",
                    "document number",
                    "document no",
                ),
                example="RE-2025-0001",
            ),
            ColumnSpec(
                "line_no",
                "int",
                aliases=(
                    "Position",
                    "Pos.",
                    "Positionsnummer",
                    "Belegposition",
                    "Zeile",
                    "line",
                    "line no",
                    "line number",
                    "item no",
                    "invoice line",
                ),
                min=0.0,
                example="1",
            ),
            ColumnSpec(
                "article_id",
                "str",
                aliases=(
                    "Artikelnummer",
                    "Artikel-Nr.",
                    "Artikel",
                    "Material",
                    "Materialnummer",
                    "article",
                    "article no",
                    "article number",
                    "product id",
                    "product number",
                    "SKU",
                ),
                example="A-4711",
            ),
            ColumnSpec(
                "product_group",
                "str",
                aliases=(
                    "Warengruppe",
                    "Produktgruppe",
                    "Artikelgruppe",
                    "Produktkategorie",
                    "Sparte",
                    "product group",
                    "product category",
                    "category",
                ),
                example="Ersatzteile",
            ),
            ColumnSpec(
                "quantity",
                "float",
                aliases=(
                    "Menge",
                    "Anzahl",
                    "Stück",
                    "Stk",
                    "Liefermenge",
                    "Fakturamenge",
                    "qty",
                    "units",
                ),
                example="10",
            ),
        ),
    ),
    "activities": TableSpec(
        "activities",
        columns=(
            ColumnSpec(
                "customer_id",
                "id",
                True,
                (*_CUSTOMER_ID_ALIASES, "Kunde", "customer"),
                example="10001",
            ),
            ColumnSpec(
                "year",
                "int",
                True,
                ("Jahr", "Geschäftsjahr", "fiscal year"),
                min=1990,
                max=2100,
                example="2025",
            ),
            ColumnSpec(
                "visits",
                "int",
                aliases=("Besuche", "Kundenbesuche", "Besuchsanzahl", "visit count"),
                min=0,
                example="6",
            ),
            ColumnSpec(
                "calls", "int", aliases=("Anrufe", "Telefonate", "phone calls"), min=0, example="24"
            ),
            ColumnSpec(
                "orders",
                "int",
                aliases=("Aufträge", "Bestellungen", "Auftragsanzahl", "order count"),
                min=0,
                example="35",
            ),
            ColumnSpec(
                "deliveries",
                "int",
                aliases=("Lieferungen", "Lieferscheine", "shipments"),
                min=0,
                example="40",
            ),
            ColumnSpec(
                "complaints",
                "int",
                aliases=("Reklamationen", "Beschwerden", "claims"),
                min=0,
                example="2",
            ),
            ColumnSpec(
                "returns",
                "int",
                aliases=("Retouren", "Rücksendungen", "Rücklieferungen"),
                min=0,
                example="1",
            ),
            ColumnSpec(
                "quotes", "int", aliases=("Angebote", "offers", "quotations"), min=0, example="12"
            ),
        ),
    ),
    "ratings": TableSpec(
        "ratings",
        columns=(
            ColumnSpec(
                "customer_id",
                "id",
                True,
                (*_CUSTOMER_ID_ALIASES, "Kunde", "customer"),
                example="10001",
            ),
            ColumnSpec(
                "criterion",
                "str",
                True,
                ("Kriterium", "Merkmal", "Bewertungskriterium"),
                example="chemistry",
            ),
            ColumnSpec(
                "rating",
                "int",
                True,
                ("Bewertung", "Note", "Punkte", "Wert", "score", "value"),
                example="4",
                **_SCALE_1_5,
            ),
            ColumnSpec(
                "rated_on",
                "date",
                aliases=("bewertet am", "Bewertungsdatum", "Datum", "date"),
                example="2025-05-20",
            ),
            ColumnSpec(
                "rated_by",
                "str",
                aliases=("bewertet von", "Bewerter", "rater", "rated by"),
                example="A. Beispiel",
            ),
        ),
    ),
    "contacts": TableSpec(
        "contacts",
        columns=(
            ColumnSpec(
                "customer_id",
                "id",
                True,
                (*_CUSTOMER_ID_ALIASES, "Kunde", "customer"),
                example="10001",
            ),
            ColumnSpec(
                "contact_name",
                "str",
                True,
                (
                    "Ansprechpartner",
                    "Kontakt",
                    "Kontaktperson",
                    "Name",
                    "contact",
                    "contact person",
                    "person",
                ),
                example="Dr. Erika Muster",
            ),
            ColumnSpec(
                "role",
                "cat",
                True,
                ("Rolle", "Rolle im Buying Center", "buying center role", "function"),
                allowed=("decider", "buyer", "user", "influencer", "gatekeeper"),
                value_aliases={
                    "entscheider": "decider",
                    "decisionmaker": "decider",
                    "einkaeufer": "buyer",
                    "einkauf": "buyer",
                    "anwender": "user",
                    "nutzer": "user",
                    "beeinflusser": "influencer",
                    "influencer": "influencer",
                    "pfoertner": "gatekeeper",
                    "informationsfilter": "gatekeeper",
                },
                example="decider",
            ),
            ColumnSpec(
                "influence",
                "int",
                aliases=("Einfluss", "Einflussstärke"),
                example="5",
                **_SCALE_1_5,
            ),
            ColumnSpec(
                "attitude",
                "int",
                aliases=("Einstellung", "Haltung", "Einstellung zu uns"),
                min=-2,
                max=2,
                example="1",
            ),
            ColumnSpec(
                "relationship",
                "int",
                aliases=("Beziehung", "Beziehungsqualität", "relationship quality"),
                example="3",
                **_SCALE_1_5,
            ),
            ColumnSpec(
                "last_contact",
                "date",
                aliases=("letzter Kontakt", "Kontakt am", "last contacted"),
                example="2025-06-02",
            ),
        ),
    ),
    "touchpoints": TableSpec(
        "touchpoints",
        columns=(
            ColumnSpec(
                "touchpoint",
                "str",
                True,
                ("Kontaktpunkt", "Touchpoint", "Berührungspunkt"),
                example="Angebotserstellung",
            ),
            ColumnSpec(
                "phase",
                "str",
                True,
                ("Phase", "Kaufphase", "journey phase", "stage"),
                example="Angebot",
            ),
            ColumnSpec("channel", "str", aliases=("Kanal", "Medium"), example="E-Mail"),
            ColumnSpec(
                "owner",
                "str",
                aliases=("Verantwortlich", "Verantwortlicher", "Zuständig", "responsible"),
                example="Innendienst",
            ),
            ColumnSpec(
                "segment",
                "str",
                aliases=("Segment", "Kundensegment", "customer segment"),
                example="A-Kunden",
            ),
            ColumnSpec(
                "importance",
                "int",
                True,
                ("Wichtigkeit", "Bedeutung", "Relevanz", "weight"),
                example="5",
                **_SCALE_1_5,
            ),
            ColumnSpec(
                "ist",
                "int",
                True,
                ("Ist", "Ist-Wert", "Ist-Zustand", "current", "as is", "current score"),
                example="2",
                **_SCALE_1_5,
            ),
            ColumnSpec(
                "soll",
                "int",
                True,
                ("Soll", "Soll-Wert", "Soll-Zustand", "target", "to be", "target score"),
                example="4",
                **_SCALE_1_5,
            ),
            ColumnSpec(
                "round",
                "date",
                aliases=("Runde", "Erhebung", "Erhebungsdatum", "Datum", "survey date", "date"),
                example="2025-05-20",
            ),
            ColumnSpec("measure", "str", aliases=("Maßnahme", "Maßnahmen", "action")),
            ColumnSpec("due", "date", aliases=("Termin", "fällig am", "due date")),
            ColumnSpec("kpi", "str", aliases=("Kennzahl", "KPI", "Messgröße")),
        ),
    ),
    "lost_reasons": TableSpec(
        "lost_reasons",
        columns=(
            ColumnSpec(
                "customer_id",
                "id",
                True,
                (*_CUSTOMER_ID_ALIASES, "Kunde", "customer"),
                example="10001",
            ),
            ColumnSpec(
                "reason",
                "str",
                True,
                ("Verlustgrund", "Grund", "Ursache", "lost reason", "loss reason"),
                example="Preis",
            ),
            ColumnSpec(
                "lost_on",
                "date",
                aliases=("verloren am", "Verlustdatum", "Datum", "lost date", "date"),
                example="2025-02-28",
            ),
            ColumnSpec(
                "note",
                "str",
                aliases=("Notiz", "Bemerkung", "Kommentar", "Anmerkung", "comment", "remark"),
                example="Wettbewerber 8 % günstiger",
            ),
        ),
    ),
}

#: the touchpoint table: the workshop appends rating rounds to it (kamlib.touchpoint_rounds)
TOUCHPOINT_TABLE = "touchpoints"
#: tables in the order they are loaded and reported
TABLE_ORDER = (
    "customers",
    "sales",
    "activities",
    "ratings",
    "contacts",
    "touchpoints",
    "lost_reasons",
)

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e"})
# characters ignored when comparing headers (DESIGN.md: case, spaces, dots, hyphens)
_IGNORED = re.compile(r"[\s._\-/()\[\]{}:#'\"€*]+")
_UNIT_SUFFIX = re.compile(r"(ineur|eur|euro|€)$")


def normalise_header(text: object) -> str:
    """Comparison key of a header cell: ``"Kunden-Nr."`` -> ``"kundennr"``."""
    s = str(text).strip().lower().replace("\ufeff", "").translate(_UMLAUTS)
    return _IGNORED.sub("", s)


def _template_labels(table: str, column: str) -> tuple[str, ...]:
    # lazy import: messages import nothing from here, but keep the module light
    from kamlib.messages import all_languages_texts

    return all_languages_texts(f"data.col.{table}.{column}")


@cache
def alias_map(table: str) -> dict[str, str]:
    """Normalised header -> canonical column for ``table`` (canonical names included)."""
    spec = TABLES[table]
    out: dict[str, str] = {}
    for col in spec.columns:
        for alias in (col.name, *col.aliases, *_template_labels(table, col.name)):
            out.setdefault(normalise_header(alias), col.name)
    return out


def match_header(table: str, header: object) -> str | None:
    """Canonical column for a header cell, or None when it is not known."""
    key = normalise_header(header)
    if not key:
        return None
    amap = alias_map(table)
    if key in amap:
        return amap[key]
    # "Umsatz EUR", "Umsatz in EUR": a currency unit after the name
    stripped = _UNIT_SUFFIX.sub("", key)
    if stripped and stripped != key:
        return amap.get(stripped)
    return None


def all_aliases(table: str) -> dict[str, list[str]]:
    """Canonical column -> every accepted header spelling (for the docs)."""
    spec = TABLES[table]
    return {
        c.name: list(dict.fromkeys((c.name, *c.aliases, *_template_labels(table, c.name))))
        for c in spec.columns
    }
