"""How `newsfuse brief` grows with the number of reports of one story, against a bare spaCy parse.

The story is the BP oil spill of 2010 as Timeline17 holds it (``../shared/eval/timeline17-dev``,
topics ``bpoil_*``: five outlets, ~1,460 dated reports of ~5 KB). A size of n takes n reports spread
evenly over the date-sorted pool, so every size spans the whole story, not only its first days.
The reports are written as text files with a manifest (outlet, date) to a temporary folder and
read back through ``read_inputs`` as ``newsfuse brief`` does.

Each size runs in a child process (peak RSS is its own). In that child, side by side: a bare
``nlp.pipe`` over the same cleaned texts (the floor any spaCy tool pays), then the whole
briefing with wall and CPU time per stage, then rendering to JSON (its sha256 is printed so
two versions of the code can be compared for identical output; the temporary folder's name is
left out of source and rejected paths, as it differs run to run). The ratio is brief / bare.
CPU time includes the parse's worker processes; peak RSS is given per phase (``RssPeak``).
The exponent is a least-squares fit of log(time) on log(n) over the sizes from 50 up (at 5,
fixed costs dominate).

    PYTHONPATH=src .venv/bin/python bench/scale.py [--sizes 5,50,200,500,1000] [--timeout 900]
    PYTHONPATH=src .venv/bin/python bench/scale.py --profile 200   # cProfile of one brief, top functions
    PYTHONPATH=src .venv/bin/python bench/scale.py --n-process 200  # the parse in 1 vs 2 processes, side by side
    PYTHONPATH=src .venv/bin/python bench/scale.py --sizes 1 --one-report 1000000  # one report of 1,000,000 characters
    PYTHONPATH=src .venv/bin/python bench/scale.py --profile 1 --one-report 1000000  # cProfile of that report

``--one-report CHARS`` makes each size one report of that many characters: the pool's texts,
cleaned one by one, joined in date order and cut at CHARS (the long-document path: one Doc
parsed in pieces).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMELINES = ROOT.parent / "shared" / "eval" / "timeline17-dev" / "timelines.jsonl"
TOPIC_PREFIX = "bpoil_"


def story_pool() -> list[dict]:
    """Every BP oil spill report, sorted by (date, outlet, id): one story from five outlets."""
    pool = []
    with TIMELINES.open(encoding="utf-8") as fh:
        for line in fh:
            topic = json.loads(line)
            if not topic["topic"].startswith(TOPIC_PREFIX):
                continue
            outlet = topic["topic"].removeprefix(TOPIC_PREFIX)
            for a in topic["articles"]:
                pool.append({**a, "outlet": outlet, "key": f"{outlet}-{a['id']}"})
    pool.sort(key=lambda a: (a["published"] or "", a["outlet"], a["key"]))
    return pool


def pick(pool: list[dict], n: int) -> list[dict]:
    """n reports spread evenly over the pool (by index), so each size spans the whole story."""
    if n > len(pool):
        raise SystemExit(f"only {len(pool)} reports in the pool; asked for {n}")
    return [pool[(i * len(pool)) // n] for i in range(n)]


def one_report(pool: list[dict], chars: int) -> list[dict]:
    """One report of ``chars`` characters: the pool's texts, each cleaned on its own (raw, a
    reader-comments block in one of them would cut off all that follows), joined in date order
    and cut at ``chars``."""
    from newsfuse.config import Settings
    from newsfuse.model import RawDocument
    from newsfuse.sources import build_sources

    parts, total = [], 0
    for a in pool:
        cleaned, _ = build_sources([RawDocument(origin=a["key"], content=a["text"], kind="text")], Settings())
        if not cleaned:
            continue
        parts.append(cleaned[0].text)
        total += len(cleaned[0].text) + 2
        if total >= chars:
            break
    return [{**pool[0], "title": "", "text": "\n\n".join(parts)[:chars], "key": f"one-{chars}"}]


def write_story(articles: list[dict], folder: Path) -> None:
    """Text files (headline, blank line, body) plus manifest.jsonl, as `newsfuse brief` reads them."""
    lines = []
    for i, a in enumerate(articles):
        name = f"{i:04d}_{a['key']}.txt"
        body = (a["title"].strip() + "\n\n" if a.get("title") else "") + a["text"]
        (folder / name).write_text(body, encoding="utf-8")
        lines.append(json.dumps({"path": name, "outlet": a["outlet"], "published": a["published"]}))
    (folder / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class TimedStage:
    """Wraps a stage to record its wall and CPU seconds (Pipeline records wall only)."""

    inner: object
    sink: list

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def version(self) -> str:
        return self.inner.version

    @property
    def requires(self) -> frozenset[str]:
        return self.inner.requires

    @property
    def produces(self) -> frozenset[str]:
        return self.inner.produces

    def __call__(self, briefing):
        wall, cpu = time.perf_counter(), time.process_time()
        out = self.inner(briefing)
        self.sink.append((self.name, time.perf_counter() - wall, time.process_time() - cpu))
        return out


def clock() -> tuple[float, float]:
    """(wall, CPU) now; CPU includes worker children that have finished (spaCy n_process).

    A child's CPU time only reaches RUSAGE_CHILDREN once it is waited for; spaCy joins its workers
    when its pipe generator is closed, and ``active_children`` reaps any finished one it has not."""
    import multiprocessing

    multiprocessing.active_children()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + ru.ru_utime + ru.ru_stime


class RssPeak:
    """This process's resident memory, sampled every ``every`` seconds in a thread: the peak of
    each phase (``ru_maxrss`` only ever tells the peak of the whole process so far)."""

    def __init__(self, every: float = 0.05) -> None:
        import threading

        self.every = every
        self.peak = self.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def now() -> float:
        """Resident MB now (/proc/self/statm: pages)."""
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self.now())

    def phase(self) -> float:
        """The peak since the last call (or start), then start a new phase from the RSS now."""
        peak = max(self.peak, self.now())
        self.peak = self.now()
        return peak

    def stop(self) -> None:
        self._stop.set()


def child(n: int, profile: bool, chars: int = 0, brief_first: bool = False) -> dict:
    """Measure one size in this process; returns a JSON-able record.

    Peak memory per phase is sampled (``RssPeak``): the bare parse's, the brief's (from the RSS
    it started at: memory the first phase freed stays with the process), and spaCy's worker
    processes' own (``workers_peak_rss_mb``). ``brief_first`` briefs before the bare parse, so
    the brief's peak is not raised by what the bare parse left behind."""
    from newsfuse.api import brief_documents
    from newsfuse.config import Settings
    from newsfuse.ingest.read import read_inputs
    from newsfuse.nlp import load_nlp
    from newsfuse.nlp.stages import PIPE_BATCH
    from newsfuse.pipeline import Pipeline
    from newsfuse.render.output import render
    from newsfuse.sources import build_sources
    from newsfuse.stages import default_stages

    settings = Settings()
    articles = one_report(story_pool(), chars) if chars else pick(story_pool(), n)
    with tempfile.TemporaryDirectory() as tmp:
        write_story(articles, Path(tmp))
        nlp = load_nlp(settings.model)
        list(nlp.pipe(["Warm-up sentence for the model."]))
        rss = RssPeak()
        w0, c0 = clock()
        docs = read_inputs([tmp], settings).documents
        w1, c1 = clock()
        sources, _ = build_sources(docs, settings)
        texts = [s.text for s in sources]
        timings: list = []
        pipeline = Pipeline([TimedStage(st, timings) for st in default_stages()])
        mem: dict[str, float] = {"model_loaded_rss_mb": rss.phase()}

        def bare() -> tuple[float, float]:
            mem["bare_start_rss_mb"] = rss.now()
            w2, c2 = clock()
            for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
                pass
            w3, c3 = clock()
            mem["bare_peak_rss_mb"] = rss.phase()
            return w3 - w2, c3 - c2

        if not brief_first:
            bare_wall, bare_cpu = bare()
        if profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
        mem["brief_start_rss_mb"] = rss.now()
        w4, c4 = clock()
        briefing = brief_documents(docs, settings, pipeline)
        w5, c5 = clock()
        out = render(briefing, "json")
        w6, c6 = clock()
        mem["brief_peak_rss_mb"] = rss.phase()
        del briefing
        if profile:
            prof.disable()
            stats = pstats.Stats(prof, stream=sys.stderr)
            stats.sort_stats("tottime").print_stats(30)
            stats.sort_stats("cumulative").print_stats(40)
        if brief_first:
            bare_wall, bare_cpu = bare()
        rss.stop()
    data = json.loads(out)
    for s in data["sources"]:
        s["path"] = None
    for r in data.get("rejected", []):  # the temporary folder's name differs run to run
        r["path"] = Path(r["path"]).name if r.get("path") else r.get("path")
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    brief_wall = (w1 - w0) + (w5 - w4)
    brief_cpu = (c1 - c0) + (c5 - c4)
    return {
        "n": n,
        "chars": sum(len(t) for t in texts),
        "sources": len(sources),
        "bare_wall": bare_wall,
        "bare_cpu": bare_cpu,
        "read_wall": w1 - w0,
        "brief_wall": brief_wall,
        "brief_cpu": brief_cpu,
        "render_wall": w6 - w5,
        "stages": timings,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        **mem,
        "sha256": digest,
    }


