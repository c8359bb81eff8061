"""Checks a batch written for the corpus and copies it into tests/corpus/written/.

A batch is JSON lines {"id","text","expect"} (tests/corpus/SOURCES.md says who wrote each and how).
Refuses a batch with a malformed line, unknown family, duplicate id, or a text already present in any
other corpus file (a repeated text would leak between splits).

usage: python3 tools/corpus/import_written.py BATCH.jsonl...
"""
import json
import sys
from pathlib import Path

FAMILIES = {"confidentiality", "consent", "disrepute"}
ROOT = Path(__file__).resolve().parents[2] / "tests" / "corpus"


def key(text):
    return " ".join(text.lower().split())


def main(paths):
    seen = {}
    for f in ROOT.rglob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen[key(json.loads(line)["text"])] = f.name
    out_dir = ROOT / "written"
    out_dir.mkdir(exist_ok=True)
    for p in map(Path, paths):
        rows, ids, problems = [], set(), []
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if set(r) != {"id", "text", "expect"} or not isinstance(r["text"], str) or not r["text"].strip():
                problems.append(f"{p}:{n}: fields must be exactly id, text, expect")
            elif not set(r["expect"]) <= FAMILIES or len(set(r["expect"])) != len(r["expect"]):
                problems.append(f"{p}:{n}: bad families {r['expect']}")
            elif r["id"] in ids:
                problems.append(f"{p}:{n}: duplicate id {r['id']}")
            elif key(r["text"]) in seen and seen[key(r["text"])] != p.name:
                problems.append(f"{p}:{n}: text already in {seen[key(r['text'])]}")
            else:
                ids.add(r["id"])
                seen[key(r["text"])] = p.name
                rows.append(r)
        if problems:
            print("\n".join(problems[:20]), file=sys.stderr)
            print(f"{p}: {len(problems)} problem line(s) left out", file=sys.stderr)
        with open(out_dir / p.name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        fams = {fam: sum(fam in r["expect"] for r in rows) for fam in sorted(FAMILIES)}
        print(f"{p.name}: {len(rows)} posts, {sum(not r['expect'] for r in rows)} benign, {fams}")


if __name__ == "__main__":
    main(sys.argv[1:])
