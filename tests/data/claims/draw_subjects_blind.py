#!/usr/bin/env python3
"""Draws the session-9 blind batch of claims/subjects (issue 17) from IndoSum dev.

Stable: articles ordered by SHA-1 of their id within each topic, so the same
../shared gives the same draw. Articles already in indosum_gold.tsv are
skipped. Topics (the issue's: economy, prices, disasters, sports) are read
from the article id's slug (its headline) and IndoSum's category:
  prices     slug has "harga"
  disasters  slug has a disaster word (banjir, gempa, longsor, ...)
  economy    slug has an economy word (ekspor, inflasi, rupiah, saham, ...)
  sports     category "olahraga"
(first that applies, in that order); an article the folds share is taken once. An article qualifies with 3-8 sentences
holding a digit. The batch takes articles round-robin over the topics in hash
order until the annotated claims reach 40 (README.md says where it stopped).

  python3 tests/data/claims/draw_subjects_blind.py [SHARED] [N_PER_TOPIC]

prints the drawn articles' sentences that hold a digit or a number word, with
their para.sent locator, for annotation (text joined roughly as the
detokeniser does; the evaluator uses the real one).
"""
import glob, hashlib, json, os, re, sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else "../shared"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 4
HERE = os.path.dirname(os.path.abspath(__file__))

DISASTER = ("banjir", "gempa", "longsor", "kebakaran", "tsunami", "erupsi", "puting-beliung",
            "kekeringan", "bencana", "angin-kencang", "meletus")
ECONOMY = ("ekonomi", "ekspor", "impor", "inflasi", "rupiah", "saham", "ihsg", "investasi", "pajak",
           "anggaran", "apbn", "apbd", "laba", "kredit", "bank", "produksi", "pertumbuhan", "utang",
           "dolar", "bursa", "tarif", "subsidi", "penjualan", "pendapatan", "bbm", "beras", "ojk")
NUMBER_WORDS = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                "sepuluh", "sebelas", "belas", "puluh", "ratus", "ribu", "juta", "miliar", "triliun",
                "seratus", "seribu", "puluhan", "ratusan", "ribuan", "jutaan", "setengah")


def topic(article):
    slug = article["id"].split("-", 1)[1] if "-" in article["id"] else article["id"]
    words = slug.split("-")
    if "harga" in words:
        return "prices"
    if any(w in slug for w in DISASTER):
        return "disasters"
    if any(w in words for w in ECONOMY):
        return "economy"
    if article.get("category") == "olahraga":
        return "sports"
    return None


def join(tokens):
    s = " ".join(tokens)
    s = re.sub(r" ([.,;:%)\]!?])", r"\1", s)
    s = re.sub(r"([(\[]) ", r"\1", s)
    return s


def main():
    gold = set()
    with open(os.path.join(HERE, "indosum_gold.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            gold.add(line.split("\t")[2])
    by_topic, seen = {}, set()
    for path in sorted(glob.glob(os.path.join(SHARED, "data/corpus/indosum-dev/dev.*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            a = json.loads(line)
            if a["id"] in gold or a["id"] in seen:  # the folds share articles
                continue
            seen.add(a["id"])
            t = topic(a)
            if not t:
                continue
            digit_sents = sum(1 for p in a["paragraphs"] for s in p if any(any(c.isdigit() for c in w) for w in s))
            if not 3 <= digit_sents <= 8:
                continue
            key = hashlib.sha1(a["id"].encode()).hexdigest()
            by_topic.setdefault(t, []).append((key, os.path.basename(path), a))
    for t in by_topic:
        by_topic[t].sort(key=lambda x: x[0])
    for rank in range(N):
        for t in ("economy", "prices", "disasters", "sports"):
            if rank >= len(by_topic.get(t, [])):
                continue
            key, file, a = by_topic[t][rank]
            print(f"=== {t} #{rank + 1} {file} {a['id']} sha1={key[:10]}")
            for p, para in enumerate(a["paragraphs"]):
                for s, sent in enumerate(para):
                    text = join(sent)
                    low = [w.lower() for w in sent]
                    if any(ch.isdigit() for ch in text) or any(w in NUMBER_WORDS for w in low):
                        print(f"{p}.{s}\t{text}")
                    elif p == 0 and s == 0:
                        print(f"({p}.{s})\t{text}")


if __name__ == "__main__":
    main()
