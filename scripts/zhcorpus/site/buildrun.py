"""Run the real ``mkdocs build`` in a subprocess (tests and the benchmark).

A subprocess, not mkdocs' Python API, so the build is exactly what CI and a
developer run, including config loading and hook import by path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import settings



def _find_repo() -> Path:
    """The checkout holding mkdocs.yml.

    From an editable install that is where this file lives; from a regular
    ``pip install .`` this file sits in site-packages, so fall back to the
    working directory (tests and the benchmark run from the checkout).
    """
    here = Path(__file__).resolve().parents[3]
    for candidate in (here, Path.cwd(), *Path.cwd().parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    return here


REPO = _find_repo()


@dataclass
class BuildResult:
    site_dir: Path
    seconds: float
    log: str  # mkdocs' combined stdout/stderr
    returncode: int

    @property
    def warnings(self) -> list[str]:
        return [ln for ln in self.log.splitlines() if ln.startswith(("WARNING", "ERROR"))]


def build_command(
    site_dir: Path,
    corpus: Path | None = None,
    taxonomy: Path | None = None,
    speakers: Path | None = None,
    strict: bool = True,
    dirty: bool = False,
    config: Path | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The ``mkdocs build`` command line and its environment; ``config``: another
    mkdocs.yml than the checkout's (one that INHERITs it). Run it from REPO."""
    env = _environment(site_dir, corpus, taxonomy, speakers)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config or REPO / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    if dirty:
        cmd.append("--dirty")
    return cmd, env


def _environment(site_dir: Path, corpus: Path | None, taxonomy: Path | None, speakers: Path | None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # keep the log to mkdocs' own lines
    for var, value in (
        (settings.ENV_CORPUS, corpus),
        (settings.ENV_TAXONOMY, taxonomy),
        (settings.ENV_SPEAKERS, speakers),
        # Generated pages next to the site, not in the checkout's build/.
        (settings.ENV_SOURCES, Path(site_dir).resolve().parent / f".{Path(site_dir).name}-sources"),
    ):
        if value is not None:
            env[var] = str(value)
    return env


BUILDERS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build"],
    "zensical": [sys.executable, "-m", "zensical", "build"],
}


def staged_commands(site_dir: Path, out_dir: Path, builder: str = "mkdocs", strict: bool = True,
                    editions: tuple[str, ...] = ("zh-Hans", "zh-Hant")) -> list[list[str]]:
    """``zhcorpus site`` into ``out_dir``, then ``builder`` on each edition's folder:
    the Simplified first, since MkDocs empties the site folder, zh-Hant/ included."""
    site = [sys.executable, "-m", "zhcorpus.cli", "site", "--config", str(REPO / "mkdocs.yml"),
            "--out", str(out_dir), "--site-dir", str(site_dir)]
    if len(editions) == 1:
        site += ["--edition", editions[0]]
    names = {"zh-Hans": "mkdocs.yml", "zh-Hant": "mkdocs-hant.yml"}
    builds = [[*BUILDERS[builder], "-f", str(Path(out_dir) / names[ed]), *(["--strict"] if strict else [])]
              for ed in editions]
    return [site, *builds]


def build_staged(site_dir: Path, *inputs, out_dir: Path, builder: str = "mkdocs", strict: bool = True,
                 editions: tuple[str, ...] = ("zh-Hans", "zh-Hant")) -> BuildResult:
    """The site built the staged way (:func:`staged_commands`); inputs as :func:`build_command`'s."""
    env = _environment(site_dir, *inputs)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "scripts"), env.get("PYTHONPATH")]))
    start, log, returncode = time.perf_counter(), [], 0
    for cmd in staged_commands(site_dir, out_dir, builder, strict, editions):
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        log.append(proc.stdout + proc.stderr)
        returncode = proc.returncode
        if returncode:
            break
    return BuildResult(Path(site_dir), time.perf_counter() - start, "".join(log), returncode)


def build_site(site_dir: Path, *inputs, terminal: bool = False, **options) -> BuildResult:
    """Run :func:`build_command` (same arguments); ``terminal``: on a
    pseudo-terminal, as a person would (progress bars show)."""
    cmd, env = build_command(site_dir, *inputs, **options)
    start = time.perf_counter()
    if terminal:
        log, returncode = _run_on_terminal(cmd, env)
    else:
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        log, returncode = proc.stdout + proc.stderr, proc.returncode
    seconds = time.perf_counter() - start
    return BuildResult(Path(site_dir), seconds, log, returncode)


def _run_on_terminal(cmd: list[str], env: dict[str, str]) -> tuple[str, int]:
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, which truncates every bar to nothing.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the build closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace"), proc.wait()


# Tests build from the real corpus once `zhcorpus build` has written it, and
# from tests/fixtures otherwise (or when ZHCORPUS_TEST_CORPUS=fixtures).
FIXTURES = REPO / "tests" / "fixtures"


def inputs_for_tests() -> dict[str, Path | None]:
    real = REPO / "corpus" / "articles"
    use_real = os.environ.get("ZHCORPUS_TEST_CORPUS", "auto") != "fixtures" and any(real.glob("*.md"))
    if use_real:
        return {"corpus": REPO / "corpus", "taxonomy": None, "speakers": None}
    return {
        "corpus": FIXTURES / "corpus",
        "taxonomy": FIXTURES / "seeds" / "taxonomy.yml",
        "speakers": FIXTURES / "seeds" / "speakers.yml",
    }
