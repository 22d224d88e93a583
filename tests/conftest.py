"""Suite-wide test settings."""

import os

import pytest
from hypothesis import HealthCheck, settings

# A loaded 2-core CI machine must not turn a slow example into a failure
# (DeadlineExceeded); on CI the examples are also fixed, so a red run is reproducible.
settings.register_profile(
    "kam",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
)
settings.load_profile("kam")


@pytest.fixture(autouse=True)
def english_console(monkeypatch):
    """Console messages in English whatever the machine's locale (console_lang's rule);
    a test that checks German output sets KAM_LANG=de itself."""
    monkeypatch.setenv("KAM_LANG", "en")
