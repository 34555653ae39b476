#!/usr/bin/env python3
"""Draw the blind events gold batch 2 (issue 18): deterministic, by hash.

From IndoSum dev.01..dev.05, take every article of category "tajuk utama" (news:
economy, politics, police and courts, regional, disasters: the topics batch 1,
which also drew sport and technology, barely has) whose id is in no file of
batch 1 (gold_batch1_A.tsv, gold_batch1_B.tsv beside this script), key it by
sha1("events-batch2|" + id), sort ascending, and keep at most 3 articles per
source until 24 are kept. If the walk runs out before 24, it is repeated over
the articles not yet kept with the cap raised by one (4, then 5, ...), as batch
1's draw does, so the batch stays spread over outlets. An id found in two folds
is drawn once (its first file).
Prints file<TAB>id<TAB>category<TAB>source of the kept articles, in order.
Usage: draw_events_batch2.py [CORPUS_DIR]   (default ../shared/data/corpus/indosum-dev)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from draw_events_batch import annotated_ids, draw  # noqa: E402  (the walk both batches share)

CATEGORIES = {"tajuk utama"}
WANTED = 24
PER_SOURCE = 3
BATCH1 = ("gold_batch1_A.tsv", "gold_batch1_B.tsv")



def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        "..", "shared", "data", "corpus", "indosum-dev")
    for row in draw(corpus, "events-batch2", CATEGORIES, WANTED, PER_SOURCE, annotated_ids(*BATCH1)):
        print("%s\t%s\t%s\t%s" % row)


if __name__ == "__main__":
    main()
