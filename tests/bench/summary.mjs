// The last table of `./build.sh bench`: postguard's native and WASM figures beside the baselines, as
// ratios, from the JSON each benchmark wrote. Prints only; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dir = process.env.POSTGUARD_BENCH_OUT ?? join(root, 'target/bench');
const load = (name) => (existsSync(join(dir, `${name}.json`)) ? JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) : null);
const native = load('native');
const wasm = load('wasm');
const browser = load('chromium');
const baselines = ['presidio'].map(load).filter(Boolean);

const key = (c) => `${c.text}/${c.chars}`;
const pad = (s, n) => String(s).padStart(n);
const fmt = (x) => (x === undefined ? '—' : x < 1 ? x.toFixed(4) : x.toFixed(2));

console.log('\nSummary: median ms per analysis (lower is better); ratio = baseline ÷ postguard WASM');
const head = ['text', 'chars', 'native', 'wasm', ...baselines.flatMap((b) => [b.engine.split(' ')[0], '×'])];
console.log(head.map((h, i) => (i === 0 ? h.padEnd(8) : pad(h, 11))).join(''));
for (const c of wasm?.cases ?? []) {
  const n = native?.cases.find((x) => key(x) === key(c));
  const row = [c.text.padEnd(8), pad(c.chars, 11), pad(fmt(n?.median_ms), 11), pad(fmt(c.median_ms), 11)];
  for (const b of baselines) {
    const m = b.cases.find((x) => key(x) === key(c));
    row.push(pad(fmt(m?.median_ms), 11), pad(m ? (m.median_ms / c.median_ms).toFixed(0) + '×' : '—', 11));
  }
  console.log(row.join(''));
}
const per = (cases, text) => cases?.filter((c) => c.text === text).map((c) => ((c.median_ms * 1000) / (c.bytes / 1024)).toFixed(1) + ' µs/KB').join(', ');
console.log(`\nlinearity (WASM time per KB at 280 / 3,000 / 63,206 chars): risky ${per(wasm?.cases, 'risky')}; benign ${per(wasm?.cases, 'benign')}`);
if (wasm) {
  console.log(
    `start-up (WASM): compile ${wasm.compile_ms.toFixed(2)} ms + instantiate ${wasm.instantiate_ms.toFixed(2)} ms + ` +
      `first analyser ${wasm.first_construction_ms.toFixed(2)} ms` +
      (native ? `; native analyser construction ${native.construction_ms.toFixed(3)} ms` : '') +
      baselines.map((b) => `; ${b.engine} construction ${b.construction_ms.toFixed(0)} ms`).join(''),
  );
}
for (const r of browser?.rows ?? []) {
  console.log(
    `keystroke → marks in Chromium (${r.site}): p50 ${r.p50?.toFixed(1)} ms, p95 ${r.p95?.toFixed(1)} ms over ${r.redrawn}/${r.keys} keystrokes; ` +
      `worker stopped → marks ${r.workerStopped ? r.coldMs?.toFixed(1) + ' ms' : 'not measured'}; page heap +${((r.heapAdded ?? 0) / 1024).toFixed(0)} KB`,
  );
}
if (wasm?.bundle) {
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  console.log(`size: .wasm ${kb(wasm.bundle.wasm)} raw, ${kb(wasm.bundle.wasm_gzip)} gzip; extension ${kb(wasm.bundle.total)} unpacked`);
}
if (!baselines.length) console.log('(no baseline figures: run ./build.sh bench to install and measure Presidio)');
