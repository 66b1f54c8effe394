"""Front-matter facts made from a draft: here, the slugs that tell twins apart."""

import hashlib

import pytest

from zhcorpus.articles.metadata import unique_slugs


def tag(seed: str) -> str:
    return hashlib.sha1(seed.encode("utf-8")).hexdigest()[:6]


@pytest.mark.parametrize("articles, slugs", [
    ([], []),
    ([("a.txt", "x"), ("a.txt", "y")], ["x", "y"]),                           # no twins: left alone
    ([("b.txt", "x"), ("a.txt", "x")], [f"x-{tag('b.txt')}", "x"]),          # seed order, not list order
    ([("a.txt", "x"), ("a.txt", "x"), ("a.txt", "x")],                        # k-th twin in its seed: -k
     ["x", f"x-{tag('a.txt')}-2", f"x-{tag('a.txt')}-3"]),
    ([("a.txt", "x"), ("b.txt", "x"), ("b.txt", "x"), ("c.txt", "x")],
     ["x", f"x-{tag('b.txt')}", f"x-{tag('b.txt')}-2", f"x-{tag('c.txt')}"]),
    # A tag that makes another article's own slug: numbered until free.
    ([("a.txt", "x"), ("b.txt", "x"), ("c.txt", f"x-{tag('b.txt')}")],
     ["x", f"x-{tag('b.txt')}-2", f"x-{tag('b.txt')}"]),
    ([("a.txt", "x"), ("b.txt", "x"), ("c.txt", "x-2"), ("c.txt", "x-2")],  # the old -2 names stay apart too
     ["x", f"x-{tag('b.txt')}", "x-2", f"x-2-{tag('c.txt')}-2"]),
])
def test_twins_are_told_apart_by_their_own_seed(articles, slugs):
    assert unique_slugs(articles) == slugs


# Twins of one title in four seeds, two of them in b.txt and two in c.txt.
A, B, C, D, ZERO = (f"x-{tag(name)}" for name in ("a.txt", "b.txt", "c.txt", "d.txt", "0.txt"))
TWINS = ["a.txt", "b.txt", "b.txt", "c.txt", "c.txt", "d.txt"]
BEFORE = ["x", B, f"{B}-2", C, f"{C}-2", D]


@pytest.mark.parametrize("seeds, slugs", [
    (TWINS, BEFORE),
    (TWINS[1:], ["x", f"{B}-2", C, f"{C}-2", D]),                  # a.txt gone: b's first twin now first
    (["a.txt", "c.txt", "c.txt", "d.txt"], ["x", C, f"{C}-2", D]),  # b.txt gone: nobody else renamed
    (["0.txt"] + TWINS, ["x", A] + BEFORE[1:]),                     # 0.txt added: a's twin gives up "x"
    (["a.txt", "b.txt", "c.txt", "c.txt", "d.txt"], ["x", B, C, f"{C}-2", D]),  # b.txt lost a twin
    (["a.txt", "a.txt"] + TWINS[1:], ["x", f"{A}-2"] + BEFORE[1:]),  # a.txt gained one
])
def test_a_changed_seed_renames_no_twin_of_another_but_the_first(seeds, slugs):
    """Only the twin that comes first, or came first, changes name outside the changed seed;
    every other old slug still names the same article (the same k-th twin of the same seed)."""
    assert unique_slugs([(seed, "x") for seed in seeds]) == slugs


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
