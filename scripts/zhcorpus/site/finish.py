"""What only the HTML can get: done after MkDocs renders, by either set of hooks.

The Markdown of every page is written by the generation stage (generate.py);
these few rewrites need the rendered page or MkDocs' theme output, so they stay
in MkDocs hooks (hooks.py for the classic build, stagehooks.py for the build of
the generated folder). Zensical runs no hooks and so has none of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import edition, settings, webfiles

# Material's theme.language "zh" prints <html lang="zh">; each edition says
# precisely which script it is in (screen readers and fonts pick variants by it).
_HTML_TAG_LANG = re.compile(r'<html lang="[^"]*"')
_PARAGRAPH_ID = re.compile(r'<p id="((?:orig-)?p(\d+))"([^>]*)>(.*?)</p>', re.S)

# Material ships lunr stemmers and segmenters for its search plugin, which is
# off (mkdocs.yml): about 1 MB per edition that nothing loads.
LUNR = "assets/javascripts/lunr/"

# Material loads two scripts from unpkg.com on demand (a ResizeObserver polyfill
# for old browsers, Mermaid for diagrams). The site may call no other host, so
# those become empty data: scripts: old browsers lose a nicety, nothing leaks.
_CDN = "https://unpkg.com/"
_CDN_STANDIN = "data:text/javascript,"


def paragraph_links(html: str, src_uri: str, ed: str) -> str:
    """Body paragraphs carry {: #pN } anchors; give each a visible link to itself
    so a reader can cite a paragraph (article pages only)."""
    if not src_uri.startswith(settings.ARTICLES_URL + "/"):
        return html

    def with_permalink(match: re.Match) -> str:
        anchor, number, attrs, inner = match.groups()
        label = edition.text(("原文" if anchor.startswith("orig-") else "") + f"第 {number} 段的链接", ed)
        link = f'<a class="zh-plink" href="#{anchor}" title="{label}" aria-label="{label}">¶{number}</a>'
        return f'<p id="{anchor}"{attrs}>{inner} {link}</p>'

    return _PARAGRAPH_ID.sub(with_permalink, html)


def html_lang(output: str, ed: str) -> str:
    return _HTML_TAG_LANG.sub(f'<html lang="{ed}"', output, count=1)


def template_output(output: str, ed: str) -> str:
    """404.html is rendered as a theme template, not a page; its text is in the
    template, so the Traditional edition converts the output."""
    return edition.text(html_lang(output, ed), ed)


def without_cdn(site_dir: str | Path) -> None:
    """Material's bundle loads from unpkg.com, and fetches sitemap.xml beside every
    alternate link (for a language selector we do not use): neither may leave the site."""
    for path in Path(site_dir, "assets", "javascripts").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        patched = webfiles.without_alternate_fetches(text.replace(_CDN, _CDN_STANDIN))
        if patched != text:
            path.write_text(patched, encoding="utf-8")
