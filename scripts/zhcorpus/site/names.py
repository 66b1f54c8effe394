"""Display names for event, theme and speaker ids.

Read from seeds/taxonomy.yml (``events:``/``themes:``/``outlets:``, each a
mapping ``id: {zh_hans, zh_hant, en, ...}``) and seeds/speakers.yml
(``speakers:``, either such a mapping or a list of entries with an ``id``),
overlaid with corpus/speakers.yml: the build extends the seed registry with
the speakers it found in quotes, and those need names and pages too. A missing
file or entry is not an error: the page shows the id instead, so the site can
be built before the taxonomy is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zhcorpus.reading.readers import load_yaml


@dataclass
class Names:
    # family ("events", "themes", "speakers") -> id -> entry mapping
    entries: dict[str, dict[str, dict]] = field(default_factory=dict)

    def entry(self, family: str, ident: str) -> dict:
        value = self.entries.get(family, {}).get(ident)
        return value if isinstance(value, dict) else {}

    def zh(self, family: str, ident: str) -> str:
        return str(self.entry(family, ident).get("zh_hans") or ident)

    def en(self, family: str, ident: str) -> str | None:
        value = self.entry(family, ident).get("en")
        return str(value) if value else None


def _read_yaml(path: Path) -> dict:
    if not path.is_file():
        return {}
    data = load_yaml(path.read_text(encoding="utf-8"))  # libyaml: each edition reads these every build
    return data if isinstance(data, dict) else {}


def _by_id(value) -> dict:
    """Accept ``{id: entry}`` or ``[{id: ..., ...}]``."""
    if isinstance(value, list):
        return {str(e["id"]): e for e in value if isinstance(e, dict) and e.get("id")}
    return value if isinstance(value, dict) else {}


def load_names(taxonomy_file: Path, speakers_file: Path, extended_speakers: Path | None = None) -> Names:
    """``extended_speakers`` (corpus/speakers.yml) wins over the seed registry by id."""
    taxonomy = _read_yaml(taxonomy_file)
    speakers = dict(_by_id(_read_yaml(speakers_file).get("speakers")))
    if extended_speakers is not None:
        speakers.update(_by_id(_read_yaml(extended_speakers).get("speakers")))
    entries = {
        "events": _by_id(taxonomy.get("events")),
        "themes": _by_id(taxonomy.get("themes")),
        "outlets": _by_id(taxonomy.get("outlets")),
        "speakers": speakers,
    }
    return Names({k: v for k, v in entries.items() if isinstance(v, dict)})
