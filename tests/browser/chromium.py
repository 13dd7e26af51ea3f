"""Where the system's Chromium is, and where screenshots go."""

import os
import shutil
from pathlib import Path

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "artifacts"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def chromium_available():
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None
