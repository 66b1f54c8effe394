"""MkDocs hooks: generate article and index pages from ``corpus/`` at build time.

Registered in mkdocs.yml as ``hooks: [scripts/zhcorpus/site/hooks.py]``. MkDocs
loads this file by path, not as part of the package, so we put ``scripts/`` on
sys.path first; that way the working tree's code is used even when an older
copy of zhcorpus is installed.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

_SCRIPTS = str(Path(__file__).resolve().parents[2])
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)

from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from zhcorpus.site import assemble, home, jiebadict, pages, settings  # noqa: E402
from zhcorpus.site.corpus import load_articles  # noqa: E402
from zhcorpus.site.names import load_names  # noqa: E402
from zhcorpus.site.quotedata import load_quotes  # noqa: E402

log = logging.getLogger("mkdocs.plugins.zhcorpus")

# Material's theme.language "zh" prints <html lang="zh">; the site is Simplified
# Chinese and says so precisely (screen readers and fonts pick variants by it).
HTML_LANG = "zh-Hans"
_HTML_TAG_LANG = re.compile(r'<html lang="[^"]*"')
_PARAGRAPH_ID = re.compile(r'<p id="((?:orig-)?p(\d+))"([^>]*)>(.*?)</p>', re.S)

# State of the current build (MkDocs runs the events of one build in order).
_state: dict = {}


@event_priority(100)  # before Material's search plugin reads jieba_dict_user
def on_config(config):
    conf = settings.load(config)
    articles = load_articles(conf.articles_dir)
    if not articles:
        log.warning(f"zhcorpus: no articles in {conf.articles_dir}; run `zhcorpus build` first")
    names = load_names(conf.taxonomy_file, conf.speakers_file, conf.extended_speakers_file)
    quotes = load_quotes(conf.quotes_file)
    _state.update(settings=conf, catalogue=pages.Catalogue(articles, names, quotes))

    dict_path = jiebadict.write(conf.jieba_dict_path, jiebadict.words(articles, names))
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and not search.config.get("jieba_dict_user"):
        search.config["jieba_dict_user"] = str(dict_path)
    return config


# Material ships lunr stemmers for ~30 languages and two segmenters; the
# search worker only loads the ones named in ``search.lang``.
_LUNR_LANG = re.compile(r"^assets/javascripts/lunr/(?:min/lunr\.([a-z]+)\.min\.js|(tinyseg|wordcut)\.js)$")
_LUNR_KEEP = {"multi"}  # lunr.stemmer.support never matches the pattern
# Material loads two scripts from unpkg.com on demand (a ResizeObserver polyfill
# for old browsers, Mermaid for diagrams). The site may call no other host, so
# those become empty data: scripts: old browsers lose a nicety, nothing leaks.
_CDN = "https://unpkg.com/"
_CDN_STANDIN = "data:text/javascript,"


def _drop_unused_lunr(files, config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    langs = set(search.config.get("lang") or []) if search else set()
    for file in list(files):
        m = _LUNR_LANG.match(file.src_uri)
        if m and (m.group(1) or m.group(2)) not in langs | _LUNR_KEEP:
            files.remove(file)


def on_files(files, config):
    _drop_unused_lunr(files, config)
    generated = assemble.all_pages(_state["catalogue"], config.site_url)
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri) is not None:
            # A hand-written page would silently shadow generated data.
            raise ValueError(f"zhcorpus: docs/{src_uri} collides with a generated page")
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "index.md":
        return home.fill(markdown, _state["catalogue"], _state["settings"].timeline_days)
    return markdown


def _with_permalink(match: re.Match) -> str:
    anchor, number, attrs, inner = match.groups()
    label = ("原文" if anchor.startswith("orig-") else "") + f"第 {number} 段的链接"
    link = (
        f'<a class="zh-plink" href="#{anchor}" title="{label}" '
        f'aria-label="{label}" data-search-exclude>¶{number}</a>'
    )
    return f'<p id="{anchor}"{attrs}>{inner} {link}</p>'


def on_page_content(html, page, config, files):
    # Body paragraphs carry {: #pN } anchors; give each a visible link to itself
    # so a reader can cite a paragraph.
    if page.file.src_uri.startswith(settings.ARTICLES_URL + "/"):
        return _PARAGRAPH_ID.sub(_with_permalink, html)
    return html


# Material's search overlay is role="dialog" without a name (axe: serious,
# aria-dialog-name). Naming it here beats copying the whole theme partial.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_DIALOG_NAMED = _SEARCH_DIALOG[:-1] + ' aria-label="搜索">'


def _finish_html(output: str) -> str:
    output = _HTML_TAG_LANG.sub(f'<html lang="{HTML_LANG}"', output, count=1)
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG_NAMED, 1)


def on_post_page(output, page, config):
    return _finish_html(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not a page.
    return _finish_html(output_content)


def on_post_build(config):
    for path in Path(config.site_dir, "assets", "javascripts").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        if _CDN in text:
            path.write_text(text.replace(_CDN, _CDN_STANDIN), encoding="utf-8")
