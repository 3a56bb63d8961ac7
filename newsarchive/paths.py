"""Where the project's data lives, whatever the working directory (cron runs us from anywhere)."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = DATA_DIR / "archive.sqlite3"
