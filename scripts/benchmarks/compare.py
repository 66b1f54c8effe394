"""Material vs Pagefind vs ours on one site: page-level recall/precision, bytes, latency.

Material and Pagefind answer with pages, so the comparison is by page: a page
is relevant when one of its paragraphs (or its title) contains the query
text, the same rule ours follows. Ours' result sets come from the Python
reference client (full verification, the worker's algorithm); its bytes and
latency from typing every query into our UI in Chromium.
"""

from __future__ import annotations

import random
import statistics
from pathlib import Path

import opencc

from zhcorpus.search.index import rank_order
from zhcorpus.search.query import Searcher
from . import browser, sites

ENGINES = ("Material", "Pagefind", "ours")
FIRST_SAMPLES = 60  # first queries, each in a fresh browser context: enough for a tail


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else 0


def page_truth(docs: list[dict], alts: list[str]) -> set[str]:
    return {sites.page_of(d["url"]) for d in docs
            if any(a in (d["text"].lower() if a.isascii() else d["text"]) for a in alts)}


def run(docs: list[dict], queries, work: Path, aliases: dict, rng: random.Random, say=print) -> dict:
    """queries: [(type, Simplified query, truth terms)] -> per-engine rows, and prints the tables."""
    art = sites.article_docs(docs)
    site = sites.build_sites(docs, work, aliases)
    s2hk = opencc.OpenCC("s2hk")
    runs = [(kind, q, script, alts) for kind, q0, alts in queries
            for script, q in (("Hans", q0), ("Hant", s2hk.convert(q0)))]
    rng.shuffle(runs)  # no engine gets the types in a convenient order
    texts = [r[1] for r in runs]
    truth = [page_truth(art, r[3]) for r in runs]

    pages_by_id = [sites.page_of(d["url"]) for d in rank_order(art)]
    ours = Searcher.from_dir(site / "zsearch")
    found = {"ours": [{pages_by_id[h["id"]] for h in ours.search(q, limit=None)} for q in texts]}
    timing = {}
    with browser.serve(site) as (base, counter), browser.chromium() as chrome:
        m = browser.run_api_engine(chrome, base, counter, "material", texts, sites.material_worker(site))
        found["Material"] = [set(r) for r in m["results"]]
        pf_urls = sites.pagefind_urls(site)
        p = browser.run_api_engine(chrome, base, counter, "pagefind", texts)
        found["Pagefind"] = [{pf_urls.get(i, i) for i in r} for r in p["results"]]
        o = browser.run_ours(chrome, base, counter, texts)
        # A first query is one sample per run above; these are FIRST_SAMPLES of them, each
        # the first query of its own fresh browser context (Material: 7 s of index each, left out).
        sample = texts[:FIRST_SAMPLES]
        firsts = {"Pagefind": [browser.run_api_engine(chrome, base, counter, "pagefind", [q]) for q in sample],
                  "ours": [browser.run_ours(chrome, base, counter, [q]) for q in sample]}
    for name, r in (("Material", m), ("Pagefind", p), ("ours", o)):
        first = r["setup_bytes"] + r["bytes"][0]
        timing[name] = {"first": first, "later": r["bytes"][1:], "ms": r["ms"],
                        "setup_ms": r.get("setup_ms")}

    say(f"\nSame site for all three: {len({sites.page_of(d['url']) for d in art})} article pages, "
        f"{len(queries)} queries × 2 scripts = {len(runs)} runs, all engines, all runs (no sampling).")
    say("| type | runs | " + " | ".join(f"{e} recall | {e} precision" for e in ENGINES) + " |")
    say("|---|---|" + "---|---|" * len(ENGINES))
    kinds = sorted({r[0] for r in runs}, key=[r[0] for r in runs].index)
    rows = {}
    for kind in kinds + ["all"]:
        idx = [i for i, r in enumerate(runs) if kind in ("all", r[0])]
        cells = []
        for e in ENGINES:
            tp = sum(len(found[e][i] & truth[i]) for i in idx)
            got = sum(len(found[e][i]) for i in idx)
            want = sum(len(truth[i]) for i in idx)
            rec, prec = (tp / want if want else 1.0), (tp / got if got else 1.0)
            rows[(kind, e)] = (rec, prec)
            cells.append(f"{rec:.4f} | {prec:.4f}")
        say(f"| {kind} | {len(idx)} | " + " | ".join(cells) + " |")
    say("\n| engine | same results Hans/Hant | first query KB / ms | later queries KB median / p95 / max "
        "| later queries ms median / p95 / max |")
    say("|---|---|---|---|---|")
    for e in ENGINES:
        t = timing[e]
        later, ms = t["later"], t["ms"][1:]
        load = f" + index load {t['setup_ms']:.0f}" if e == "Material" else ""
        say(f"| {e} | {_same_both_scripts(runs, found[e])} | {t['first'] / 1e3:.0f} / {t['ms'][0]:.0f}{load} | "
            f"{statistics.median(later) / 1e3:.0f} / {pct(later, 95) / 1e3:.0f} / {max(later) / 1e3:.0f} | "
            f"{statistics.median(ms):.0f} / {pct(ms, 95):.0f} / {max(ms):.0f} |")
    say(f"\nFirst query of a fresh browser context, {FIRST_SAMPLES} queries (each its own context):")
    say("| engine | KB median / max | ms median / p95 / max |")
    say("|---|---|---|")
    for e, samples in firsts.items():
        kb = [(r["setup_bytes"] + r["bytes"][0]) / 1e3 for r in samples]
        ms = [r["ms"][0] for r in samples]
        say(f"| {e} | {statistics.median(kb):.0f} / {max(kb):.0f} | "
            f"{statistics.median(ms):.0f} / {pct(ms, 95):.0f} / {max(ms):.0f} |")
        timing[e]["first_samples_ms"] = ms
    return {"rows": rows, "timing": timing}


def _same_both_scripts(runs, results) -> str:
    by_query: dict[tuple, dict] = {}
    for (kind, q, script, alts), res in zip(runs, results):
        by_query.setdefault((kind, tuple(alts)), {})[script] = res
    same = sum(1 for v in by_query.values() if v.get("Hans") == v.get("Hant"))
    return f"{same}/{len(by_query)}"
