"""``python -m newsarchive``: the same command as ``newsarchive``."""
import sys

from newsarchive.cli import main

sys.exit(main())
