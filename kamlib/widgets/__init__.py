"""Workshop mode: ipywidgets panels to tune settings live in JupyterLab and save them.

The generic piece is :class:`SettingsPanel`: a declarative list of controls
bound to dotted paths of the client configuration (``client.yaml`` keys),
a ``compute(config) -> result`` callback (cheap: heavy aggregation is done
once before the panel is built), a ``render(result, saved_result, lang) ->
{section: content}`` callback, an output area redrawn per change, a timing
line and a "Save settings" button that writes the values into ``client.yaml``
through :func:`kamlib.settings_io.save_settings` (backup first, comments kept).

Controls (all paths from the top of ``client.yaml``):

- :class:`WeightGroup` — one slider per criterion of a weight set, each
  showing its normalised share (``portfolio.attractiveness``);
- :class:`Slider` — one number (``portfolio.zone_split.potential``);
- :class:`RangePair` — two ordered cut-offs on one slider, kept strictly
  ascending (``portfolio.abc.cutoffs``); ``descending=True`` for settings
  stored high-to-low (``portfolio.xyz.frequency_cutoffs``);
- :class:`ValueGroup` — independent numbers of a mapping (unit costs);
- :class:`Choice` — one of a few values (``portfolio.abc.basis``).

Sliders use ``continuous_update=False``: a value is sent when the slider is
released, so dragging never queues dozens of recomputations.
:meth:`SettingsPanel.hold` batches several programmatic changes into one.

Reuse for another module — e.g. C-customer unit costs (keys are whatever the
module's settings define in :mod:`kamlib.config`)::

    from kamlib.widgets import SettingsPanel, Slider, ValueGroup

    inputs = c_customers.prepare(client)            # heavy part, once
    panel = SettingsPanel(
        client.config,
        controls=[
            ValueGroup("c_customers.unit_costs", "c_customers.unit_costs_title",
                       min=0, max=500, step=5, label_key="c_customers.activity.{key}"),
            Slider("c_customers.min_margin", "c_customers.min_margin_label", 0, 0.5, 0.01,
                   readout_format=".0%"),
        ],
        compute=lambda cfg: c_customers.compute(inputs, cfg.c_customers),
        render=lambda res, saved, lang: {
            "table": cost_table_html(res, saved, lang),      # str (HTML)
            "chart": cost_to_serve_chart(res, lang),         # matplotlib Figure
        },
        client_dir=client.client_dir,
        lang=lang,
    )
    panel.show()

A module declares its weight sets in its registry entry (``Module.weights`` in
:mod:`kamlib.modules`); :func:`kamlib.settings_io.save_settings` writes those
normalised, and the panel passes its WeightGroup paths itself. The notebook
gets the panel through the registry too: ``get_module(key).workshop_panel(client,
lang, workshop)`` (``Module.panel`` names the factory).

:func:`portfolio_panel` assembles the panel for the strategic portfolio. It
returns ``None`` and creates no widget at all when ``workshop`` is false (the
papermill render), so no widget state or empty widget box reaches a deliverable.
"""

from kamlib.widgets.controls import (
    Choice,
    Control,
    Heading,
    RangePair,
    Slider,
    ValueGroup,
    WeightGroup,
)
from kamlib.widgets.panel import ChartCache, SettingsPanel, Timing
from kamlib.widgets.portfolio import (
    changed_zones,
    portfolio_controls,
    portfolio_panel,
    portfolio_sections,
)

__all__ = [
    "ChartCache",
    "Choice",
    "Control",
    "Heading",
    "RangePair",
    "SettingsPanel",
    "Slider",
    "Timing",
    "ValueGroup",
    "WeightGroup",
    "changed_zones",
    "portfolio_controls",
    "portfolio_panel",
    "portfolio_sections",
]
