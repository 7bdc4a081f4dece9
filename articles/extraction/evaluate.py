"""Dev-only: run `extract` over the dev corpus and score it with the shared scorer."""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import Gazetteer, extract


def export_line(name: str, extraction, gazetteer: Gazetteer) -> dict:
    """One line of the archive's export format, every tag still a suggestion."""
    regions = []
    for mention in extraction.regions:
        region = gazetteer.get(mention.code)
        if region:
            regions.append(
                {"code": region.code, "name": region.name, "level": region.level, "status": "suggested"}
            )
    return {
        "file": name,
        "title": extraction.title,
        "published": extraction.published.date().isoformat() if extraction.published else None,
        "regions": regions,
        "people": [{"name": p.name, "role": p.role, "status": "suggested"} for p in extraction.people],
        "pairs": [
            {
                "contest": pair.contest,
                "office": pair.office,
                "number": pair.number,
                "head": pair.head,
                "deputy": pair.deputy,
                "stage": pair.stage,
                "status": "suggested",
            }
            for pair in extraction.pairs
        ],
    }


def _in_range(name: str, span: str | None) -> bool:
    """`span` like "001-055": develop on part of the set and keep the rest held back."""
    if not span:
        return True
    first, _, last = span.partition("-")
    return first <= Path(name).stem <= (last or first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default="../shared/dev-corpus")
    parser.add_argument("--wilayah", default="../shared/data/wilayah")
    parser.add_argument("--scorer", default="../shared/tools/score_extraction.py")
    parser.add_argument("--keep", help="write the export here instead of a temporary file")
    parser.add_argument("--files", help="only these files, e.g. 001-055 (the truth is cut to match)")
    parser.add_argument("--min", help="passed to the scorer: title=0.95,people=0.9,...")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    gazetteer = Gazetteer.from_csv(args.wilayah)
    files = [f for f in sorted((corpus / "articles").glob("*.txt")) if _in_range(f.name, args.files)]
    started = time.perf_counter()
    lines = [export_line(f.name, extract(f.read_text(encoding="utf-8"), gazetteer), gazetteer) for f in files]
    elapsed = time.perf_counter() - started
    print(f"extracted {len(files)} articles in {elapsed * 1000:.0f} ms")

    out = Path(args.keep) if args.keep else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    truth = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with open(corpus / "truth.jsonl", encoding="utf-8") as source:
        truth.write_text("".join(t for t in source if _in_range(json.loads(t)["file"], args.files)))
    command = [sys.executable, args.scorer, str(out), str(truth), args.wilayah]
    if args.min:
        command += ["--min", args.min]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
