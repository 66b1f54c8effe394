"""The Traditional edition's build dies with the main build (site/hantbuild.py).

Killed with SIGKILL, the main ``mkdocs build`` runs no hook, so only the kernel
(PR_SET_PDEATHSIG) or the child itself (watching its parent pid) can stop the
child; before, it went on building into a site folder nobody was building.
/proc tells who is whose child: Linux only.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zhcorpus.site.buildrun import REPO, build_command, inputs_for_tests
from zhcorpus.site.hantbuild import ENV_PARENT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="reads /proc (Linux)")


def _running(pid: int) -> int | None:
    """The parent pid of a running process; None once it is gone (or a zombie)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, parent = stat.rsplit(")", 1)[1].split()[:2]
    return None if state in "ZXx" else int(parent)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _hant_child(parent: int) -> int | None:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _running(int(entry.name)) == parent \
                and b"mkdocs-hant.yml" in _cmdline(int(entry.name)):
            return int(entry.name)
    return None


def _until(check, seconds: float):
    deadline = time.monotonic() + seconds
    while (value := check()) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return value


def _gone_within(pid: int, seconds: float) -> bool:
    return _until(lambda: True if _running(pid) is None else None, seconds) is True


def _kill_both(parent: subprocess.Popen, child: int | None) -> None:
    """A failed test leaves nothing running: the process it started, and the child."""
    if parent.poll() is None:
        parent.kill()
        parent.wait()
    if child is not None and _running(child) is not None:
        os.kill(child, signal.SIGKILL)


def test_killing_the_main_build_kills_the_traditional_one(tmp_path):
    cmd, env = build_command(tmp_path / "site", **inputs_for_tests())
    main = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child = None
    try:
        child = _until(lambda: _hant_child(main.pid), 120)
        assert child is not None, "the Traditional edition's build never started"
        # Stopped, so it cannot finish on its own before the check; SIGKILL still
        # reaches a stopped process.
        os.kill(child, signal.SIGSTOP)
        main.kill()
        main.wait()
        assert _gone_within(child, 5), f"pid {child} outlived the main build"
    finally:
        _kill_both(main, child)


# A process that starts a child watching it the way the Traditional build does,
# without the kernel's signal: how the child stops where prctl does not exist.
_PARENT = """
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=sys.stdout,
                         env=dict(os.environ, {env}=str(os.getpid())))
time.sleep(600)
"""
_WATCHER = """
import os, time
from zhcorpus.site import hantbuild
hantbuild.watch_parent()
print(os.getpid(), flush=True)
time.sleep(600)
"""


def test_the_child_exits_once_its_parent_is_gone_without_a_signal():
    parent = subprocess.Popen([sys.executable, "-c", _PARENT.format(env=ENV_PARENT), _WATCHER],
                              stdout=subprocess.PIPE, text=True)
    watcher = None
    try:
        # The child prints its pid once it is watching (the parent never closes the pipe).
        started = select.select([parent.stdout], [], [], 60)[0]
        line = parent.stdout.readline() if started else ""
        assert line.strip().isdigit(), "the child never started watching"
        watcher = int(line)
        assert _running(watcher) == parent.pid
        parent.kill()
        parent.wait()
        assert _gone_within(watcher, 3), f"pid {watcher} outlived its parent"
    finally:
        _kill_both(parent, watcher)
