"""``python -m kamlib.demo``: regenerate the committed demo files (overwrites them)."""

from pathlib import Path

from kamlib.demo import write_demo_clients

ROOT = Path(__file__).resolve().parents[2]

for folder in write_demo_clients(ROOT / "client_data", overwrite=True):
    print(folder)
