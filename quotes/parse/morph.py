"""Morphological features of a parsed word (:class:`Morph`), shared per distinct UD
feature string."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Final

__all__ = ["EMPTY_MORPH", "Morph"]


class Morph(Mapping[str, str]):
    """Morphological features, read-only: ``morph["Mood"] == "Sub"``.

    Built from the UD string form ("Mood=Sub|Number=Sing|Person=3|VerbForm=Fin") with
    :meth:`parse`, which returns one shared object per distinct string. Multi-valued
    features keep their UD spelling ("PronType=Art,Prs"); :meth:`values_of` splits them.
    Missing features read as ``""`` through the named accessors.
    """

    __slots__ = ("_features", "_string")

    def __init__(self, features: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        items = sorted(dict(features).items())
        self._features: dict[str, str] = dict(items)
        self._string = "|".join(f"{name}={value}" for name, value in items)

    @staticmethod
    def parse(text: str | None) -> Morph:
        """The features of a UD feature string; ``None``, ``""`` and ``"_"`` are empty."""
        if not text or text == "_":
            return EMPTY_MORPH
        return _parse_morph(text)

    def __getitem__(self, feature: str) -> str:
        return self._features[feature]

    def __iter__(self) -> Iterator[str]:
        return iter(self._features)

    def __len__(self) -> int:
        return len(self._features)

    def __hash__(self) -> int:
        return hash(self._string)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Morph):
            return self._string == other._string
        return super().__eq__(other)

    def __str__(self) -> str:
        return self._string

    def __repr__(self) -> str:
        return f"Morph({self._string!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (Morph.parse, (self._string,))

    def values_of(self, feature: str) -> tuple[str, ...]:
        """The values of a feature, split: ``("Art", "Prs")``; ``()`` when absent."""
        value = self._features.get(feature)
        return tuple(value.split(",")) if value else ()

    # The features the detectors read; each is "" when absent.
    @property
    def mood(self) -> str:
        """ "Ind", "Sub" (Konjunktiv), "Imp" or ""."""
        return self._features.get("Mood", "")

    @property
    def person(self) -> str:
        return self._features.get("Person", "")

    @property
    def number(self) -> str:
        return self._features.get("Number", "")

    @property
    def tense(self) -> str:
        return self._features.get("Tense", "")

    @property
    def verbform(self) -> str:
        """ "Fin", "Inf", "Part" or ""."""
        return self._features.get("VerbForm", "")

    @property
    def case(self) -> str:
        return self._features.get("Case", "")

    @property
    def gender(self) -> str:
        return self._features.get("Gender", "")


EMPTY_MORPH: Final = Morph()


@lru_cache(maxsize=16384)
def _parse_morph(text: str) -> Morph:
    pairs = (part.split("=", 1) for part in text.split("|") if "=" in part)
    return Morph((name, value) for name, value in pairs)
