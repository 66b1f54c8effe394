"""Full-text search for the static site: any substring, in either script.

Site use::

    from zhcorpus.search import build_site_index
    build_site_index(Path("corpus"), site_dir / "search", Path("seeds/taxonomy.yml"), Path("corpus/speakers.yml"))

then put ``<div id="search"></div>`` on a page and load ``search/search-ui.js``
as a module: ``mountSearch(element)``. See static/demo.html.
"""

from __future__ import annotations

from pathlib import Path

from .documents import corpus_documents, facet_labels, load_names, name_aliases, read_corpus
from .index import build_index
from .update import update_index

__all__ = ["build_index", "update_index", "build_site_index", "corpus_documents", "read_corpus", "name_aliases",
           "load_names"]


def build_site_index(corpus: Path, out_dir: Path, taxonomy_file: Path, speakers_file: Path) -> dict:
    """The whole pipeline for a built site: corpus -> documents -> index in out_dir."""
    names = load_names(taxonomy_file, speakers_file)
    return build_index(read_corpus(corpus), out_dir, aliases=name_aliases(names), labels=facet_labels(names))
