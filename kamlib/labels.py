"""Shortening client strings for display: a 1 MB customer name must not fill a page.

Used for chart texts, table cells and names in running text. Shortening is for
display only; exports and the analysis keep the full values.
"""

from __future__ import annotations

#: names and categories in running text and table cells
TEXT_CHARS = 120
#: any single line of text in a chart
CHART_CHARS = 90


def shorten(text: object, limit: int = TEXT_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary where one is near.

    ``shorten("Alpha Beta Gamma", 12)`` -> ``"Alpha Beta …"``; text within the
    limit comes back unchanged. Each line of a multi-line text is shortened on its own.
    """
    s = "" if text is None else str(text)
    if len(s) <= limit:
        return s
    if "\n" in s:
        return "\n".join(shorten(line, limit) for line in s.split("\n")[:3])
    cut = s[: limit - 2]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:  # a word boundary in the last third: cut there
        return cut[:space].rstrip() + " …"
    return cut.rstrip() + "…"
