"""``python -m quotes``: the same as the ``quotes`` console script."""

import sys

from quotes.cli import main

if __name__ == "__main__":  # guard: worker processes (spawn) import this module too
    sys.exit(main())
