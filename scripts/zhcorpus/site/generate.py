"""The site as files: the generation stage, before any site builder runs.

``zhcorpus site`` writes a folder (``build/site-src/``) that MkDocs or Zensical
builds as it is, for each edition:

- ``<edition>/docs/``: the hand-written pages of ``docs/`` and every generated
  page (articles, indexes, quotes, speakers, the filled-in home page), already
  in the edition's script, and the search index under ``search/``;
- ``mkdocs.yml`` / ``mkdocs-hant.yml`` (the source's names): the edition's
  configuration, ``docs_dir`` pointing there and the nav explicit (titles
  converted, empty index families left out).

The configurations sit at the folder's top, beside both editions, because
Zensical wants ``docs_dir`` and ``site_dir`` inside the configuration's folder.

Zensical runs no MkDocs hooks or plugins, so nothing it needs may come from
one: the pages are plain files here. The same functions make them as the
classic hooks (hooks.py) call, so a page generator added there appears in both.
Only files whose bytes change are written: a second run over an unchanged
corpus writes nothing, and MkDocs' ``--dirty`` sees only what changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Collection

import pathspec
import yaml
from mkdocs.utils.yaml import yaml_load

from zhcorpus.build import collector
from zhcorpus.files import write_if_changed
from zhcorpus.search import fold

from . import assemble, edition, home, pages, searchindex, settings, webfiles
from .corpus import load_articles
from .names import load_names
from .quotedata import load_quotes

DEFAULT_OUT = Path("build/site-src")
SEARCH_DIR = "search"  # the index sits next to the search page (docs/search.md -> search/)
STAGE_HOOKS = Path(__file__).with_name("stagehooks.py")
# MkDocs leaves out dot-files of docs_dir whatever exclude_docs says; so do we.
_ALWAYS_EXCLUDED = (".*",)


class SiteError(ValueError):
    """The configuration or docs/ cannot make a site (one line: what and where)."""


def load_catalogue(conf: settings.Settings, ed: str) -> tuple[pages.Catalogue, list]:
    """Everything the pages are made from, for one edition; and the articles as
    the corpus has them (the search index keeps the Simplified text too)."""
    fold.cache_table_in(conf.cache_dir)
    with collector.paused():
        articles = load_articles(conf.articles_dir, conf.cache_dir)
        names = load_names(conf.taxonomy_file, conf.speakers_file, conf.extended_speakers_file)
        quotes = load_quotes(conf.quotes_file)
    return pages.Catalogue(edition.as_printed(articles, ed), names, quotes, edition=ed), articles


def generated_pages(cat: pages.Catalogue, site_url: str | None, hand_written: Collection[str],
                    home_markdown: str | None, timeline_days: tuple[str, ...]) -> dict[str, str]:
    """src_uri -> Markdown of every generated page, before the edition's conversion.
    The home page is hand-written around what the corpus fills in."""
    generated = assemble.all_pages(cat, site_url)
    for src_uri in generated:
        if src_uri in hand_written:
            # A hand-written page would silently shadow generated data.
            raise SiteError(f"zhcorpus: docs/{src_uri} collides with a generated page")
    if home_markdown is not None:
        generated["index.md"] = home.fill(home_markdown, cat, timeline_days)
    return generated


def edition_site_url(site_url: str, ed: str) -> str:
    """The Traditional edition lives at the same address plus zh-Hant/: canonical
    links, citations and its 404 page point into it."""
    if ed != edition.HANT or site_url.rstrip("/").endswith("/" + edition.HANT_DIR):
        return site_url
    return site_url.rstrip("/") + f"/{edition.HANT_DIR}/"


@dataclass
class Stage:
    """One edition's generated files and what this run did to them."""

    edition: str
    config_file: Path
    pages: int  # Markdown pages in docs/
    written: int  # files whose bytes changed (search index not counted)
    removed: int  # files no longer made


def edition_configs(config_file: Path) -> dict[str, Path]:
    """Each edition's source configuration: mkdocs.yml and the one it names."""
    raw = read_config(config_file)
    name = (raw.get("extra", {}).get("zhcorpus") or {}).get("hant_config") or "mkdocs-hant.yml"
    return {edition.HANS: config_file, edition.HANT: config_file.parent / name}


def read_config(config_file: Path) -> dict[str, Any]:
    """The configuration as MkDocs reads it (``!ENV`` resolved, ``INHERIT`` merged)."""
    try:
        with open(config_file, "rb") as fh:
            return yaml_load(fh)
    except OSError as error:
        raise SiteError(f"{config_file}: cannot be read ({error.strerror or error})") from None


def generate(out_dir: Path = DEFAULT_OUT, config_file: Path = Path("mkdocs.yml"),
             editions: Collection[str] = (edition.HANS, edition.HANT), site_dir: Path | None = None) -> list[Stage]:
    """Write each edition into ``out_dir``; see the module's docstring.
    ``site_dir``: where the built site goes (the Traditional edition in its
    zh-Hant/), instead of the configuration's ``site_dir``: Zensical has no ``-d``."""
    sources = edition_configs(Path(config_file).resolve())
    return [generate_edition(sources[ed], Path(out_dir).resolve(), site_dir) for ed in sources if ed in editions]


def source_settings(source: Path) -> tuple[str, settings.Settings]:
    """The edition and our settings of a source configuration (mkdocs.yml)."""
    raw = read_config(source)
    shim = SimpleNamespace(config_file_path=str(source), extra=raw.get("extra") or {})
    return edition.of(shim), settings.load(shim)


