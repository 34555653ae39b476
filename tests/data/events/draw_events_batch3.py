#!/usr/bin/env python3
"""Draw the blind events gold batch 3 (issue 18): deterministic, by hash.

From IndoSum dev.01..dev.05, take every article of category "tajuk utama" (the
news category batch 2 drew) whose id is in no file of batches 1 and 2
(gold_batch1_A.tsv, gold_batch1_B.tsv, gold_batch2.tsv beside this script),
key it by sha1("events-batch3|" + id), sort ascending, and keep at most 3
articles per source until 24 are kept. If the walk runs out before 24, it is
repeated over the articles not yet kept with the cap raised by one (4, then
5, ...), as batches 1 and 2 do, so the batch stays spread over outlets. An id
found in two folds is drawn once (its first file). "tajuk utama" has far more
than 24 articles left after batches 1 and 2 (1,296 of its 1,346 distinct ids,
over 7 outlets), so no other category is added.
Prints file<TAB>id<TAB>category<TAB>source of the kept articles, in order.
Usage: draw_events_batch3.py [CORPUS_DIR]   (default ../shared/data/corpus/indosum-dev)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from draw_events_batch import annotated_ids, draw  # noqa: E402  (the walk every batch shares)

CATEGORIES = {"tajuk utama"}
WANTED = 24
PER_SOURCE = 3
EARLIER = ("gold_batch1_A.tsv", "gold_batch1_B.tsv", "gold_batch2.tsv")



def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        "..", "shared", "data", "corpus", "indosum-dev")
    for row in draw(corpus, "events-batch3", CATEGORIES, WANTED, PER_SOURCE, annotated_ids(*EARLIER)):
        print("%s\t%s\t%s\t%s" % row)


if __name__ == "__main__":
    main()
