// Realistic drafts for benchmarks, built from the development corpus exactly as the native benchmark
// builds them (crates/core/benches/analyze.rs), so native and WASM figures compare like for like.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Draft lengths measured, in characters: an X post, a long post, Facebook's limit. */
export const SIZES = [280, 3000, 63206];

/** @returns {{risky: string[], benign: string[]}} corpus posts with and without expected findings */
export function corpus(root) {
  const dir = join(root, 'tests/corpus');
  const risky = [];
  const benign = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text, expect } = JSON.parse(line);
      (expect.length ? risky : benign).push(text);
    }
  }
  return { risky, benign };
}

/** Joins posts into one draft of exactly `chars` characters (code points). */
export function draft(posts, chars) {
  let out = '';
  let count = 0;
  for (let i = 0; count < chars; i++) {
    const piece = posts[i % posts.length] + '\n\n';
    out += piece;
    count += [...piece].length;
  }
  return [...out].slice(0, chars).join('');
}

/** Runs `f` for about `budgetMs` after a warm-up; returns sorted durations in ms. */
export function sampleFor(f, budgetMs = 1500) {
  const warmEnd = performance.now() + budgetMs / 10;
  while (performance.now() < warmEnd) f();
  const times = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || times.length < 20) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export const median = (s) => s[Math.floor(s.length / 2)];
export const p95 = (s) => s[Math.min(s.length - 1, Math.floor((s.length * 95) / 100))];
