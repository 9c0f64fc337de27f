#!/usr/bin/env python3
"""How general-purpose sentiment and subjectivity word lists do on BABE's loaded words.

A yardstick for `slant eval words`: the same word-level measure (a token is gold-loaded when
its lower-cased form is in the row's biased_words; precision, recall and F1 over (sentence,
word) pairs), for flagging every word that a public lexicon rates strongly. Nothing here is
used by slant; nothing from BABE is stored.

Usage: python3 scripts/babe-general-lexicons.py [BABE.csv]
(downloads vaderSentiment, afinn and textblob from PyPI into a temporary folder)
"""
import ast
import csv
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

babe = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/babe-sg2/final_labels_SG2.csv"
tmp = Path(tempfile.mkdtemp())
subprocess.run(
    [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(tmp),
     "vaderSentiment==3.3.2", "afinn==0.1", "textblob==0.20.1"],
    check=True,
)
for f in tmp.iterdir():
    if f.suffix == ".whl":
        zipfile.ZipFile(f).extractall(tmp / "x")
    elif f.name.endswith(".tar.gz"):
        tarfile.open(f).extractall(tmp / "x")

word = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")


def words(text):
    return [w.lower().replace("\u2019", "'") for w in word.findall(text)]


rows = list(csv.DictReader(open(babe, encoding="utf-8-sig"), delimiter=";"))
gold = []
for r in rows:
    try:
        listed = ast.literal_eval(r["biased_words"])
    except (ValueError, SyntaxError):
        listed = []
    gold.append({w for item in listed for w in words(item)})

vader = {}
for line in open(next((tmp / "x").rglob("vader_lexicon.txt")), encoding="utf-8", errors="ignore"):
    parts = line.split("\t")
    try:
        vader[parts[0].lower()] = float(parts[1])
    except (IndexError, ValueError):
        pass
afinn = {}
for line in open(next((tmp / "x").rglob("AFINN-111.txt")), encoding="utf-8"):
    w, v = line.rsplit("\t", 1)
    afinn[w] = int(v)
subjectivity = {}
for e in ET.parse(next((tmp / "x").rglob("en-sentiment.xml"))).getroot():
    form = e.get("form").lower()
    subjectivity[form] = max(subjectivity.get(form, 0.0), float(e.get("subjectivity")))


def measure(name, loaded):
    right = predicted = labelled = 0
    for r, g in zip(rows, gold):
        present = set(words(r["text"]))
        flagged = {w for w in present if loaded(w)}
        right += len(flagged & g)
        predicted += len(flagged)
        labelled += len(g & present)
    p = right / predicted if predicted else 0.0
    rc = right / labelled if labelled else 0.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"{name:28s} precision {p:.3f}  recall {rc:.3f}  F1 {f:.3f}")


for t in (1.0, 2.0, 2.5):
    measure(f"VADER |valence| >= {t}", lambda w, t=t: abs(vader.get(w, 0)) >= t)
for t in (2, 3):
    measure(f"AFINN |score| >= {t}", lambda w, t=t: abs(afinn.get(w, 0)) >= t)
for t in (0.5, 0.9):
    measure(f"pattern subjectivity >= {t}", lambda w, t=t: subjectivity.get(w, 0) >= t)