def compare_n_process(n: int, rounds: int = 2) -> None:
    """Wall time of the bare parse of n reports in one process and in every core's process,
    alternating (the machine is shared: side by side), and whether the Docs are the same."""
    from newsfuse.config import Settings, available_cores
    from newsfuse.ingest.read import read_inputs
    from newsfuse.nlp import load_nlp
    from newsfuse.nlp.stages import PIPE_BATCH
    from newsfuse.sources import build_sources

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        write_story(pick(story_pool(), n), Path(tmp))
        sources, _ = build_sources(read_inputs([tmp], settings).documents, settings)
    texts = [s.text for s in sources]
    nlp = load_nlp(settings.model)
    cores = available_cores()
    times: dict[int, list[float]] = {1: [], cores: []}
    digests: dict[int, str] = {}
    for _ in range(rounds):
        for procs in (1, cores):
            start = time.perf_counter()
            docs = list(nlp.pipe(texts, batch_size=PIPE_BATCH, n_process=procs))
            times[procs].append(time.perf_counter() - start)
            digests[procs] = hashlib.sha256(b"".join(d.to_bytes(exclude=["user_data"]) for d in docs)).hexdigest()
    print(f"{n} reports, {sum(map(len, texts)):,} characters, {cores} cores; wall seconds per round:")
    for procs, ts in times.items():
        print(f"  n_process={procs}: " + ", ".join(f"{t:.1f}" for t in ts))
    print(f"  same Docs: {len(set(digests.values())) == 1}")


