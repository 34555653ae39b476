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

Batch 1 (bench/entities/alias_pairs.tsv) is the default draw above. Batch 2
(bench/entities/alias_pairs_batch2.tsv, 2026-12-07, labelled blind before any
scoring) was drawn from a fresh store of the then-current binary with
  python3 bench/entities/draw_alias_pairs.py --salt batch2 \
      --exclude bench/entities/alias_pairs.tsv \
      --quota part=45,share=30,same=15,nick=10 \
      /tmp/alias-draw2/warta.sqlite ../shared/data/corpus/indosum-dev
Options (defaults reproduce batch 1):
  --salt S       order by sha1(S + "|" + key) instead of sha1(key), a new
                 independent order for a new batch;
  --exclude FILE skip every candidate already labelled in FILE (a gold tsv:
                 columns 5, 6, 8, 9 are IndoSum id A, form A, id B, form B),
                 both when its two (id, form) mentions are a pair there and
                 when its two articles are, in either order, so a new batch
                 never re-asks a pair the old one answered;
  --quota K=N,.. how many candidates of each kind (unnamed kinds keep the
                 batch-1 quota);
  --new-articles with --exclude (which may be given more than once): skip
                 every candidate with an article of an excluded gold at all,
                 so the batch reads articles no earlier batch read.
Batch 3 (bench/entities/alias_pairs_batch3.tsv, 2026-12-07, session 9,
labelled blind before any scoring) was drawn from a store of main at
d4c4bc8 with
  python3 bench/entities/draw_alias_pairs.py --salt batch3 --new-articles \
      --exclude bench/entities/alias_pairs.tsv \
      --exclude bench/entities/alias_pairs_batch2.tsv \
      --quota part=45,share=30,same=15,nick=10 \
      /tmp/alias-draw3/warta.sqlite ../shared/data/corpus/indosum-dev
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import sqlite3
import sys

QUOTA = {"part": 90, "share": 70, "same": 25, "nick": 15}
PER_WORD = 2


def parse_quota(text):
    quota = dict(QUOTA)
    for item in filter(None, text.split(",")):
        kind, _, n = item.partition("=")
        if kind not in QUOTA or not n.isdigit():
            sys.exit(f"--quota: bad item {item!r} (want KIND=N, KIND one of {', '.join(QUOTA)})")
        quota[kind] = int(n)
    return quota


def read_exclusions(path):
    """(id, form) mention pairs and article-id pairs of a labelled gold tsv,
    each stored in both orders."""
    mentions, articles, ids = set(), set(), set()
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 9:
            sys.exit(f"{path}:{lineno}: want 9 tab-separated columns, got {len(f)}")
        a, b = (f[4], f[5]), (f[7], f[8])
        mentions |= {(a, b), (b, a)}
        articles |= {(a[0], b[0]), (b[0], a[0])}
        ids |= {a[0], b[0]}
    return mentions, articles, ids


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    ap.add_argument("corpus")
    ap.add_argument("--salt", default="")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--new-articles", action="store_true")
    ap.add_argument("--quota", default="")
    args = ap.parse_args()
    db, corpus = args.db, args.corpus
    quota = parse_quota(args.quota)
    ex_mentions, ex_articles, ex_ids = set(), set(), set()
    for path in args.exclude:
        m, a, i = read_exclusions(path)
        ex_mentions |= m
        ex_articles |= a
        ex_ids |= i
    if not args.new_articles:
        ex_ids = set()
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
        k = "|".join([c[0], c[3], c[5], c[2], c[4]])
        # An empty salt keeps batch 1's order exactly.
        return hashlib.sha1((args.salt + "|" + k if args.salt else k).encode()).hexdigest()

    def excluded(c):
        ida, idb = by_url[c[2]][1]["id"], by_url[c[4]][1]["id"]
        return (((ida, c[3]), (idb, c[5])) in ex_mentions or (ida, idb) in ex_articles or ida in ex_ids
                or idb in ex_ids)

    cands = [c for c in cands if not excluded(c)]
    cands.sort(key=key)
    per_word = collections.Counter()
    per_kind = collections.Counter()
    seen = set()
    n = 0
    for kind, word, u, fa, v, fb in cands:
        if per_word[word] >= PER_WORD or (u, fa, v, fb) in seen or per_kind[kind] >= quota[kind]:
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
