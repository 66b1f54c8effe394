"""MkDocs hooks: generate article and index pages from ``corpus/`` at build time.

Registered in mkdocs.yml as ``hooks: [scripts/zhcorpus/site/hooks.py]``. MkDocs
loads this file by path, not as part of the package, so we put ``scripts/`` on
sys.path first; that way the working tree's code is used even when an older
copy of zhcorpus is installed.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from pathlib import Path

_SCRIPTS = str(Path(__file__).resolve().parents[2])
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)

from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.utils import clean_directory  # noqa: E402

from zhcorpus.build import collector  # noqa: E402
from zhcorpus.site import (  # noqa: E402
    assemble, edition, hantbuild, home, pages, searchindex, settings, sources, themetext,
)
from zhcorpus.site import webfiles, webmeta  # noqa: E402  (feeds, downloads, head tags, sitemap dates)
from zhcorpus.build.progress import PageProgress  # noqa: E402
from zhcorpus.search import fold  # noqa: E402
from zhcorpus.site.corpus import load_articles  # noqa: E402
from zhcorpus.site.names import load_names  # noqa: E402
from zhcorpus.site.quotedata import load_quotes  # noqa: E402

log = logging.getLogger("mkdocs.plugins.zhcorpus")

# Material's theme.language "zh" prints <html lang="zh">; each edition says
# precisely which script it is in (screen readers and fonts pick variants by it).
_HTML_TAG_LANG = re.compile(r'<html lang="[^"]*"')
_PARAGRAPH_ID = re.compile(r'<p id="((?:orig-)?p(\d+))"([^>]*)>(.*?)</p>', re.S)
SEARCH_DIR = "search"  # the index sits next to the search page (docs/search.md -> search/)

# State of the current build (MkDocs runs the events of one build in order).
_state: dict = {}


def _progress() -> PageProgress:
    return _state.get("progress") or PageProgress(False)


def on_startup(command, dirty):
    # `mkdocs serve` previews the Simplified edition only (see hantbuild.wanted);
    # `--dirty` renders only the pages whose Markdown changed (see sources.py).
    _state.update(command=command, dirty=dirty, progress=PageProgress.for_command(command))
    hantbuild.watch_parent()  # in the Traditional edition's build: die with the main one


@event_priority(100)
def on_config(config):
    ed = edition.of(config)
    conf = settings.load(config)
    if _state.get("command") != "serve":  # serve renders into a new folder each time
        mirror = sources.folder_for(conf.sources_dir, config.site_dir)
        doubt = sources.doubt(mirror) if _state.get("dirty") else None
        if doubt:
            log.info(f"zhcorpus: {config.site_dir} built from scratch: {doubt}")
            clean_directory(config.site_dir)
        sources.mark_building(mirror)  # until on_post_build has finished
        _state["mirror"] = mirror
    if _state.get("dirty") and hantbuild.wanted(config, _state.get("command")):
        # A dirty build keeps the site folder: the other edition can start now.
        _state["hant_child"] = hantbuild.start(config, dirty=True)
    if ed == edition.HANT:
        # Same address plus zh-Hant/: canonical links, citations and the 404
        # page of this edition point into it.
        if not config.site_url.rstrip("/").endswith("/" + edition.HANT_DIR):
            config.site_url = config.site_url.rstrip("/") + f"/{edition.HANT_DIR}/"
        config.site_name = edition.text(config.site_name, ed)
        config.site_description = edition.text(config.site_description or "", ed) or None
    fold.cache_table_in(conf.cache_dir)
    with collector.paused():
        articles = load_articles(conf.articles_dir, conf.cache_dir)
        names = load_names(conf.taxonomy_file, conf.speakers_file, conf.extended_speakers_file)
        quotes = load_quotes(conf.quotes_file)
    if not articles:
        log.warning(f"zhcorpus: no articles in {conf.articles_dir}; run `zhcorpus build` first")
    catalogue = pages.Catalogue(edition.as_printed(articles, ed), names, quotes, edition=ed)
    _state["left_out"] = assemble.empty_indexes(catalogue)
    if config.nav:
        config.nav = assemble.nav_without(config.nav, _state["left_out"])
    _state.update(settings=conf, catalogue=catalogue, articles=articles, edition=ed)
    _state["web"] = webfiles.page_facts(catalogue, config.site_description or config.site_name)  # web: head tags
    return config


# Material ships lunr stemmers and segmenters for its search plugin, which is
# off (mkdocs.yml): about 1 MB per edition that nothing loads.
_LUNR = "assets/javascripts/lunr/"


def on_files(files, config):
    # MkDocs has cleaned the site folder by now: the other edition can start.
    if "hant_child" not in _state and hantbuild.wanted(config, _state.get("command")):
        _state["hant_child"] = hantbuild.start(config, bool(_state.get("dirty")))
    for file in [f for f in files if f.src_uri.startswith(_LUNR)]:
        files.remove(file)
    generated = assemble.all_pages(_state["catalogue"], config.site_url)
    generated.update(webfiles.pages(_state["catalogue"], _state["settings"], _config_dir(config)))  # web: data page
    for src_uri in generated:
        if files.get_file_from_path(src_uri) is not None:
            # A hand-written page would silently shadow generated data.
            raise ValueError(f"zhcorpus: docs/{src_uri} collides with a generated page")
    # The home page is hand-written around what the corpus fills in: generated
    # like the rest, so a dirty build sees when the corpus changed it.
    hand_written_home = files.get_file_from_path("index.md")
    if hand_written_home is not None:
        generated["index.md"] = home.fill(hand_written_home.content_string, _state["catalogue"],
                                          _state["settings"].timeline_days)
    if _state.get("command") == "serve":
        # serve builds into a new temporary folder each time: nothing to be dirty against.
        made = [File.generated(config, src_uri, content=markdown) for src_uri, markdown in generated.items()]
    else:
        made = sources.materialize(generated, _state["mirror"], config, bool(_state.get("dirty")))
    by_uri = {file.src_uri: file for file in made}
    # The home page keeps its place (first in the sitemap); generated pages follow.
    files = Files([by_uri.pop(f.src_uri, f) for f in files] + list(by_uri.values()))
    _add_web_files(files, config)  # web: feeds and downloads
    if "mirror" in _state and sources.nav_changed(_state["mirror"], _state["left_out"]) and _state.get("dirty"):
        sources.render_again(files.documentation_pages())
    return files


def _config_dir(config) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


def _add_web_files(files, config) -> None:
    # Atom feeds and data downloads (site/webfiles.py): bytes copied as they are.
    made = webfiles.static(_state["catalogue"], _state["settings"], _config_dir(config), config.site_url,
                           config.site_name)
    for path, data in made.items():
        files.append(File.generated(config, path, content=data))


def on_nav(nav, config, files):
    edition.convert_nav(nav.items, _state["edition"])
    themetext.mark_nav(nav.items)  # after converting: the titles as they will show
    progress = _progress()
    if progress.enabled:
        # A dirty build renders only the pages whose Markdown changed.
        todo = [f for f in files.documentation_pages() if not _state.get("dirty") or f.is_modified()]
        _state["pages_to_render"] = len(todo)
        progress.start("Markdown", len(todo))
    return nav


def on_page_markdown(markdown, page, config, files):
    # Hand-written and generated pages alike: the Traditional edition converts here.
    page.meta.update(webmeta.meta_for(_state["web"], page.file.src_uri, markdown, page.meta, config.site_url,
                                      _state["edition"], page.url, config.site_description or ""))  # web: head tags
    return edition.finish_markdown(markdown, _state["edition"])


def _with_permalink(match: re.Match) -> str:
    anchor, number, attrs, inner = match.groups()
    label = ("原文" if anchor.startswith("orig-") else "") + f"第 {number} 段的链接"
    label = edition.text(label, _state["edition"])
    link = f'<a class="zh-plink" href="#{anchor}" title="{label}" aria-label="{label}">¶{number}</a>'
    return f'<p id="{anchor}"{attrs}>{inner} {link}</p>'


def on_page_content(html, page, config, files):
    _progress().step()
    themetext.mark_page(page)
    # Body paragraphs carry {: #pN } anchors; give each a visible link to itself
    # so a reader can cite a paragraph.
    if page.file.src_uri.startswith(settings.ARTICLES_URL + "/"):
        return _PARAGRAPH_ID.sub(_with_permalink, html)
    return html


def _finish_html(output: str) -> str:
    return _HTML_TAG_LANG.sub(f'<html lang="{_state["edition"]}"', output, count=1)


def on_env(env, config, files):
    # Last, so on_config's conversion to Traditional has been done.
    themetext.mark_config(config)
    _progress().start("pages", _state.get("pages_to_render"))
    env.globals["zh_lastmod"] = functools.partial(webmeta.lastmod, _state["web"])  # web: sitemap dates
    return env


def on_post_page(output, page, config):
    _progress().step()
    return _finish_html(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not a page; its text is in the
    # template, so the Traditional edition converts the output.
    return edition.text(_finish_html(output_content), _state["edition"])


# Material loads two scripts from unpkg.com on demand (a ResizeObserver polyfill
# for old browsers, Mermaid for diagrams). The site may call no other host, so
# those become empty data: scripts: old browsers lose a nicety, nothing leaks.
_CDN = "https://unpkg.com/"
_CDN_STANDIN = "data:text/javascript,"


def on_post_build(config):
    for path in Path(config.site_dir, "assets", "javascripts").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        patched = webfiles.without_alternate_fetches(text.replace(_CDN, _CDN_STANDIN))  # web: see webfiles
        if patched != text:
            path.write_text(patched, encoding="utf-8")
    # serve builds into a new temporary folder each time: no index there to update later.
    keep = _state.get("command") != "serve"
    _progress().start("search index", None)
    with collector.paused():
        searchindex.build(_state["catalogue"], _state["articles"], _state["edition"], Path(config.site_dir, SEARCH_DIR),
                          _state["settings"].cache_dir if keep else None, in_place=bool(_state.get("dirty")))
    _progress().close()
    if "hant_child" in _state:
        hantbuild.finish(_state.pop("hant_child"))
    if "mirror" in _state:
        sources.mark_built(_state["mirror"])


def on_build_error(error):
    _progress().close()
    if "hant_child" in _state:
        hantbuild.abandon(_state.pop("hant_child"))
