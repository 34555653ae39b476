#!/usr/bin/env python3
"""Scores organisation resolution on tests/data/orgs (see its README.md).

    bench/entities/org_resolution.py WARTA [--data tests/data/orgs] [--verbose]

Ingests written/*.txt in name order into a fresh store with the `warta`
binary WARTA (one thread, so the store order is the file order), exports the
articles and, for each labelled organisation of orgs_gold.tsv, counts the
distinct entity ids of the mentions overlapping its surfaces (target: one each). Reports the
labelled surfaces no mention overlaps (the tagger did not find them), and
wrong merges: an entity id
carrying two labels. Prints one summary line and, with --verbose, each
label's ids and names.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("warta")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "orgs"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    gold = []
    with open(os.path.join(args.data, "orgs_gold.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 3:
                sys.exit(f"orgs_gold.tsv:{n}: expected 3 columns, got {len(cols)}")
            gold.append(tuple(cols))
    with tempfile.TemporaryDirectory() as db:
        subprocess.run([args.warta, "--db", db, "ingest", "--threads", "1", os.path.join(args.data, "written")],
                       check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([args.warta, "--db", db, "export"], check=True, capture_output=True, text=True).stdout
    articles = {}
    for line in out.splitlines():
        a = json.loads(line)
        articles[os.path.basename(a["source"])] = a
    # Each labelled surface's places in its article's text (code points, as
    # the spans count), whole words only; a place inside a longer labelled
    # surface is that one's ("Pertamina" in "PT Pertamina Patra Niaga").
    places = collections.defaultdict(list)  # file -> (begin, end, surface, label)
    for file, surface, label in gold:
        text = articles[file]["text"] if file in articles else ""
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            places[file].append((m.start(), m.end(), surface, label))
    ids = collections.defaultdict(set)          # label -> entity ids
    names = collections.defaultdict(set)        # entity id -> canonical names
    labels_of = collections.defaultdict(set)    # entity id -> labels
    missing = []
    for file, surface, label in gold:
        spans = [(b, e) for b, e, s, l in places[file] if s == surface and not any(
            (b2 <= b and e <= e2 and e2 - b2 > e - b) for b2, e2, _, _ in places[file])]
        entities = articles.get(file, {}).get("entities", [])
        found = [m for m in entities for b, e in spans if m["span"]["begin"] < e and b < m["span"]["end"]]
        if not spans or not found:
            missing.append(f"{file}: {surface} ({label})")
            continue
        for m in found:
            ids[label].add(m["entity_id"])
            names[m["entity_id"]].add(f'{m["type"][0]}:{m["canonical"]}')
            labels_of[m["entity_id"]].add(label)
    labels = sorted({g[2] for g in gold})
    found_labels = [l for l in labels if ids[l]]
    one = sum(1 for l in found_labels if len(ids[l]) == 1)
    total_ids = sum(len(ids[l]) for l in found_labels)
    merges = {i: sorted(ls) for i, ls in labels_of.items() if len(ls) > 1}
    print(f"labels {len(labels)} (found {len(found_labels)}), one id each {one}/{len(found_labels)}, "
          f"ids per label {total_ids / max(1, len(found_labels)):.2f}, "
          f"mentions labelled {len(gold)} (not found {len(missing)}), wrong merges {len(merges)}")
    if args.verbose:
        for l in labels:
            print(f"  {l}: {len(ids[l])} id(s): " + "; ".join(f"{i} {sorted(names[i])}" for i in sorted(ids[l])))
        for m in missing:
            print(f"  not found: {m}")
        for i, ls in merges.items():
            print(f"  wrong merge: {i} {sorted(names[i])} carries {ls}")


if __name__ == "__main__":
    main()
