#!/usr/bin/env python3
"""Draws the blind IndoSum batch of the timex gold (tests/data/timex/blind_gold.tsv)
and prints its article ids (file<TAB>id): no corpus text enters the repository.
The batch was drawn, then annotated by reading (TIMEX3 guidelines of
tests/data/timex/README.md) before the tagger was run on it.

Draw: IndoSum dev articles (one per id) whose outlet OR desk never occurs
among the articles of tests/data/timex/indosum_gold.tsv (new ground), not
themselves in it, with at most MAX_SENTENCES sentences (each is annotated in
full, false positives count), ordered by sha1(id); the first COUNT.
Batch 2 (blind2_gold.tsv) is the next BATCH2 articles of the same order,
annotated the same way after batch 1 had been used for tuning, so that it
gives an untuned score. Run from the repository root:
  python3 bench/timex/draw_blind.py [CORPUS_DIR] [2]
"""
import glob
import hashlib
import json
import os
import sys

COUNT = 12
BATCH2 = 10
MAX_SENTENCES = 14


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/corpus/indosum-dev"
    articles = {}
    for f in sorted(glob.glob(os.path.join(corpus, "dev.*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            n = sum(len(p) for p in d["paragraphs"])
            articles.setdefault(d["id"], (d["source"], d["category"], os.path.basename(f), n))
    gold = set()
    for line in open("tests/data/timex/indosum_gold.tsv", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            gold.add(line.split("\t")[2])
    sources = {articles[i][0] for i in gold if i in articles}
    desks = {articles[i][1] for i in gold if i in articles}
    pool = [i for i, (s, c, _, n) in articles.items()
            if (s not in sources or c not in desks) and i not in gold and n <= MAX_SENTENCES]
    pool.sort(key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    batch = pool[:COUNT] if len(sys.argv) < 3 or sys.argv[2] != "2" else pool[COUNT:COUNT + BATCH2]
    for i in batch:
        print(f"{articles[i][2]}\t{i}\t{articles[i][0]}\t{articles[i][1]}")


if __name__ == "__main__":
    main()
