// `./build.sh bench` (videos, issue 14): how long the built extension's photo checker takes over an
// attached video, and whether it stays within its budget. Two 720p WebM clips recorded here, in the
// test browser, with canvas + MediaRecorder (lib/videos.mjs, as photo-videos.test.mjs does): 10 s and
// 30 s, each a landscape (the first 40 %), then a wristband with an NHS number (30 %), then two
// people (openly licensed portraits, tests/fixtures/photos/people/SOURCES.md; the last 30 %), so
// every finding comes from a later frame and the people from one of the last. Checked through the checker's own page (lib/photo-check.mjs) with the
// budget the content script gives it by default: 90 % of photoWaitSeconds' default of 10 s.
// Per clip: time to the answer (which carries the last finding), frames read, whether every planned
// frame was seen within the budget, and the findings with their times. Warm (the engines started by
// one photo first), median of 3. Prints a table and writes target/bench/videos.json. Asserts nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSuite } from '../e2e/lib/fixture.mjs';
import { renderPhoto, renderGroup } from '../e2e/lib/photos.mjs';
import { renderVideo } from '../e2e/lib/videos.mjs';
import { openPhotoCheck } from './lib/photo-check.mjs';

const root = resolve(import.meta.dirname, '../..');
const PEOPLE = resolve(import.meta.dirname, '../fixtures/photos/people');
/** photoWaitSeconds' default (extension/content/page-settings.js) and the share a video gets (photos.js). */
const BUDGET_MS = 10_000 * 0.9;
const SIZE = { width: 1280, height: 720 };

const suite = await startSuite();
try {
  const check = await openPhotoCheck(suite);
  const ctx = suite.browser.context;
  const portrait = (/** @type {string} */ n) => readFileSync(join(PEOPLE, `interfaces-${n}.jpg`));
  const shots = {
    landscape: await renderPhoto(ctx, 'landscape', SIZE),
    wristband: await renderPhoto(ctx, 'wristband', SIZE),
    people: await renderGroup(ctx, [portrait('005'), portrait('006')], SIZE),
  };
  // Engines warm, as for a second attachment (the first look at a video also starts them otherwise).
  await check(shots.wristband);
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  /** @type {Record<string, unknown>} */
  const figures = { budgetMs: BUDGET_MS, size: SIZE };
  console.log(`videos: 720p WebM (VP8), landscape → wristband → two people; budget ${BUDGET_MS} ms (90 % of photoWaitSeconds' default)`);
  for (const seconds of [10, 30]) {
    const video = await renderVideo(ctx, [
      { jpeg: shots.landscape, seconds: seconds * 0.4 }, { jpeg: shots.wristband, seconds: seconds * 0.3 }, { jpeg: shots.people, seconds: seconds * 0.3 },
    ], SIZE);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await check(video, { mimeType: 'video/webm', budgetMs: BUDGET_MS }));
    const ms = runs.map((r) => r.ms);
    const last = runs[runs.length - 1];
    const row = {
      seconds,
      bytes: video.length,
      medianMs: Math.round(median(ms)),
      allMs: ms.map(Math.round),
      framesRead: last.frames,
      complete: runs.every((r) => r.video && !r.partial),
      withinBudget: runs.every((r) => r.ms <= BUDGET_MS),
      findings: last.findings.map((f) => `${f.rule} at ${f.at}`),
    };
    figures[`${seconds}s`] = row;
    console.log(`  ${String(seconds).padStart(2)} s clip (${Math.round(video.length / 1024)} KB): answer in ${row.medianMs} ms (median of 3: ${row.allMs.join(', ')}),`
      + ` ${row.framesRead} frames read, ${row.complete ? 'every planned frame seen' : 'NOT every planned frame seen (partial)'},`
      + ` ${row.withinBudget ? 'within' : 'OVER'} the budget; ${Math.round(row.medianMs / Math.max(1, row.framesRead))} ms a frame`);
    console.log(`      findings: ${row.findings.join('; ') || 'none'}`);
  }
  mkdirSync(join(root, 'target/bench'), { recursive: true });
  writeFileSync(join(root, 'target/bench/videos.json'), `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await suite.close();
}
