"""Front-matter facts made from a draft: here, the slugs that tell twins apart."""

import hashlib

import pytest

from zhcorpus.metadata import unique_slugs


def tag(seed: str) -> str:
    return hashlib.sha1(seed.encode("utf-8")).hexdigest()[:6]


@pytest.mark.parametrize("articles, slugs", [
    ([], []),
    ([("a.txt", "x"), ("a.txt", "y")], ["x", "y"]),                           # no twins: left alone
    ([("b.txt", "x"), ("a.txt", "x")], [f"x-{tag('b.txt')}", "x"]),          # seed order, not list order
    ([("a.txt", "x"), ("a.txt", "x"), ("a.txt", "x")],                        # twins in one seed: numbered
     ["x", f"x-{tag('a.txt')}", f"x-{tag('a.txt')}-2"]),
    ([("a.txt", "x"), ("b.txt", "x"), ("b.txt", "x"), ("c.txt", "x")],
     ["x", f"x-{tag('b.txt')}", f"x-{tag('b.txt')}-2", f"x-{tag('c.txt')}"]),
    # A tag that makes another article's own slug: numbered until free.
    ([("a.txt", "x"), ("b.txt", "x"), ("c.txt", f"x-{tag('b.txt')}")],
     ["x", f"x-{tag('b.txt')}-2", f"x-{tag('b.txt')}"]),
    ([("a.txt", "x"), ("b.txt", "x"), ("c.txt", "x-2"), ("c.txt", "x-2")],  # the old -2 names stay apart too
     ["x", f"x-{tag('b.txt')}", "x-2", f"x-2-{tag('c.txt')}"]),
])
def test_twins_are_told_apart_by_their_own_seed(articles, slugs):
    assert unique_slugs(articles) == slugs


@pytest.mark.parametrize("gone", ["a.txt", "b.txt", "c.txt"])
def test_a_seed_gone_renames_at_most_the_twin_that_inherits_the_bare_slug(gone):
    seeds = ["a.txt", "b.txt", "c.txt", "d.txt"]
    before = dict(zip(seeds, unique_slugs([(seed, "x") for seed in seeds])))
    rest = [seed for seed in seeds if seed != gone]
    after = dict(zip(rest, unique_slugs([(seed, "x") for seed in rest])))
    renamed = [seed for seed in rest if after[seed] != before[seed]]
    assert renamed == ([] if gone != "a.txt" else ["b.txt"])  # b.txt is first now: "x"
    assert len(set(after.values())) == len(rest)


def test_slugs_are_unique_whatever_the_titles():
    import random

    rng = random.Random(5)
    for _ in range(300):
        articles = [(rng.choice("abc") + ".txt", rng.choice(["x", "y", "x-2", f"x-{tag('b.txt')}",
                                                               f"x-{tag('b.txt')}-2", f"y-{tag('a.txt')}"]))
                    for _ in range(rng.randrange(12))]
        slugs = unique_slugs(articles)
        assert len(set(slugs)) == len(slugs), articles
        assert all(slug == base or slug.startswith(base + "-") for slug, (_, base) in zip(slugs, articles))
