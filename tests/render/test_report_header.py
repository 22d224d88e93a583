"""report.header: the header band and the metadata the renderer reads."""

from __future__ import annotations

from pathlib import Path

import kamlib
from kamlib import report


def test_header_meta_has_title_client_dates_period_and_firm(tiny_client: Path, capsys):
    client = kamlib.load_client(tiny_client)
    meta = report.deliverable_meta(client, "overview", "en")
    assert meta["module_title"] == "Customer base overview"
    assert meta["client"] == "Tüftel & Söhne GmbH"
    assert meta["as_of"] == "2025-06-30"  # no as_of in client.yaml -> last invoice date
    assert meta["data_period"] == ["2025-01-15", "2025-06-30"]  # first .. last invoice
    assert meta["consultant_firm"] == "Beispiel Beratung GmbH"
    assert meta["consultant_logo"] == str(tiny_client / "firm-logo.png")
    assert meta["client_logo"] is None  # no logo.png in the folder

    markup = report.header(client, "overview", "de")
    assert "Kundenstruktur" in markup and "Tüftel &amp; Söhne GmbH" in markup
    assert "15.01.2025 – 30.06.2025" in markup and 'src="data:image/png;base64,' in markup


def test_helper_markup_is_not_echoed_and_survives_concatenation(capsys):
    joined = report.callout("a") + report.callout("b", "warning")
    assert isinstance(joined, report.Markup) and joined.count("kam-callout") == 2
    assert joined._ipython_display_() is None  # last-line echo in a notebook shows nothing
