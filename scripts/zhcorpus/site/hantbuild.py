"""Build the Traditional edition into ``<site_dir>/zh-Hant/`` from the main build.

One command (``mkdocs build``, ``mkdocs gh-deploy``, the Pages workflow) must
publish both editions, so the Simplified build runs ``mkdocs build -f
mkdocs-hant.yml`` in a subprocess. A subprocess, not MkDocs' Python API,
because MkDocs keeps per-build state in module globals (our hook's ``_state``
included) that a nested build would overwrite. It is also what lets the two
editions build at once, one per core: the child starts once the main build has
cleaned its site folder (``on_files``), writes into ``zh-Hant/`` of it, and
``on_post_build`` waits for it.

The child is the Traditional edition, which never starts another build, and
``ENV_CHILD`` guards against a misconfigured child anyway. Its warnings are
repeated as our warnings, so ``--strict`` on the main build covers both.

The child dies with the main build: killed (``kill -9``, an out-of-memory kill,
a CI timeout), the main build runs no hook that could stop it, and an orphan
would go on writing into a site folder nobody builds any more. On Linux the
kernel sends it SIGKILL when its parent dies (``PR_SET_PDEATHSIG``); elsewhere,
and should that be missed, the child sees that its parent changed and exits.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable

from mkdocs.exceptions import PluginError

from . import edition, sources

ENV_CHILD = "ZHCORPUS_EDITION_CHILD"
ENV_PARENT = "ZHCORPUS_EDITION_PARENT"  # the main build's pid, which the child watches
PARENT_POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
# Set to "0" to build only the Simplified edition (quick local previews).
ENV_BUILD_HANT = "ZHCORPUS_BUILD_HANT"
DEFAULT_CONFIG = "mkdocs-hant.yml"

log = logging.getLogger("mkdocs.plugins.zhcorpus")


def wanted(config, command: str | None) -> bool:
    if edition.of(config) != edition.HANS or os.environ.get(ENV_CHILD):
        return False
    if os.environ.get(ENV_BUILD_HANT, "1") == "0":
        return False
    # `mkdocs serve` rebuilds on every change; a second full build each time
    # would double the wait. Serve previews the Simplified edition only.
    return command != "serve"


def config_file(config) -> Path:
    name = ((config.extra or {}).get("zhcorpus") or {}).get("hant_config") or DEFAULT_CONFIG
    return Path(config.config_file_path).resolve().parent / name


@dataclass
class Child:
    """The Traditional edition's build, running, and the file its log goes to:
    not a pipe, which holds 64 KB, so a child with more to say would wait for
    on_post_build instead of building."""

    process: subprocess.Popen
    log: IO[str]

    def output(self) -> str:
        self.process.wait()
        self.log.seek(0)
        text = self.log.read()
        self.log.close()
        return text


def start(config, dirty: bool = False) -> Child:
    # MkDocs has emptied the site folder before on_files (unless dirty), so the
    # child can write into <site>/zh-Hant/ while the main build writes the rest.
    target = Path(config.site_dir) / edition.HANT_DIR
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file(config)), "-d", str(target)]
    if config.strict:
        cmd.append("--strict")
    if dirty:
        cmd.append("--dirty")
    env = dict(os.environ, **{ENV_CHILD: "1", ENV_PARENT: str(os.getpid()), "NO_MKDOCS_2_WARNING": "1"})
    log_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    process = subprocess.Popen(cmd, cwd=Path(config.config_file_path).resolve().parent, env=env,
                               stdout=log_file, stderr=subprocess.STDOUT,
                               preexec_fn=_dies_with(os.getpid()) if os.name == "posix" else None)
    return Child(process, log_file)


def _dies_with(parent: int) -> Callable[[], None]:
    """What the child runs between fork and exec. prctl is looked up here, in the
    parent: after a fork only calls that take no lock are safe. The kernel signals
    when the *thread* that forked ends: MkDocs runs our hooks in its main thread."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None

    def preexec() -> None:
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl: no signal will come
            os._exit(1)
    return preexec


def watch_parent() -> None:
    """In the child: exit once the main build is gone (its parent pid changes).
    PR_SET_PDEATHSIG does it at once on Linux; this covers other systems."""
    watched = os.environ.get(ENV_PARENT)
    if not watched or not watched.isdigit():
        return

    def watch() -> None:
        while os.getppid() == int(watched):
            time.sleep(PARENT_POLL_SECONDS)
        log.error(f"zhcorpus {edition.HANT}: the main build (pid {watched}) is gone; stopping")
        os._exit(1)

    threading.Thread(target=watch, name="zhcorpus-watch-parent", daemon=True).start()


def finish(child: Child) -> None:
    output = child.output()
    for line in output.splitlines():
        if line.startswith("WARNING") and sources.MKDOCS_DIRTY_WARNING not in line:
            log.warning(f"zhcorpus {edition.HANT}: {line.split('-', 1)[-1].strip()}")
    if child.process.returncode != 0:
        raise PluginError(f"zhcorpus: the {edition.HANT} edition failed to build:\n{output}")


def abandon(child: Child) -> None:
    """The main build failed: stop the child."""
    child.process.kill()
    child.output()
