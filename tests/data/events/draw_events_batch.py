#!/usr/bin/env python3
"""Draw events gold batch 1 (issue 18): deterministic, the same for both annotators.

From indosum-dev dev.01..dev.05.jsonl take every article of category
"tajuk utama", "olahraga" or "teknologi", key it by sha1("events-batch1|" + id)
in hex, sort ascending, and walk the list keeping at most 3 articles per
source (outlet) until 44 are kept. Annotator A takes kept positions 1-22,
annotator B 23-44. Prints file<TAB>id<TAB>category<TAB>source for the 44.

Usage: draw_events_batch.py [CORPUS_DIR]  (default ../shared/data/corpus/indosum-dev)
"""
import hashlib
import json
import os
import sys

CATEGORIES = {"tajuk utama", "olahraga", "teknologi"}
FILES = ["dev.0%d.jsonl" % i for i in range(1, 6)]
PER_SOURCE = 3
TOTAL = 44


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        "..", "shared", "data", "corpus", "indosum-dev")
    candidates = []
    for name in FILES:
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                art = json.loads(line)
                if art.get("category") not in CATEGORIES:
                    continue
                key = hashlib.sha1(
                    ("events-batch1|" + art["id"]).encode("utf-8")).hexdigest()
                candidates.append((key, name, art["id"], art["category"],
                                   art.get("source", "")))
    candidates.sort()
    kept, per_source, seen = [], {}, set()
    for key, name, aid, category, source in candidates:
        if len(kept) == TOTAL:
            break
        # The five dev folds overlap (271 ids occur in more than one file):
        # an article is drawn once, from the lowest-numbered file.
        if aid in seen:
            continue
        seen.add(aid)
        if per_source.get(source, 0) >= PER_SOURCE:
            continue
        per_source[source] = per_source.get(source, 0) + 1
        kept.append((name, aid, category, source))
    for row in kept:
        print("\t".join(row))
    if len(kept) < TOTAL:
        # The corpus has only 10 outlets, so 3 per outlet caps the draw at 30.
        print("draw: only %d of %d articles can be kept (%d outlets x %d)"
              % (len(kept), TOTAL, len(per_source), PER_SOURCE), file=sys.stderr)


if __name__ == "__main__":
    main()
