// `./build.sh bench` (photos, issue 14): how long the built extension's photo checker takes with text
// and faces together, text only and faces only, on a photo with text, one with nothing in it (both
// face looks and both reads), and one with two people, at 1080×1080 and 12 MP; warm, median of 5,
// through the checker's own page (lib/photo-check.mjs). Prints a table. Asserts nothing.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSuite } from '../e2e/lib/fixture.mjs';
import { renderPhoto, renderGroup } from '../e2e/lib/photos.mjs';
import { openPhotoCheck } from './lib/photo-check.mjs';
const PEOPLE = resolve(import.meta.dirname, '../fixtures/photos/people');
const suite = await startSuite();
try {
  const check = await openPhotoCheck(suite);
  const ctx = suite.browser.context;
  const portrait = (/** @type {string} */ n) => readFileSync(join(PEOPLE, `interfaces-${n}.jpg`));
  const photos = {
    'wristband 1080x1080': await renderPhoto(ctx, 'wristband', { width: 1080, height: 1080 }),
    'landscape 1080x1080': await renderPhoto(ctx, 'landscape', { width: 1080, height: 1080 }),
    'group 1080x1080': await renderGroup(ctx, [portrait('005'), portrait('006')], { width: 1080, height: 1080 }),
    'wristband 12 MP': await renderPhoto(ctx, 'wristband', { width: 4000, height: 3000, textPx: 40 }),
    'landscape 12 MP': await renderPhoto(ctx, 'landscape', { width: 4000, height: 3000 }),
  };
  await check(photos['wristband 1080x1080']);
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [name, bytes] of Object.entries(photos)) {
    const row = [];
    for (const [label, opts] of /** @type {[string, {text?: boolean, faces?: boolean}][]} */ ([['text+faces', {}], ['text only', { faces: false }], ['faces only', { text: false }]])) {
      const ms = [];
      for (let i = 0; i < 5; i++) ms.push((await check(bytes, opts)).ms);
      row.push(`${label} ${Math.round(median(ms))}`);
    }
    console.log(`${name.padEnd(22)} ${row.join(' | ')} ms (median of 5, warm)`);
  }
} finally { await suite.close(); }
