"""Every data test gets its own cache folder: nothing is written to ~/.cache."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.mktemp("kam-cache")
    monkeypatch.setenv("KAM_CACHE_DIR", str(cache))
    return cache