def generate_edition(source: Path, root: Path, site_dir: Path | None = None) -> Stage:
    raw = read_config(source)
    ed, conf = source_settings(source)
    docs_dir = source.parent / raw.get("docs_dir", "docs")
    hand_written = _hand_written(docs_dir, raw.get("exclude_docs") or "")
    home_md = hand_written["index.md"].decode("utf-8") if "index.md" in hand_written else None
    cat, articles = load_catalogue(conf, ed)
    site_url = edition_site_url(raw.get("site_url") or "", ed)
    made = generated_pages(cat, site_url, hand_written.keys() - {"index.md"}, home_md, conf.timeline_days)
    made.update(webfiles.pages(cat, conf, source.parent))  # the data page
    files: dict[str, bytes] = dict(hand_written)
    for src_uri, markdown in made.items():
        files[src_uri] = markdown.encode("utf-8")
    site_name = str(raw.get("site_name") or "")
    files.update(webfiles.static(cat, conf, source.parent, site_url,  # feeds and downloads, as bytes
                                 edition.text(site_name, ed) if ed == edition.HANT else site_name))
    out_docs = root / ed / "docs"
    written = 0
    for src_uri, data in sorted(files.items()):
        if src_uri.endswith(".md"):
            data = edition.finish_markdown(data.decode("utf-8"), ed).encode("utf-8")
        written += write_if_changed(out_docs / src_uri, data)
    removed = _remove_unmade(out_docs, files.keys())
    with collector.paused():
        searchindex.build(cat, articles, ed, out_docs / SEARCH_DIR, conf.cache_dir, in_place=True)
    left_out = assemble.empty_indexes(cat)
    if site_dir is not None:
        raw["site_dir"] = str(Path(site_dir).resolve() / (edition.HANT_DIR if ed == edition.HANT else ""))
    stage_config = edition_config(raw, source, root, ed, site_url, left_out, conf)
    written += write_if_changed(root / source.name, stage_config)
    return Stage(ed, root / source.name, sum(1 for uri in files if uri.endswith(".md")), written, removed)


def _hand_written(docs_dir: Path, exclude_docs: str) -> dict[str, bytes]:
    """docs/ as MkDocs would publish it: src_uri -> bytes, excluded files left out."""
    spec = pathspec.GitIgnoreSpec.from_lines([*_ALWAYS_EXCLUDED, *exclude_docs.splitlines()])
    out = {}
    for path in sorted(docs_dir.rglob("*")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if path.is_file() and not spec.match_file(src_uri):
            out[src_uri] = path.read_bytes()
    return out


def _remove_unmade(out_docs: Path, made: Collection[str]) -> int:
    """Pages of an earlier run that this one did not make (an article gone from
    the corpus); the search index folder is searchindex's to keep."""
    removed = 0
    if not out_docs.is_dir():
        return removed
    for path in sorted(out_docs.rglob("*")):
        src_uri = path.relative_to(out_docs).as_posix()
        if path.is_file() and src_uri not in made and not src_uri.startswith(SEARCH_DIR + "/"):
            path.unlink()
            removed += 1
    return removed


def edition_config(raw: dict[str, Any], source: Path, root: Path, ed: str, site_url: str,
                   left_out: set[str], conf: settings.Settings) -> str:
    """The edition's configuration in the generated folder: the source's settings,
    paths made relative to the folder, nav converted, no hooks but the thin ones."""
    def rel(path: str | Path) -> str:
        return Path(os.path.relpath(source.parent / path, root)).as_posix()

    config = {k: v for k, v in raw.items() if k not in ("INHERIT", "hooks", "watch")}
    config["site_name"] = edition.text(raw.get("site_name") or "", ed)
    if raw.get("site_description"):
        config["site_description"] = edition.text(raw["site_description"], ed)
    config["site_url"] = site_url
    config["docs_dir"] = f"{ed}/docs"
    config["site_dir"] = rel(raw.get("site_dir") or "site")
    theme = dict(raw.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = rel(theme["custom_dir"])
    config["theme"] = theme
    extra = dict(raw.get("extra") or {})
    extra["zhcorpus"] = {"edition": ed, "source_config": rel(source.name)}
    config["extra"] = extra
    if raw.get("nav"):
        config["nav"] = _nav_text(assemble.nav_without(raw["nav"], left_out), ed)
    if not raw.get("plugins"):
        # Said explicitly, not `plugins: []`: Zensical turns its own search on
        # unless told, and it would index every page's full text (see mkdocs.yml).
        config["plugins"] = [{"search": {"enabled": False}}]
    config["hooks"] = [rel(STAGE_HOOKS)]
    # `mkdocs serve` on this folder regenerates it (stagehooks.py) when these change.
    inputs = [conf.corpus_dir, conf.taxonomy_file, conf.speakers_file, raw.get("docs_dir", "docs"), source.name]
    config["watch"] = list(dict.fromkeys(rel(w) for w in [*(raw.get("watch") or []), *inputs]))
    header = (f"# Written by `zhcorpus site` from {source.name}: edit that, not this file.\n"
              f"# Build: mkdocs build -f {source.name} (or: zensical build -f {source.name})\n")
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def _nav_text(nav: list[Any], ed: str) -> list[Any]:
    """Nav titles come from the config, not from Markdown: converted here."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            out.append({edition.text(title, ed): _nav_text(value, ed) if isinstance(value, list) else value})
        else:
            out.append(item)
    return out
