// `./build.sh bench` (WASM part): the built analyser under Node — compile, instantiate, construction,
// and analysis time at the same sizes as the native benchmark; plus bundle sizes. Prints tables only.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { SIZES, corpus, draft, sampleFor, median, p95 } from './corpus.mjs';

const root = resolve(import.meta.dirname, '../..');
const dist = process.env.POSTGUARD_DIST ?? join(root, 'dist/chromium');
const wasmPath = join(dist, 'pkg/postguard_web_bg.wasm');
const bytes = readFileSync(wasmPath);
const glue = await import(join(dist, 'pkg/postguard_web.js'));
const { unpack } = await import(join(dist, 'worker/unpack.js'));

let t = performance.now();
const module = await WebAssembly.compile(bytes);
const compileMs = performance.now() - t;
t = performance.now();
glue.initSync({ module });
const instantiateMs = performance.now() - t;
t = performance.now();
const checker = new glue.Checker(undefined);
const rules = JSON.parse(checker.rules());
const firstConstructMs = performance.now() - t;
// The extension's path: packed numbers across the boundary, expanded in JS (extension/worker/unpack.js).
const analyze = (text) => unpack(checker.checkPacked(text), checker.lastWhys(), rules, text, checker.lastFixTexts());
const construct = sampleFor(() => new glue.Checker(undefined).free(), 500);

console.log(`postguard WASM benchmark (Node ${process.version})`);
console.log(
  `compile ${compileMs.toFixed(2)} ms, instantiate ${instantiateMs.toFixed(2)} ms, ` +
    `analyser construction first ${firstConstructMs.toFixed(2)} ms, median ${median(construct).toFixed(2)} ms, ` +
    `p95 ${p95(construct).toFixed(2)} ms\n`,
);

const { risky, benign } = corpus(root);
const cases = [];
const pad = (s, n) => String(s).padStart(n);
console.log(`${'text'.padEnd(10)}${pad('chars', 8)}${pad('findings', 10)}${pad('median ms', 12)}${pad('p95 ms', 10)}${pad('MB/s', 8)}${pad('µs per KB', 11)}`);
for (const [label, posts] of [['risky', risky], ['benign', benign]]) {
  for (const chars of SIZES) {
    const text = draft(posts, chars);
    const findings = analyze(text).findings.length;
    const s = sampleFor(() => analyze(text));
    const bytesLen = Buffer.byteLength(text);
    const m = median(s);
    cases.push({ text: label, chars, findings, median_ms: m, p95_ms: p95(s), bytes: bytesLen });
    console.log(
      `${label.padEnd(10)}${pad(chars, 8)}${pad(findings, 10)}${pad(m.toFixed(4), 12)}${pad(p95(s).toFixed(4), 10)}` +
        `${pad((bytesLen / (m / 1000) / 1e6).toFixed(1), 8)}${pad(((m * 1000) / (bytesLen / 1024)).toFixed(2), 11)}`,
    );
  }
}

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const glueJs = readFileSync(join(dist, 'pkg/postguard_web.js'));
let total = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else total += st.size;
  }
};
walk(dist);
console.log(
  `\nbundle: .wasm ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip -9; ` +
    `JS glue ${kb(glueJs.length)}; whole extension ${kb(total)} unpacked`,
);

const out = process.env.POSTGUARD_BENCH_OUT ?? join(root, 'target/bench');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'wasm.json'),
  JSON.stringify({
    engine: 'postguard WASM (Node)',
    compile_ms: compileMs,
    instantiate_ms: instantiateMs,
    first_construction_ms: firstConstructMs,
    construction_ms: median(construct),
    cases,
    bundle: { wasm: bytes.length, wasm_gzip: gzipSync(bytes, { level: 9 }).length, glue: glueJs.length, total },
  }),
);
