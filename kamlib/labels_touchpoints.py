"""Display labels of the touchpoints module, shared by its narrative and its charts."""

from __future__ import annotations

import math

import pandas as pd

from kamlib.analysis.touchpoints import CHANNELS, PHASES
from kamlib.i18n import t


def phase_label(phase: object, lang: str) -> str:
    """Display name of a phase id; an unknown phase as written."""
    if phase is None or phase == "" or (isinstance(phase, float) and math.isnan(phase)):
        return t("touchpoints.phase.none", lang)
    return t(f"touchpoints.phase.{phase}", lang) if phase in PHASES else str(phase)


def channel_label(channel: object, lang: str) -> str:
    """Display name of a channel id; an unknown channel as written."""
    if channel is None or channel == "" or (isinstance(channel, float) and math.isnan(channel)):
        return t("touchpoints.channel.none", lang)
    return t(f"touchpoints.channel.{channel}", lang) if channel in CHANNELS else str(channel)


def touchpoint_labels(tp: pd.DataFrame) -> pd.Series:
    """Touchpoint names; ``name (segment)`` where one name is rated in several segments."""
    names = tp["touchpoint"].astype(str)
    shared = names.duplicated(keep=False) & (tp["segment"].astype(str) != "")
    return names.where(~shared, names + " (" + tp["segment"].astype(str) + ")")
