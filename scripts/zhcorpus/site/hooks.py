"""MkDocs hooks: generate article and index pages from ``corpus/`` at build time.

Registered in mkdocs.yml as ``hooks: [scripts/zhcorpus/site/hooks.py]``. MkDocs
loads this file by path, not as part of the package, so we put ``scripts/`` on
sys.path first; that way the working tree's code is used even when an older
copy of zhcorpus is installed.
"""

from __future__ import annotations

import functools
import logging
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
    assemble, edition, finish, generate, hantbuild, searchindex, settings, sources, themetext,
)
from zhcorpus.site import webfiles, webmeta  # noqa: E402  (feeds, downloads, head tags, sitemap dates)
from zhcorpus.build.progress import PageProgress  # noqa: E402

log = logging.getLogger("mkdocs.plugins.zhcorpus")

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
        config.site_url = generate.edition_site_url(config.site_url, ed)
        config.site_name = edition.text(config.site_name, ed)
        config.site_description = edition.text(config.site_description or "", ed) or None
    catalogue, articles = generate.load_catalogue(conf, ed)
    if not articles:
        log.warning(f"zhcorpus: no articles in {conf.articles_dir}; run `zhcorpus build` first")
    _state["left_out"] = assemble.empty_indexes(catalogue)
    if config.nav:
        config.nav = assemble.nav_without(config.nav, _state["left_out"])
    _state.update(settings=conf, catalogue=catalogue, articles=articles, edition=ed)
    _state["web"] = webfiles.page_facts(catalogue, config.site_description or config.site_name)  # web: head tags
    return config


def on_files(files, config):
    # MkDocs has cleaned the site folder by now: the other edition can start.
    if "hant_child" not in _state and hantbuild.wanted(config, _state.get("command")):
        _state["hant_child"] = hantbuild.start(config, bool(_state.get("dirty")))
    for file in [f for f in files if f.src_uri.startswith(finish.LUNR)]:
        files.remove(file)
    # The home page is hand-written around what the corpus fills in: generated
    # like the rest, so a dirty build sees when the corpus changed it.
    hand_written_home = files.get_file_from_path("index.md")
    generated = generate.generated_pages(
        _state["catalogue"], config.site_url, {f.src_uri for f in files if f.src_uri != "index.md"},
        hand_written_home.content_string if hand_written_home is not None else None,
        _state["settings"].timeline_days)
    generated.update(webfiles.pages(_state["catalogue"], _state["settings"], _config_dir(config)))  # web: data page
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


def on_page_content(html, page, config, files):
    _progress().step()
    themetext.mark_page(page)
    return finish.paragraph_links(html, page.file.src_uri, _state["edition"])


def on_env(env, config, files):
    # Last, so on_config's conversion to Traditional has been done.
    themetext.mark_config(config)
    _progress().start("pages", _state.get("pages_to_render"))
    env.globals["zh_lastmod"] = functools.partial(webmeta.lastmod, _state["web"])  # web: sitemap dates
    return env


def on_post_page(output, page, config):
    _progress().step()
    return finish.html_lang(output, _state["edition"])


def on_post_template(output_content, template_name, config):
    return finish.template_output(output_content, _state["edition"])


def on_post_build(config):
    finish.without_cdn(config.site_dir)
    # serve builds into a new temporary folder each time: no index there to update later.
    keep = _state.get("command") != "serve"
    _progress().start("search index", None)
    with collector.paused():
        searchindex.build(_state["catalogue"], _state["articles"], _state["edition"], Path(config.site_dir, generate.SEARCH_DIR),
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
