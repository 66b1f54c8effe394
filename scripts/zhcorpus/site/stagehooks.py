"""MkDocs hooks for a folder written by ``zhcorpus site`` (generate.py).

The pages are files already; these hooks only do what needs MkDocs' rendered
HTML or theme (finish.py), and under ``mkdocs serve`` write the folder again
before each rebuild, so a change to the corpus or the site code shows.
Zensical skips hooks: what it lacks is listed in the README.

MkDocs loads this file by path, so ``scripts/`` goes on sys.path first.
"""

from __future__ import annotations

import sys
from pathlib import Path

_SCRIPTS = str(Path(__file__).resolve().parents[2])
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)

from zhcorpus.site import edition, finish, generate, themetext, webfiles, webmeta  # noqa: E402

_state: dict = {}


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    _state["edition"] = edition.of(config)
    root = Path(config.config_file_path).parent
    source = root / config.extra["zhcorpus"]["source_config"]
    if _state.get("command") == "serve":
        generate.generate(root, source, editions=(_state["edition"],))
    # Head tags and sitemap dates say what each page is about: the corpus, read once.
    catalogue, _ = generate.load_catalogue(generate.source_settings(source)[1], _state["edition"])
    _state["web"] = webfiles.page_facts(catalogue, config.site_description or config.site_name)
    return config


def on_page_markdown(markdown, page, config, files):
    page.meta.update(webmeta.meta_for(_state["web"], page.file.src_uri, markdown, page.meta, config.site_url,
                                      _state["edition"], page.url, config.site_description or ""))
    return markdown


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith(finish.LUNR)]:
        files.remove(file)
    return files


def on_nav(nav, config, files):
    themetext.mark_nav(nav.items)
    return nav


def on_page_content(html, page, config, files):
    themetext.mark_page(page)
    return finish.paragraph_links(html, page.file.src_uri, _state["edition"])


def on_env(env, config, files):
    themetext.mark_config(config)
    return env


def on_post_page(output, page, config):
    return finish.html_lang(output, _state["edition"])


def on_post_template(output_content, template_name, config):
    return finish.template_output(output_content, _state["edition"])


def on_post_build(config):
    finish.without_cdn(config.site_dir)
