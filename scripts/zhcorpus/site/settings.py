"""Where the site reads from and how it is laid out: data, not behaviour.

Everything here can be set under ``extra.zhcorpus`` in mkdocs.yml; paths are
relative to the directory of mkdocs.yml. Environment variables override the
paths so tests and benchmarks can point one build at fixtures without editing
the config file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Environment overrides (tests point the site at tests/fixtures with these).
ENV_CORPUS = "ZHCORPUS_SITE_CORPUS"
ENV_TAXONOMY = "ZHCORPUS_SITE_TAXONOMY"
ENV_SPEAKERS = "ZHCORPUS_SITE_SPEAKERS"
ENV_SOURCES = "ZHCORPUS_SITE_SOURCES"


@dataclass(frozen=True)
class IndexKind:
    """One family of index pages, e.g. every event under ``events/``."""

    key: str  # article attribute holding the ids ("events", "source_id", ...)
    url: str  # ASCII URL prefix
    title: str  # Chinese heading of the listing page
    lead: str  # one-line explanation shown on the listing page


# The five index families, in navigation order.
INDEX_KINDS: tuple[IndexKind, ...] = (
    IndexKind("events", "events", "按事件", "峰会及相关活动，每篇文章按其提及的事件归类。"),
    IndexKind("speakers", "speakers", "按人物", "文章中提及或发言的领导人与官员。"),
    IndexKind("themes", "themes", "按主题", "合作领域与议题。"),
    IndexKind("source_id", "outlets", "按媒体", "刊发文章的新闻机构。"),
    IndexKind("date", "dates", "按日期", "按刊发（或电头）日期排列。"),
)

ARTICLES_URL = "articles"  # article pages live at articles/<slug>/
QUOTES_URL = "quotes"  # the quotes page: quotes/, one section per quote (quotes/#q-...)
QUOTES_TITLE = "引语"
# An article whose outlet or date the corpus build could not tell (source: null,
# date: null) is shown with these, and filed under no outlet or date page.
NO_OUTLET = "媒体未识别"
NO_DATE = "日期不详"
UNATTRIBUTED = "未署名"  # heading for quotes the build could not attribute

# Speakers that are not one person are labelled as such (speakers.yml "kind").
SPEAKER_KIND_LABELS = {"group": "群体", "media": "媒体"}
# The speaker index lists each kind under its own heading (anchor, heading), in
# this order, so a group or a saying (中亚谚语, kind group) is not counted as a person.
# An entry without a kind is a person, as in the registry (zhcorpus.quotes.speakers).
SPEAKER_SECTIONS = {
    "person": ("people", "人物"),
    "group": ("groups", "群体、先贤与谚语"),
    "media": ("media", "媒体"),
}

# speakers.yml "country" codes shown in Chinese; an unknown code is shown as is.
COUNTRY_NAMES = {
    "CN": "中国", "KZ": "哈萨克斯坦", "KG": "吉尔吉斯斯坦", "TJ": "塔吉克斯坦",
    "TM": "土库曼斯坦", "UZ": "乌兹别克斯坦", "RU": "俄罗斯", "US": "美国", "GB": "英国",
    "FR": "法国", "DE": "德国", "QA": "卡塔尔", "PK": "巴基斯坦", "SG": "新加坡",
}

# Readable labels for the corpus "kind" field (README: front-matter schema).
KIND_LABELS = {
    "speech": "讲话",
    "report": "消息",
    "commentary": "评论",
    "reporters-notes": "记者手记",
    "interview": "专访",
    "roundup": "综述",
    "feature": "特写",
    "photo": "图片新闻",
    "briefing": "简报",
}


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    taxonomy_file: Path
    speakers_file: Path
    # Days of the home-page timeline (the summit week); other dates still get
    # a page under dates/.
    timeline_days: tuple[str, ...] = ("2025-06-15", "2025-06-16", "2025-06-17", "2025-06-18")
    # Generated pages are written here (one folder per site folder) so that
    # `mkdocs build --dirty` can tell which changed (see sources.py).
    sources_dir: Path = Path("build/zhcorpus-site-src")
    # Kept between builds: the search's script-folding table (seconds to make).
    cache_dir: Path = Path("build/zhcorpus-cache")

    @property
    def articles_dir(self) -> Path:
        return self.corpus_dir / "articles"

    @property
    def quotes_file(self) -> Path:
        return self.corpus_dir / "quotes.jsonl"

    @property
    def extended_speakers_file(self) -> Path:
        # Written by `zhcorpus build`: the seed registry plus speakers it found.
        return self.corpus_dir / "speakers.yml"


def load(config) -> Settings:
    """Build Settings from a MkDocs config (``extra.zhcorpus``) and the environment."""
    base = Path(config.config_file_path or ".").resolve().parent
    raw = dict((config.extra or {}).get("zhcorpus") or {})

    def path(key: str, default: str, env: str | None = None) -> Path:
        value = (env and os.environ.get(env)) or raw.get(key) or default
        p = Path(value)
        return p if p.is_absolute() else base / p

    days = raw.get("timeline_days")
    return Settings(
        corpus_dir=path("corpus", "corpus", ENV_CORPUS),
        taxonomy_file=path("taxonomy", "seeds/taxonomy.yml", ENV_TAXONOMY),
        speakers_file=path("speakers", "seeds/speakers.yml", ENV_SPEAKERS),
        timeline_days=tuple(str(d) for d in days) if days else Settings.timeline_days,
        sources_dir=path("sources", "build/zhcorpus-site-src", ENV_SOURCES),
        cache_dir=path("cache", "build/zhcorpus-cache"),
    )
