"""Peak memory grows linearly with the text, and on the rules path stays a small multiple of
the text's own size whatever the marks (issue 9 §2).

Each measure is one ``extract()`` in a fresh interpreter: the growth of its peak resident
size (``ru_maxrss``) over the process with the extractor loaded and warmed up. The tests
compare n and 4n characters (linear growth per character is a ratio of 1; the bound of 2
leaves room for allocator noise) and bound the growth at 4n by a multiple of the text's
own size in memory (``sys.getsizeof``: 2 bytes per character once a „ is in it).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Growth per character at 4n / at n; linear is 1.0, the old Mark-object-per-mark path was
# about 1.0 as well, so this guards against anything worse than linear.
LINEAR_RATIO = 2.0
# Growth at 4n over the text's own size. Measured after the compact marks (2026-12-01):
# 5-19x for runs of bare marks and unmatched openers; the old path was about 100x.
TEXT_MULTIPLE = 40

_MEASURE = """
import json, resource, sys
from quotes import Extractor
backend, case, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
extractor = Extractor(backend)
extractor.extract("Er sagte, es sei gut. „Ja“, sagte sie.")
if case.startswith("bare "):
    text = case[-1] * size
else:
    piece = {
        "unmatched": "Satz hat ein „offenes Zeichen und endet. ",
        "news": "„Es besteht keine Gefahr“, sagte Kremlsprecher Dmitri Peskow der "
        "Agentur Tass. Laut Reuters erklärte US-Außenminister Marco Rubio, man sei bereit."
        "\\n\\n",
    }[case]
    text = (piece * (size // len(piece) + 1))[:size]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
extractor.extract(text)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"growth": (peak - base) * 1024, "text": sys.getsizeof(text)}))
"""


def _growth(backend: str, case: str, size: int) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, backend, case, str(size)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    row = json.loads(out.stdout.strip().splitlines()[-1])
    return max(float(row["growth"]), 1.0), float(row["text"])


@pytest.mark.slow
@pytest.mark.parametrize("case", ["bare „", 'bare "', "bare “", "unmatched", "news"])
def test_rules_memory_is_linear_and_a_small_multiple_of_the_text(case: str) -> None:
    n = 250_000
    small, _ = _growth("rules", case, n)
    large, text_size = _growth("rules", case, 4 * n)
    ratio = (large / (4 * n)) / (small / n)
    assert ratio < LINEAR_RATIO, f"growth {small / 1e6:.1f} MB at n, {large / 1e6:.1f} at 4n"
    assert large < TEXT_MULTIPLE * text_size, (
        f"{large / 1e6:.1f} MB for a text of {text_size / 1e6:.1f} MB"
    )
