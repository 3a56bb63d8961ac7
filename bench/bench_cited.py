#!/usr/bin/env python3
"""Throughput of find_cited_sources: paragraphs per second on one core.

    .venv/bin/python bench/bench_cited.py [--paragraphs 20000] [--seed 7]

The corpus is generated from templates (Indonesian, Malay and English news prose, about one
paragraph in three citing a source, a few long ones), so the figure is reproducible and does not
depend on downloaded data.  Target: >= 2,000 paragraphs/s.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

from newsarchive import find_cited_sources

OUTLETS = ["Reuters", "AFP", "Antara", "Bernama", "CNN Indonesia", "Kompas.com", "detikcom", "The Star",
           "Bloomberg", "Al Jazeera", "Nikkei Asia", "Bangkok Post", "Harian Metro", "BBC", "Xinhua"]
PEOPLE = ["Budi Santoso", "Siti Rahmawati", "Ahmad Fauzi", "Maria Lopez", "John Carter", "Nurul Huda"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

ID_FILLER = [
    "Pemerintah daerah menyiapkan anggaran tambahan untuk memperbaiki jalan yang rusak akibat banjir.",
    "Warga berharap perbaikan selesai sebelum musim hujan berikutnya tiba di wilayah tersebut.",
    "Harga kebutuhan pokok di pasar tradisional relatif stabil dalam sepekan terakhir.",
    "Petugas gabungan terus melakukan pendataan terhadap rumah warga yang terdampak.",
    "Kegiatan belajar mengajar di sekolah itu dialihkan sementara ke balai desa.",
]
MS_FILLER = [
    "Kerajaan negeri akan menyalurkan bantuan segera kepada mangsa yang terjejas.",
    "Orang ramai dinasihatkan supaya sentiasa berwaspada ketika memandu dalam hujan lebat.",
    "Operasi mencari dan menyelamat disambung semula awal pagi ini selepas cuaca bertambah baik.",
]
EN_FILLER = [
    "The council said repairs to the bridge would take at least three more weeks to complete.",
    "Residents have been asked to conserve water while engineers inspect the treatment plant.",
    "Analysts expect the central bank to keep interest rates on hold at its next meeting.",
    "The company did not respond to a request for comment on Tuesday evening.",
]
ID_CITE = [
    "Seperti dilansir {o}, {d} ({n}/3/2024), {f}",
    "{f} Hal itu disampaikan {p} kepada {o}.",
    "Mengutip {o}, {f}",
    "{o} melaporkan, {f}",
    "\u201c{f}\u201d kata {p}, dikutip dari {o}, {d}.",
]
MS_CITE = ["Memetik laporan {o}, {f}", "{f} lapor {o}.", "KUALA LUMPUR, {n} Mac (Bernama) -- {f}"]
EN_CITE = ["{f} according to {o}.", "{o} reported that {f}", "\u201c{f}\u201d {p} told {o}.", "LONDON ({o}) - {f}"]
QUOTES = ["\u201c{f}\u201d kata {p} di Jakarta, {d}.", "\u201c{f}\u201d said {p}.", "\u201c{f}\u201d ujarnya."]


def make_corpus(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lang = rnd.choice(["id", "id", "ms", "en"])
        filler = {"id": ID_FILLER, "ms": MS_FILLER, "en": EN_FILLER}[lang]
        sentences = [rnd.choice(filler) for _ in range(rnd.randint(2, 5))]
        roll = rnd.random()
        if roll < 0.35:
            tpl = rnd.choice({"id": ID_CITE, "ms": MS_CITE, "en": EN_CITE}[lang])
        elif roll < 0.55:
            tpl = rnd.choice(QUOTES)
        else:
            tpl = None
        if tpl:
            f = rnd.choice(filler)
            sentences.insert(rnd.randint(0, len(sentences)),
                             tpl.format(o=rnd.choice(OUTLETS), p=rnd.choice(PEOPLE), d=rnd.choice(DAYS),
                                        n=rnd.randint(1, 28), f=f))
        if i % 200 == 0:  # the occasional very long paragraph
            sentences *= 20
        out.append(" ".join(sentences))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    corpus = make_corpus(a.paragraphs, a.seed)
    find_cited_sources("Dilansir Reuters, pemanasan.")  # load the gazetteer outside the timing
    rates = []
    found = 0
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        found = sum(len(find_cited_sources(p)) for p in corpus)
        rates.append(len(corpus) / (time.perf_counter() - t0))
    chars = sum(map(len, corpus))
    print(f"paragraphs={len(corpus)} mean_chars={chars / len(corpus):.0f} sources_found={found}")
    print(f"paragraphs/s: median {statistics.median(rates):,.0f} (runs: {', '.join(f'{r:,.0f}' for r in rates)})")


if __name__ == "__main__":
    main()
