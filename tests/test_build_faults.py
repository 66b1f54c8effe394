"""Faults around a build, with real processes: bad seeds on several jobs, a worker
that dies, two builds into one corpus, a build killed with -9, a corpus that cannot
be written. Builds run as subprocesses under a timeout: a hang fails its test, and
never holds up the suite."""

import fcntl
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zhcorpus.cli import main

TIMEOUT = 120  # seconds; a parallel build of these 40 pages takes about 2


def start(*args, **options) -> subprocess.Popen:
    """A command in a process group of its own, so that it ends with its workers: see ``ended``."""
    return subprocess.Popen([sys.executable, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, **options)


def ended(process: subprocess.Popen) -> None:
    """Kill what is left of ``process``: itself and its workers, orphaned or hung."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


@pytest.fixture
def processes():
    """Processes started by a test, all ended when it is over, however it ended."""
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        ended(process)


def finished(process: subprocess.Popen) -> subprocess.CompletedProcess:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        ended(process)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def zhcorpus(*args, **options) -> subprocess.CompletedProcess:
    return finished(start("-m", "zhcorpus.cli", *args, **options))


def build_args(seeds: Path, corpus: Path, jobs: int = 2) -> list:
    return ["build", "--seeds", seeds, "--corpus", corpus, "--no-cache", "--quiet", "--jobs", jobs]


@pytest.fixture(scope="module")
def generated(root, tmp_path_factory) -> Path:
    """40 pages: enough for every stage to run on a pool (from 24 pages)."""
    folder = tmp_path_factory.mktemp("generated") / "seeds"
    assert main(["generate", "--seeds", str(root / "seeds"), "--out", str(folder), "--pages", "40"]) == 0
    return folder


@pytest.fixture
def seeds(generated, tmp_path) -> Path:
    return Path(shutil.copytree(generated, tmp_path / "seeds"))


@pytest.fixture(scope="module")
def whole(generated, tmp_path_factory) -> dict[str, bytes]:
    """Every file of the corpus of the generated pages, as a build with room writes it."""
    from zhcorpus.build.pipeline import build

    corpus = tmp_path_factory.mktemp("whole")
    assert not build(generated, corpus).errors
    return {str(p.relative_to(corpus)): p.read_bytes() for p in corpus.rglob("*") if p.is_file()}


def only_whole_files(corpus: Path, whole: dict[str, bytes]) -> None:
    """What a failed build left is files as a build with room writes them: none half written."""
    left = {str(p.relative_to(corpus)): p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert left.keys() <= whole.keys()
    assert [name for name, data in left.items() if data != whole[name]] == []


def built_seeds(corpus: Path) -> set[str]:
    lines = (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["seed"] for line in lines}


def test_bad_seeds_on_several_jobs_are_one_line_each(seeds, tmp_path):
    """Each of these alone hung a parallel build for ever: its SeedError could not be
    unpickled, and the pool's result thread died."""
    page = (seeds / "gen00000.txt").read_bytes()
    bad = {"empty.txt": b"", "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
           "undecodable.txt": "中国".encode("utf-8") + b"\xff\xfe\xff",
           "broken-yaml.txt": page, "broken-yaml.yml": b"source: [unclosed\n",
           "bad-values.txt": page, "bad-values.yml": b'source: xinhua\ndate: "2025-13-45"\n'}
    for name, data in bad.items():
        (seeds / name).write_bytes(data)
    good = {p.name for p in seeds.glob("gen*.txt")}
    run = zhcorpus(*build_args(seeds, tmp_path / "corpus"))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    lines = sorted(run.stderr.splitlines())
    assert len(lines) == 5, lines
    assert lines[0].startswith(f"error: {seeds}/bad-values.yml: ")  # its wording is the sidecar checks'
    assert lines[1] == f"error: {seeds}/binary.txt: binary file, not text (NUL byte at offset 8)"
    assert lines[2].startswith(f"error: {seeds}/broken-yaml.yml: not valid YAML")
    assert lines[3] == f"error: {seeds}/undecodable.txt: not UTF-8, GB18030 or Big5: undecodable byte at offset 6"
    assert lines[4] == f"warning: {seeds}/empty.txt: empty file, skipped"
    assert built_seeds(tmp_path / "corpus") == good


POOL_SCRIPT = """
import os, sys
from zhcorpus.build.pipeline import WorkerLost, _map

class Odd:  # pickles, but cannot be unpickled: __reduce__ gives __init__ one argument of two
    def __init__(self, a, b):
        self.a = a
    def __reduce__(self):
        return Odd, (self.a,)

class OddError(Exception):  # the same, as SeedError was
    def __init__(self, a, b):
        super().__init__(f"{a}: {b}")

def dies(i):
    if i == 17:
        os._exit(3)
    return i

def unreadable_result(i):
    return Odd(i, i) if i == 17 else i

def unreadable_error(i):
    if i == 17:
        raise OddError(i, i)
    return i

def raises(i):
    if i == 17:
        raise ValueError(f"page {i}")
    return i

try:
    print(_map(globals()[sys.argv[1]], list(range(40)), 2, "testing", False))
except (WorkerLost, ValueError) as error:
    print(f"{type(error).__name__}: {error}")
"""


@pytest.mark.parametrize("kind, said", [
    ("dies", "WorkerLost: a worker process ended without its result while testing pages (killed? out of memory?)"),
    ("unreadable_result", "WorkerLost: a worker's result could not be read back while testing pages (TypeError: "),
    ("unreadable_error", "WorkerLost: a worker's result could not be read back while testing pages (TypeError: "),
    ("raises", "ValueError: page 17"),  # an error of our own code: raised as it is, as with one job
])
def test_a_worker_that_fails_in_any_way_stops_the_pool(kind, said):
    run = finished(start("-c", POOL_SCRIPT, kind))
    assert run.stdout.startswith(said), (run.stdout, run.stderr[-2000:])


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def wait_for_children(process: subprocess.Popen) -> list[int]:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        if found := children(process.pid):
            return found
        time.sleep(0.005)
    pytest.fail("the build never started its workers")


def stop(pid: int) -> bool:
    """SIGSTOP, and wait until it took effect; False if the process has ended."""
    os.kill(pid, signal.SIGSTOP)
    while True:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state in ("T", "t"):
            return True
        if state in ("Z", "X"):
            return False
        time.sleep(0.001)


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_worker_killed_mid_build_is_one_line_not_a_hang(seeds, tmp_path, processes):
    """The kernel's out-of-memory killer, say. multiprocessing.Pool replaced the
    worker and waited for its lost pages for ever."""
    for attempt in range(3):
        build = start("-m", "zhcorpus.cli", *build_args(seeds, tmp_path / f"corpus{attempt}"))
        processes.append(build)
        wait_for_children(build)
        workers = children(build.pid) if stop(build.pid) else []  # stopped, it hands out no more pages
        kill_all(workers)
        os.kill(build.pid, signal.SIGCONT)
        out, err = build.communicate(timeout=TIMEOUT)
        if workers and build.returncode == 1:
            break
        assert build.returncode == 0, err  # the pool had just ended: nothing was lost
    assert (build.returncode, out) == (1, "")
    assert re.fullmatch(r"error: a worker process ended without its result while (reading|building|writing) pages "
                        r"\(killed\? out of memory\?\)\n", err), err


def group(pgid: int) -> list[int]:
    """The processes of process group ``pgid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            found.append(int(stat.parent.name))
    return found


def test_ctrl_c_stops_a_parallel_build_and_its_workers(seeds, tmp_path, processes):
    """Ctrl-C reaches every process of the terminal's group. Workers leave it to the
    build: one it killed could break the pool while the build cancelled, which Python
    3.11's executor does not survive (seen once: it waited for ever)."""
    build = start("-m", "zhcorpus.cli", *build_args(seeds, tmp_path / "corpus"))
    processes.append(build)
    wait_for_children(build)
    os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=TIMEOUT)
    assert (build.returncode, err) == (130, "")  # no worker's KeyboardInterrupt either
    deadline = time.monotonic() + 10
    while group(build.pid) and time.monotonic() < deadline:  # workers end with their pages in hand
        time.sleep(0.05)
    assert group(build.pid) == []


