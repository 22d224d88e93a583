"""``python -m kamlib.demo [FOLDER]``: regenerate the demo clients (overwrites them).

Without ``FOLDER`` the committed files in the checkout's ``client_data/`` are rewritten.
"""

import sys
from pathlib import Path

from kamlib.demo import write_demo_clients
from kamlib.resources import CHECKOUT_ROOT

target = Path(sys.argv[1]) if len(sys.argv) > 1 else CHECKOUT_ROOT / "client_data"
for folder in write_demo_clients(target, overwrite=True):
    print(folder)
