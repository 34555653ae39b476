#!/usr/bin/env python3
"""Draw the blind events gold batch 1 (issue 18): deterministic, by hash.

From IndoSum dev.01..dev.05, take every article of category "tajuk utama",
"olahraga" or "teknologi", key it by sha1("events-batch1|" + id), sort
ascending, and keep at most 3 articles per source until 44 are kept.
IndoSum's dev folds hold only 10 sources, so the 3-per-source walk stops at
30; the walk is then repeated over the articles not yet kept with the cap
raised by one (4, then 5, ...) until 44 are kept, so the batch stays spread
over outlets. An id found in two folds is drawn once (its first file).
Prints file<TAB>id<TAB>category<TAB>source of the kept articles, in order
(positions 1-22 for annotator A, 23-44 for annotator B).
Usage: draw_events_batch.py [CORPUS_DIR]   (default ../shared/data/corpus/indosum-dev)
"""
import hashlib
import json
import os
import sys

CATEGORIES = {"tajuk utama", "olahraga", "teknologi"}
WANTED = 44
PER_SOURCE = 3


def annotated_ids(*names):
    """Every IndoSum id annotated in the gold files `names` beside this
    script (column 2 of their rows): a later batch's draw leaves them out."""
    here = os.path.dirname(os.path.abspath(__file__))
    ids = set()
    for name in names:
        with open(os.path.join(here, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                ids.add(line.split("\t")[1])
    return ids


def draw(corpus, salt, categories, wanted, per_source_cap, excluded=frozenset()):
    """The kept articles, in order: (file, id, category, source) tuples.

    Every article of `categories` whose id is not in `excluded`, keyed by
    sha1(salt + "|" + id) ascending, at most `per_source_cap` per source; when
    the walk runs out before `wanted`, it is repeated over the articles not yet
    kept with the cap raised by one. An id found in two folds is drawn once
    (its first file). Batch 2's draw (draw_events_batch2.py) uses it too.
    """
    rows = []
    seen = set()
    for n in range(1, 6):
        name = "dev.%02d.jsonl" % n
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            for line in f:
                art = json.loads(line)
                if art["category"] not in categories or art["id"] in seen:
                    continue
                seen.add(art["id"])  # an id in two folds is drawn once (first file)
                if art["id"] in excluded:
                    continue
                key = hashlib.sha1((salt + "|" + art["id"]).encode("utf-8")).hexdigest()
                rows.append((key, name, art["id"], art["category"], art["source"]))
    rows.sort()
    per_source = {}
    kept = []
    kept_ids = set()
    cap = per_source_cap
    while len(kept) < wanted and len(kept) < len(rows):
        for _, name, art_id, category, source in rows:
            if art_id in kept_ids or per_source.get(source, 0) >= cap:
                continue
            per_source[source] = per_source.get(source, 0) + 1
            kept_ids.add(art_id)
            kept.append((name, art_id, category, source))
            if len(kept) == wanted:
                break
        cap += 1
    return kept


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        "..", "shared", "data", "corpus", "indosum-dev")
    for row in draw(corpus, "events-batch1", CATEGORIES, WANTED, PER_SOURCE):
        print("%s\t%s\t%s\t%s" % row)


if __name__ == "__main__":
    main()