def locked(folder: Path) -> bool:
    """Whether a process holds the corpus lock on ``folder`` (tried with a shared lock)."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)  # and with it the shared lock, if it was taken
    return False


def stop_while_holding(build: subprocess.Popen, corpus: Path) -> None:
    """Stop ``build`` once it holds the lock on ``corpus``, before it writes anything."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert build.poll() is None, "the first build ended, and was never seen holding its corpus"
        if corpus.exists():
            if stop(build.pid) and locked(corpus):
                return
            os.kill(build.pid, signal.SIGCONT)
        time.sleep(0.002)
    pytest.fail("the first build never held its corpus")


CORPUS_FILES = ["articles", "articles.jsonl", "ledger.json", "quotes.jsonl", "speakers.yml"]


def test_a_second_build_into_the_same_corpus_is_refused(seeds, tmp_path, processes):
    """Both used to exit 0, leaving the articles of both and the articles.jsonl of one."""
    corpus = tmp_path / "corpus"
    first = start("-m", "zhcorpus.cli", *build_args(seeds, corpus, jobs=1))
    processes.append(first)
    try:
        stop_while_holding(first, corpus)
        second = zhcorpus(*build_args(seeds, corpus))
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert (second.returncode, second.stdout) == (1, "")
    assert second.stderr == (f"error: {corpus}: another build (pid {first.pid}) is writing this corpus; "
                             "run this one again when it has finished\n")
    _, err = first.communicate(timeout=TIMEOUT)
    assert first.returncode == 0, err
    assert sorted(p.name for p in corpus.iterdir()) == CORPUS_FILES  # no lock file, nothing of the second
    slugs = {json.loads(line)["slug"] for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    assert {p.stem for p in (corpus / "articles").iterdir()} == slugs
    assert zhcorpus(*build_args(seeds, corpus)).returncode == 0  # the lock went with the first build


def test_a_build_killed_with_9_leaves_no_lock(seeds, tmp_path, processes):
    """Its workers live on (blocked on their queue); they must not hold the corpus lock."""
    corpus = tmp_path / "corpus"
    first = start("-m", "zhcorpus.cli", *build_args(seeds, corpus))
    processes.append(first)
    wait_for_children(first)
    first.kill()  # the build, not its workers
    first.wait(timeout=TIMEOUT)  # not communicate(): the workers hold its pipes open
    second = zhcorpus(*build_args(seeds, corpus))
    assert second.returncode == 0, second.stderr
    assert built_seeds(corpus) == {p.name for p in seeds.glob("gen*.txt")}


def file_size_limit(size: int):
    """Run a build whose files may not grow past ``size`` bytes: its writes fail as on
    a full disk, also as root (Python ignores SIGXFSZ, so write() says EFBIG)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("size, failing", [
    (512, r"articles/[^/]+\.md"),    # every article: in the workers, which write them
    (64_000, r"articles\.jsonl"),    # the articles fit, the index does not: in the build itself
])
def test_a_write_that_fails_midway_is_one_line(seeds, tmp_path, whole, size, failing):
    corpus = tmp_path / "corpus"
    run = zhcorpus(*build_args(seeds, corpus), preexec_fn=file_size_limit(size))
    assert (run.returncode, run.stdout) == (1, "")
    assert re.fullmatch(rf"error: {re.escape(str(corpus))}/{failing}: cannot be written \(File too large\)\n",
                        run.stderr), run.stderr
    only_whole_files(corpus, whole)


@pytest.fixture
def read_only(tmp_path):
    """A folder no one may write in, root included (which chmod does not stop)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", folder], capture_output=True).returncode == 0:
        yield folder
        subprocess.run(["chattr", "-i", folder], check=True)
    else:
        pytest.skip("no way here to make a folder read-only for root")


def test_a_read_only_corpus_folder_is_one_line(seeds, tmp_path, read_only):
    run = zhcorpus(*build_args(seeds, read_only))
    assert (run.returncode, run.stdout) == (1, "")
    assert re.fullmatch(rf"error: {re.escape(str(read_only))}/articles: cannot be written "
                        r"\((Permission denied|Operation not permitted)\)\n", run.stderr), run.stderr


@pytest.fixture
def small_disk(tmp_path):
    """A 96 KB file system, where mounting one is allowed (root, with the capability)."""
    point = tmp_path / "disk"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", point],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    yield point
    subprocess.run(["umount", point], check=True)


def test_a_full_disk_is_one_line(seeds, small_disk, whole):
    corpus = small_disk / "corpus"
    run = zhcorpus(*build_args(seeds, corpus))
    assert (run.returncode, run.stdout) == (1, "")
    assert re.fullmatch(rf"error: {re.escape(str(corpus))}/\S+: cannot be written \(No space left on device\)\n",
                        run.stderr), run.stderr
    only_whole_files(corpus, whole)  # the file the disk had no room for is not there half written
    assert len(list((corpus / "articles").iterdir())) > 3  # the disk was full midway, not from the start
