"""Realistic synthetic demo clients (seeded, reproducible).

Two fictional clients exercise every module of the kit:

- ``demo-maschinenbau`` — *Muster Maschinenbau GmbH*, a German mid-sized
  machine/component supplier (language ``de``, customer ids with leading zeros).
- ``demo-components`` — *Northwind Components Ltd*, an Irish/UK components
  supplier selling across the UK, Ireland and northern Europe (language ``en``).

The numbers are built to look like a real B2B business rather than uniform
noise: lognormal customer sizes (the top 20 % hold about three quarters of the
revenue), order frequency growing with size, seasonality with an August and a
late-December dip, growth/decline trends per customer, customers lost and won
every year, credit notes, contribution margins that differ by product group,
and a few deliberate data-quality findings (exact duplicate invoice lines and
lines of a customer id missing from the master).

Everything is a pure function of :class:`DemoSpec` and its seed
(``numpy.random.default_rng``); :func:`write_demo_clients` writes byte-identical
files on every run. Money is in the client's currency (EUR) with 2 decimals;
shares and probabilities are fractions 0-1; ratings are integers 1-5.
"""

from kamlib.demo.files import demo_files, write_demo_clients
from kamlib.demo.generate import make_demo_client
from kamlib.demo.specs import DEMO_CLIENTS, DemoSpec, ProductGroup

__all__ = [
    "DEMO_CLIENTS",
    "DemoSpec",
    "ProductGroup",
    "demo_files",
    "make_demo_client",
    "write_demo_clients",
]
