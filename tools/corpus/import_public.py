"""Imports the public labelled data postguard trains and measures on, into tests/corpus/public/.

Sources (licences allow shipping weights trained on them; see tests/corpus/SOURCES.md):
  t-davidson/hate-speech-and-offensive-language  data/labeled_data.csv   MIT
  microsoft/TOXIGEN                              demonstrations/, prompts/  MIT

Each source gets a fixed test split that training never reads: Davidson rows whose index is a multiple
of 5; TOXIGEN statements whose SHA-256 starts with a hex digit below 3 (about 19 %), decided by the
text so a statement repeated across files always lands in the same split.

usage: python3 tools/corpus/import_public.py DAVIDSON_GIT_DIR TOXIGEN_GIT_DIR OUT_DIR
(the git dirs are bare snapshots; files are read with `git show HEAD:path`).
"""
import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path


def git_show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], check=True, capture_output=True).stdout.decode("utf-8", "replace")


def git_files(repo, under):
    out = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD", under], check=True, capture_output=True).stdout.decode()
    return [l for l in out.splitlines() if l.endswith(".txt")]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def davidson(repo, out):
    # class: 0 hate speech, 1 offensive language, 2 neither. Both 0 and 1 map to disrepute: a Trust's
    # policy treats slurs and obscene abuse posted by identifiable staff as disrepute (THH 5.4,
    # CDDFT 4.4.1), whoever it is aimed at.
    rows = list(csv.DictReader(io.StringIO(git_show(repo, "data/labeled_data.csv"))))
    train, test = [], []
    for r in rows:
        idx = int(r[""])
        expect = ["disrepute"] if r["class"] in ("0", "1") else []
        text = r["tweet"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        (test if idx % 5 == 0 else train).append({"id": f"davidson-{idx}", "text": text, "expect": expect})
    write(out / "davidson-train.jsonl", train)
    write(out / "davidson-test.jsonl", test)
    return len(train), len(test)


def toxigen(repo, out):
    statements = {}
    for path in git_files(repo, "demonstrations") + git_files(repo, "prompts"):
        name = path.rsplit("/", 1)[-1]
        label = "hate" if name.startswith("hate") else "neutral" if name.startswith("neutral") else None
        if label is None:
            continue
        for line in git_show(repo, path).replace("\\n", "\n").splitlines():
            s = line.strip().lstrip("-").strip()
            if len(s) >= 12:
                statements.setdefault(s, label)
    train, test = [], []
    for s, label in sorted(statements.items()):
        h = hashlib.sha256(s.encode()).hexdigest()
        row = {"id": f"toxigen-{h[:12]}", "text": s, "expect": ["disrepute"] if label == "hate" else []}
        (test if h[0] in "012" else train).append(row)
    write(out / "toxigen-train.jsonl", train)
    write(out / "toxigen-test.jsonl", test)
    return len(train), len(test)


if __name__ == "__main__":
    d, t, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    print("davidson train/test", davidson(d, out))
    print("toxigen train/test", toxigen(t, out))
