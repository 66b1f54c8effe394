"""Text handed to Material's templates, marked as HTML exactly once.

Templates get two kinds of strings. A page title taken from the page's ``<h1>``
is HTML: MkDocs keeps ``&lt;`` as an entity. ``site_name``, ``site_description``,
nav titles from mkdocs.yml and front-matter ``title``/``description`` are plain
text. Material writes both raw (``{{ config.site_name }}``), so plain text with
``<`` or ``&`` becomes markup, and writes ``{{ page.title | striptags }}`` raw
in ``<title>``: ``striptags`` turns the entities back into characters, so a
headline ``</title><img src=x onerror=alert(1)>`` ran script on its page.

``markupsafe.Markup`` is Jinja's own way to say "this is HTML already": raw
output writes it as it is and ``| e`` leaves it alone. So the hook hands the
theme nothing but Markup: plain text goes through :func:`plain` (escaped once),
HTML through :func:`html`. Our templates write every value with ``| e``, and
``| striptags | e`` where they want text back from HTML; overrides/main.html
replaces the one block of Material's that does ``striptags`` without ``| e``.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Plain-text settings Material writes into pages (meta tags, <title>, header, nav).
CONFIG_TEXT = ("site_name", "site_description", "site_author")
# Plain-text front-matter keys Material writes: <title>, header, meta tags, nav.
META_TEXT = ("title", "description", "author", "subtitle")


def plain(text: str) -> Markup:
    """Plain text -> HTML that displays exactly that text (Markup is left alone)."""
    return escape(text)


def html(text: str) -> Markup:
    """Text that is HTML already (a title MkDocs took from a rendered heading)."""
    return text if isinstance(text, Markup) else Markup(text)


def mark_config(config) -> None:
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = plain(config[key])


def mark_nav(items) -> None:
    """Nav titles written in mkdocs.yml are plain text. A page without one has
    no title yet (None until it is rendered): :func:`mark_page` does it then."""
    for item in items:
        title = getattr(item, "title", None)
        if isinstance(title, str):
            item.title = plain(title)
        mark_nav(getattr(item, "children", None) or [])


def mark_page(page) -> None:
    """After rendering: the page's front-matter text and its title."""
    for key in META_TEXT:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = plain(page.meta[key])
    title = page.title
    if isinstance(title, str) and not isinstance(title, Markup):
        # From the <h1> (HTML) or else from the file name (plain). Should MkDocs
        # rename the attribute, titles are escaped twice: visible, never markup.
        from_heading = title == getattr(page, "_title_from_render", None)
        page.title = html(title) if from_heading else plain(title)
