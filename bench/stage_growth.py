"""Which post-parse stage (and which function in it) grows faster than the number of reports.

``bench/scale.py`` times the whole ``brief`` beside a bare parse; this script isolates the stages
after the parse, so their growth can be read without paying the parse again and again. Each
size's Docs are parsed once and cached as a spaCy ``DocBin`` (``--cache``, default a folder in
the system temp dir); every later run loads them in seconds. Then each stage from ``sentences``
on runs under cProfile, and the per-function cumulative times are compared between the two
largest sizes: a function whose time grows by far more than the size ratio is the superlinear
part (time ×4 when n ×2 is quadratic).

    PYTHONPATH=src .venv/bin/python bench/stage_growth.py --sizes 250,500,1000 [--top 25]

The reports are those of ``bench/scale.py`` (the BP oil spill in Timeline17, n spread evenly).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import pick, story_pool, write_story  # noqa: E402


def sources_for(n: int):
    """The cleaned sources of n reports, read from files and a manifest as ``newsfuse brief`` does."""
    from newsfuse.config import Settings
    from newsfuse.ingest.read import read_inputs
    from newsfuse.sources import build_sources

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        write_story(pick(story_pool(), n), Path(tmp))
        docs = read_inputs([tmp], settings).documents
    sources, rejected = build_sources(docs, settings)
    return settings, sources, rejected


def parsed(n: int, cache: Path):
    """The briefing after ``parse`` for n reports, its Docs from the cache when there."""
    from spacy.tokens import DocBin

    from newsfuse.model import Briefing
    from newsfuse.nlp import load_nlp
    from newsfuse.nlp.stages import parse

    settings, sources, rejected = sources_for(n)
    briefing = Briefing(sources=sources, rejected=rejected, settings=settings,
                        produced=frozenset({"sources", "rejected", "settings"}))
    key = hashlib.sha256("\0".join(s.text for s in sources).encode()).hexdigest()[:16]
    path = cache / f"docs-{n}-{key}.spacy"
    nlp = load_nlp(settings.model)
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        return briefing.__class__(**{**briefing.__dict__, "docs": dict(zip((s.id for s in sources), docs)),
                                     "produced": briefing.produced | {"docs"}})
    done = parse(briefing)
    bin_ = DocBin(store_user_data=True)
    for s in sources:
        bin_.add(done.docs[s.id])
    cache.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)
    return done


def profile_stages(briefing, top: int) -> dict[str, tuple[float, pstats.Stats]]:
    from newsfuse.stages import default_stages

    out = {}
    for st in default_stages()[1:]:
        prof = cProfile.Profile()
        cpu = time.process_time()
        prof.enable()
        briefing = st(briefing)
        prof.disable()
        out[st.name] = (time.process_time() - cpu, pstats.Stats(prof))
    return out


def by_function(stats: pstats.Stats) -> dict[str, tuple[float, float]]:
    """(tottime, cumtime) per function, named file:line(function)."""
    return {f"{Path(f).name}:{line}({fn})": (v[2], v[3]) for (f, line, fn), v in stats.stats.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="250,500,1000")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsfuse-stage-growth")
    ap.add_argument("--stage", action="append", help="only show these stages' functions")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = {}
    for n in sizes:
        briefing = parsed(n, args.cache)
        runs[n] = profile_stages(briefing, args.top)
        print(f"n={n}: " + "  ".join(f"{k} {v[0]:.1f}" for k, v in runs[n].items()), flush=True)
    print("\nstage CPU-s per size, and growth between the last two sizes")
    a, b = sizes[-2], sizes[-1]
    for name in runs[b]:
        cells = "  ".join(f"{runs[n][name][0]:7.2f}" for n in sizes)
        ratio = runs[b][name][0] / max(runs[a][name][0], 1e-9)
        print(f"{name:12s} {cells}   x{ratio:.2f} (n x{b / a:.2f})")
    for name in runs[b]:
        if args.stage and name not in args.stage:
            continue
        fa, fb = by_function(runs[a][name][1]), by_function(runs[b][name][1])
        rows = sorted(fb.items(), key=lambda kv: -kv[1][0])[: args.top]
        print(f"\n== {name}: top functions by own time at n={b} (own s at {a} -> {b}, cum s at {a} -> {b})")
        for fn, (tot, cum) in rows:
            ta, ca = fa.get(fn, (0.0, 0.0))
            print(f"  {ta:7.2f} -> {tot:7.2f} (x{tot / max(ta, 1e-9):5.2f})   {ca:7.2f} -> {cum:7.2f}  {fn}")


if __name__ == "__main__":
    main()
