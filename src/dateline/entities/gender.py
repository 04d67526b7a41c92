"""The sex a title or a given name says of a person ("Mr", "Miss"; "John", "Kathryn"), to keep apart
relatives that news calls by one surname ("Mr Smith" the brother, "Miss Smith" the sister).

Given names from data/entities_given_gender.tsv (built by scripts/build_given_gender.py from the first-name
dictionary the PyPI package gender-guesser 0.4.0 ships); only names the dictionary gives one sex without
doubt, so an unknown or unisex name ("Chris", "Lee") says nothing and blocks nothing."""

from __future__ import annotations

import functools

from .names import DATA_DIR, fold

MALE, FEMALE = "M", "F"
# canonical titles (spans.canonical_title) that say the sex of the person they precede
_TITLE_SEX = {
    "mr": MALE, "mister": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE, "father": MALE,
    "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "lady": FEMALE, "dame": FEMALE, "queen": FEMALE,
    "princess": FEMALE, "madam": FEMALE, "madame": FEMALE,
}


@functools.lru_cache(maxsize=1)
def _given_sex() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA_DIR / "entities_given_gender.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split("\t")[:2]
            out[name] = sex
    return out


def title_sex(title: str | None) -> str | None:
    """"M" or "F" for a title that says it ("Mr", "Mrs", "Miss", "Sir"); None for "Dr", "Judge", none."""
    if not title:
        return None
    return _TITLE_SEX.get(title.strip().rstrip(".").lower())


def given_sex(token: str) -> str | None:
    """"M" or "F" for a given name the dictionary gives one sex; None when unknown or unisex."""
    return _given_sex().get(fold(token))


def sex_clash(sex: str | None, given: str) -> bool:
    """A person of ``sex`` (from a title) cannot bear the given name ``given`` (a clearly other sex's name)."""
    other = given_sex(given)
    return bool(sex and other and other != sex)
