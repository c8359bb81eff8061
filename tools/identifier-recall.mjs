/**
 * Recall by kind of identifier on the held-out posts, for the hazard log (docs/clinical-safety.md).
 *
 * The corpus labels each post with families (confidentiality, consent, disrepute), not with what in it
 * identifies someone, so this sorts the held-out posts labelled confidentiality by the identifiers they
 * visibly contain (the patterns below: a rough sort, a post can fall under several kinds, and a post
 * with none of them identifies someone by circumstance) and asks the CLI what it finds in each, with
 * the default policy (rules and learned model). For each kind it prints how many posts were marked with
 * any confidentiality finding, how many would be paused (a confidentiality finding whose action pauses
 * the post), and how many the kind's own rule found.
 *
 * Held out: the test split of tests/corpus/splits.json (never read by training or threshold selection).
 *
 * usage: cargo build --release -p postguard-cli && node tools/identifier-recall.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'tests/corpus');

/** Kinds of identifier: how a post is sorted, and which rules are that kind's own. */
const KINDS = [
  { kind: 'NHS, H&C or CHI number (10 digits, any grouping)', re: /(?<![\d.])[1-9]\d{2}[ .-]?\d{3}[ .-]?\d{4}(?![\d.])/, rules: ['nhs-number', 'hc-number', 'chi-number'] },
  { kind: 'phone number', re: /(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/, rules: ['phone-number'] },
  { kind: 'postcode', re: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/, rules: ['postcode'] },
  { kind: 'hospital number / MRN', re: /\b(MRN|hospital (no|number)|unit (no|number)|RN\s?\d)/i, rules: ['hospital-number'] },
  { kind: 'date of birth or age', re: /\b(DOB|d\.o\.b|date of birth|born (on|in))\b|\b\d{1,3}\s?(yo|y\/o|yrs?|years?[- ]old)\b/i, rules: ['date-of-birth', 'age-in-context'] },
  { kind: 'bed, bay or room', re: /\b(bed|bay|side ?room|room|cubicle)\s?\d+/i, rules: ['patient-location', 'patient-name'] },
  { kind: 'title and name (Mr, Mrs, Dr …)', re: /\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+/, rules: ['patient-name', 'patient-location', 'notable-patient'] },
  { kind: 'email address', re: /[\w.+-]+@[\w-]+\.[\w.]+/, rules: ['personal-email', 'work-email'] },
];
const NONE = 'none of the above (identifies by circumstance)';
const PAUSES = new Set(['warn', 'acknowledge', 'block']);

const splits = JSON.parse(readFileSync(join(CORPUS, 'splits.json'), 'utf8'));
/** @type {{id: string, text: string}[]} */
const posts = [];
for (const source of splits.sources.filter((/** @type {any} */ s) => s.split === 'test')) {
  for (const file of source.files) {
    for (const line of readFileSync(join(CORPUS, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const post = JSON.parse(line);
      if (post.expect?.includes('confidentiality')) posts.push({ id: `${file}#${post.id}`, text: post.text });
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'postguard-recall-'));
let output;
try {
  writeFileSync(join(dir, 'posts.jsonl'), posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
  try {
    output = execFileSync(join(ROOT, 'target/release/postguard'), ['check', '--jsonl', join(dir, 'posts.jsonl')],
      { encoding: 'utf8', maxBuffer: 256 << 20 });
  } catch (e) {
    // Exit status 1 means some post would be paused: the output is still complete.
    output = /** @type {{stdout?: string, status?: number}} */ (e).status === 1 ? /** @type {{stdout: string}} */ (e).stdout : (() => { throw e; })();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
/** @type {Map<string, {rule: string, category: string, action: string}[]>} */
const findings = new Map(output.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.id, r.findings]));

/** @type {Map<string, {posts: number, marked: number, paused: number, own: number}>} */
const table = new Map([...KINDS.map((k) => k.kind), NONE].map((k) => [k, { posts: 0, marked: 0, paused: 0, own: 0 }]));
for (const post of posts) {
  const conf = (findings.get(post.id) ?? []).filter((f) => f.category === 'confidentiality');
  const kinds = KINDS.filter((k) => k.re.test(post.text));
  for (const k of kinds.length ? kinds : [{ kind: NONE, rules: [] }]) {
    const row = /** @type {{posts: number, marked: number, paused: number, own: number}} */ (table.get(k.kind));
    row.posts++;
    if (conf.length) row.marked++;
    if (conf.some((f) => PAUSES.has(f.action))) row.paused++;
    if (conf.some((f) => k.rules.includes(f.rule))) row.own++;
  }
}

const pct = (/** @type {number} */ n, /** @type {number} */ d) => (d ? (n / d).toFixed(2) : '-');
console.log(`held-out posts labelled confidentiality: ${posts.length} (test split of tests/corpus/splits.json), default policy`);
console.log('| kind of identifier in the post | posts | marked (any confidentiality finding) | paused | found by its own rule |');
console.log('| --- | --- | --- | --- | --- |');
for (const [kind, r] of table) {
  console.log(`| ${kind} | ${r.posts} | ${r.marked} (${pct(r.marked, r.posts)}) | ${r.paused} (${pct(r.paused, r.posts)}) | ${kind === NONE ? '-' : `${r.own} (${pct(r.own, r.posts)})`} |`);
}
