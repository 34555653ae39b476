#!/usr/bin/env python3
"""Writes N different /api/search request paths drawn from an IndoSum corpus.

Usage: make_queries.py CORPUS_DIR N > queries.txt

Words are drawn in proportion to how often they occur in the corpus (fixed
seed, so every run sends the same requests), skipping very common ones that
would match nearly every article. The mix: one-word and two-word queries,
some quoted phrases taken from the text, and some with an outlet or a date
filter, as a person using the search page would send them.
"""
import glob
import json
import os
import random
import sys
import urllib.parse
from collections import Counter


def main():
    corpus, n = sys.argv[1], int(sys.argv[2])
    counts = Counter()
    pairs, outlets = [], Counter()
    for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                outlets[doc.get("source", "")] += 1
                for para in doc.get("paragraphs", []):
                    for sent in para:
                        words = [w.lower() for w in sent if w.isalpha() and len(w) >= 4]
                        counts.update(words)
                        # Adjacent word pairs, for phrase queries.
                        pairs.extend((a.lower(), b.lower()) for a, b in zip(sent, sent[1:])
                                         if a.isalpha() and b.isalpha() and len(a) + len(b) >= 8)
    total_docs = sum(outlets.values())
    # Words in at most ~a third of the articles' worth of occurrences: the
    # rest are function words a reader would not search for.
    vocab = [(w, c) for w, c in counts.items() if 3 <= c <= total_docs // 3]
    words, weights = zip(*vocab)
    rng = random.Random(20250301)
    top_outlets = [o for o, _ in outlets.most_common(8) if o]
    seen, out = set(), []
    while len(out) < n:
        kind = rng.random()
        params = {}
        if kind < 0.45:
            params["q"] = rng.choices(words, weights)[0]
        elif kind < 0.8:
            params["q"] = " ".join(rng.choices(words, weights, k=2))
        else:
            params["q"] = '"' + " ".join(rng.choice(pairs)) + '"'
        extra = rng.random()
        if extra < 0.1 and top_outlets:
            params["outlet"] = rng.choice(top_outlets)
        elif extra < 0.2:
            params["from"] = rng.choice(["2016", "2017", "2017-06"])
        path = "/api/search?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        if path not in seen:
            seen.add(path)
            out.append(path)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