def fit_exponent(points: list[tuple[int, float]]) -> float | None:
    """Slope of log(time) on log(n), least squares; None with fewer than two points."""
    pts = [(math.log(n), math.log(t)) for n, t in points if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def run_size(n: int, timeout: float, chars: int = 0, brief_first: bool = False) -> dict | None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    try:
        out = subprocess.run([sys.executable, __file__, "--child", str(n), "--one-report", str(chars)]
                             + (["--brief-first"] if brief_first else []),
                             capture_output=True, text=True,
                             timeout=timeout, env=env, check=True)
    except subprocess.TimeoutExpired:
        print(f"n={n}: over {timeout:.0f} s, stopped", flush=True)
        return None
    except subprocess.CalledProcessError as exc:
        print(f"n={n}: failed\n{exc.stderr[-3000:]}", flush=True)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5,50,200,500,1000")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per size before it is stopped")
    ap.add_argument("--profile", type=int, help="cProfile one brief of this many reports (to stderr)")
    ap.add_argument("--n-process", type=int, metavar="N", help="time the bare parse of N reports in 1 vs all processes")
    ap.add_argument("--one-report", type=int, default=0, metavar="CHARS",
                    help="brief one report of CHARS characters instead of n reports")
    ap.add_argument("--brief-first", action="store_true",
                    help="brief before the bare parse (the brief's peak memory then owes nothing to the parse's)")
    ap.add_argument("--json", type=Path, help="also write the records here")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not TIMELINES.exists():
        print(f"skipped: {TIMELINES} is absent (research data lives in ../shared beside the checkout)")
        return
    if args.child is not None:
        print(json.dumps(child(args.child, profile=False, chars=args.one_report, brief_first=args.brief_first)))
        return
    if args.n_process:
        compare_n_process(args.n_process)
        return
    if args.profile:
        rec = child(args.profile, profile=True, chars=args.one_report, brief_first=args.brief_first)
        print(json.dumps({k: v for k, v in rec.items() if k != "stages"}))
        for name, wall, cpu in rec["stages"]:
            print(f"  {name:24} wall {wall:8.2f}  cpu {cpu:8.2f}")
        return
    records = []
    print(f"{'n':>5} {'chars':>10} {'bare s':>8} {'brief s':>8} {'CPU s':>8} {'x bare':>7} {'x bare CPU':>10} "
          f"{'RSS MB':>7}  sha256[:12]", flush=True)
    for n in (int(x) for x in args.sizes.split(",")):
        rec = run_size(n, args.timeout, args.one_report, args.brief_first)
        if rec is None:
            continue
        records.append(rec)
        print(f"{n:5d} {rec['chars']:10,d} {rec['bare_wall']:8.2f} {rec['brief_wall']:8.2f} {rec['brief_cpu']:8.2f} "
              f"{rec['brief_wall'] / rec['bare_wall']:7.2f} {rec['brief_cpu'] / rec['bare_cpu']:10.2f} "
              f"{rec['peak_rss_mb']:7.0f}  {rec['sha256'][:12]}", flush=True)
        slow = sorted(rec["stages"], key=lambda s: -s[2])[:6]
        print("      CPU s: " + ", ".join(f"{name} {cpu:.1f}" for name, _, cpu in slow), flush=True)
        print(f"      peak RSS MB: bare parse {rec['bare_peak_rss_mb']:.0f} (model loaded {rec['model_loaded_rss_mb']:.0f}), "
              f"brief {rec['brief_peak_rss_mb']:.0f} (from {rec['brief_start_rss_mb']:.0f}), "
              f"parse workers {rec['workers_peak_rss_mb']:.0f}", flush=True)
    big = [r for r in records if r["n"] >= 50]
    for label, key in (("brief wall", "brief_wall"), ("brief CPU", "brief_cpu"), ("bare parse wall", "bare_wall")):
        k = fit_exponent([(r["n"], r[key]) for r in big])
        print(f"exponent ({label}, n >= 50): {k:.2f}" if k is not None else f"exponent ({label}): too few sizes")
    if args.json:
        args.json.write_text(json.dumps(records, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
