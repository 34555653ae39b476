#!/usr/bin/env python3
"""Draws the candidate pairs of bench/entities/alias_pairs.tsv (issue 16,
item 5): two PERSON or ORGANISATION mentions in two different IndoSum dev
articles that share a given name, a surname or a name part. The candidates
were then labelled by reading both articles (same entity or not); only
IndoSum ids and mention forms enter the repository, never the text.

Mentions come from a store that `warta ingest` built from the five dev
folds (so the draw sees the names the tagger finds; a name it misses cannot
be drawn, which the NER scores measure, not this set):
  warta --db /tmp/alias-draw ingest -q ../shared/data/corpus/indosum-dev/
  python3 bench/entities/draw_alias_pairs.py /tmp/alias-draw/warta.sqlite \
      ../shared/data/corpus/indosum-dev > /tmp/candidates.txt
Kinds, by the forms' words (no labels: reading decides):
  part   - a full name (2+ words) in one article, a prefix or suffix of it
           as the whole name in another article that never writes the full
           one ("Sri Mulyani" <- "Sri Mulyani Indrawati"): the cross-article case;
  share  - two different full names sharing their first or last word
           ("Budi Gunawan" / "Budi Karya Sumadi"): the hard negatives, mostly;
  same   - the same full name in two articles;
  nick   - a one-word name and a full name of another article, the first
           article stating "X atau Y" / "X (Y)" with them.
Selection: every candidate keyed "kind|formA|formB|idA|idB", in the order
of sha1(key), at most 2 per shared word, QUOTA of each kind; the output
shows a sentence of each article to read.
"""
import collections
import glob
import hashlib
import json
import os
import sqlite3
import sys

QUOTA = {"part": 90, "share": 70, "same": 25, "nick": 15}
PER_WORD = 2


def main():
    db, corpus = sys.argv[1], sys.argv[2]
    by_url = {}
    for f in sorted(glob.glob(os.path.join(corpus, "dev.*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            by_url.setdefault(d["source_url"], (os.path.basename(f), d))
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT a.url, m.type, m.canonical, m.text FROM mentions m JOIN articles a ON a.seq = m.article_seq "
        "WHERE m.type IN ('PERSON','ORGANISATION') AND m.entity_id <> ''").fetchall()
    forms = collections.defaultdict(dict)  # url -> canonical -> (type, texts)
    for url, typ, canonical, text in rows:
        if url not in by_url:
            continue
        forms[url].setdefault(canonical, (typ, set()))[1].add(text)
    lower = {u: {c.lower() for c in cs} for u, cs in forms.items()}
    full_by_word = collections.defaultdict(set)  # word -> (url, canonical)
    by_form = collections.defaultdict(set)       # lower canonical -> urls
    for u, cs in forms.items():
        for c, (typ, _) in cs.items():
            by_form[c.lower()].add(u)
            w = c.split()
            if len(w) >= 2:
                full_by_word[w[0].lower()].add((u, c))
                full_by_word[w[-1].lower()].add((u, c))
    cands = []
    for word, entries in full_by_word.items():
        if len(word) < 3:
            continue
        fulls = collections.defaultdict(set)
        for u, c in entries:
            fulls[c].add(u)
        for full, urls in fulls.items():
            fw = full.split()
            parts = {" ".join(fw[:k]) for k in range(1, len(fw))} | {" ".join(fw[k:]) for k in range(1, len(fw))}
            for part in parts:
                if word not in part.lower().split():
                    continue
                for v in sorted(by_form.get(part.lower(), ())):
                    if full.lower() in lower[v]:
                        continue
                    for u in sorted(urls)[:3]:
                        if u != v:
                            cands.append(("part", word, u, full, v, [c for c in forms[v] if c.lower() == part.lower()][0]))
            for other, ourls in fulls.items():
                if other.lower() <= full.lower():
                    continue
                for u in sorted(urls)[:2]:
                    for v in sorted(ourls)[:2]:
                        if u != v:
                            cands.append(("share", word, u, full, v, other))
            if len(urls) >= 2:
                u, v = sorted(urls)[:2]
                cands.append(("same", word, u, full, v, full))
    for u, (f, d) in by_url.items():
        if u not in forms:
            continue
        text = " ".join(" ".join(" ".join(s) for s in p) for p in d["paragraphs"])
        for c in forms[u]:
            if len(c.split()) != 1:
                continue
            for link in (" atau " + c, "( " + c + " )", " alias " + c, "disapa " + c):
                if link in text:
                    for v in sorted(by_form.get(c.lower(), ()))[:3]:
                        if v != u:
                            cands.append(("nick", c.lower(), u, c, v, c))
                    break

    def key(c):
        return hashlib.sha1("|".join([c[0], c[3], c[5], c[2], c[4]]).encode()).hexdigest()

    cands.sort(key=key)
    per_word = collections.Counter()
    per_kind = collections.Counter()
    seen = set()
    n = 0
    for kind, word, u, fa, v, fb in cands:
        if per_word[word] >= PER_WORD or (u, fa, v, fb) in seen or per_kind[kind] >= QUOTA[kind]:
            continue
        per_word[word] += 1
        per_kind[kind] += 1
        seen.add((u, fa, v, fb))
        n += 1
        fu, du = by_url[u]
        fv, dv = by_url[v]

        def sentence(d, form):
            first = form.split()[0]
            for p in d["paragraphs"]:
                for s in p:
                    t = " ".join(s)
                    if form in t:
                        return t
            for p in d["paragraphs"]:
                for s in p:
                    t = " ".join(s)
                    if first in t:
                        return t
            return ""

        print(f"#{n}\t{kind}\t{forms[u][fa][0]}\t{fu}\t{du['id']}\t{fa}\t{fv}\t{dv['id']}\t{fb}")
        print(f"  A [{du['source']}/{du['category']}] {' '.join(du['paragraphs'][0][0])[:140]} || {sentence(du, fa)[:260]}")
        print(f"  B [{dv['source']}/{dv['category']}] {' '.join(dv['paragraphs'][0][0])[:140]} || {sentence(dv, fb)[:260]}")


if __name__ == "__main__":
    main()
