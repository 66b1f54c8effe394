"""Every Han character of a seed is accounted for.

The ledger counts, per seed, the Han characters that the written articles carry
in their bodies and front-matter fields, and those in the list of dropped
boilerplate (with the reason). It counts what is written, not what segmentation
found (articles.written_texts): a printed text that no field writes, like a
headline a sidecar's title replaced without keeping it, is missing from the
count. Counting is by multiset, in the script as printed, so a character lost
or duplicated anywhere between the seed and the files shows up as unaccounted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from zhcorpus.language.han import han_counts


@dataclass
class SeedLedger:
    seed: str
    in_seed: int
    in_bodies: int
    in_front_matter: int
    dropped: int
    dropped_strings: list[dict[str, str]] = field(default_factory=list)
    unaccounted: dict[str, int] = field(default_factory=dict)   # char -> missing count
    duplicated: dict[str, int] = field(default_factory=dict)    # char -> extra count

    @property
    def balanced(self) -> bool:
        return not self.unaccounted and not self.duplicated

    def as_dict(self) -> dict:
        return {
            "seed": self.seed,
            "han_in_seed": self.in_seed,
            "han_in_bodies": self.in_bodies,
            "han_in_front_matter": self.in_front_matter,
            "han_dropped": self.dropped,
            "dropped": self.dropped_strings,
            "unaccounted": self.unaccounted,
            "duplicated": self.duplicated,
        }


def account(seed: str, seed_text: str, bodies: Iterable[str], front_matter: Iterable[str],
            dropped: Iterable[tuple[str, str]]) -> SeedLedger:
    dropped = list(dropped)
    source = han_counts([seed_text])
    body = han_counts(bodies)
    front = han_counts(front_matter)
    gone = han_counts(text for text, _ in dropped)
    output = body.copy()
    output.update(front)
    output.update(gone)
    # The usual case: skip the two subtractions. Neither holds a zero count, so dict
    # equality is Counter equality, without Counter's element-by-element Python loop.
    balanced = dict.__eq__(source, output)
    return SeedLedger(
        seed=seed,
        in_seed=source.total(),
        in_bodies=body.total(),
        in_front_matter=front.total(),
        dropped=gone.total(),
        dropped_strings=[{"text": text, "why": why} for text, why in dropped],
        unaccounted={} if balanced else dict(sorted((source - output).items())),
        duplicated={} if balanced else dict(sorted((output - source).items())),
    )


def format_ledger(ledgers: list[SeedLedger]) -> str:
    rows = [f"{'seed':<28} {'in seed':>8} {'bodies':>8} {'front':>7} {'dropped':>8}  status"]
    for ledger in ledgers:
        status = "ok" if ledger.balanced else (
            f"UNACCOUNTED {sum(ledger.unaccounted.values())}, DUPLICATED {sum(ledger.duplicated.values())}")
        rows.append(f"{ledger.seed:<28} {ledger.in_seed:>8} {ledger.in_bodies:>8} "
                    f"{ledger.in_front_matter:>7} {ledger.dropped:>8}  {status}")
        for item in ledger.dropped_strings:
            rows.append(f"    dropped {item['text']!r}: {item['why']}")
    return "\n".join(rows)
