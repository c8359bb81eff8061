// `./build.sh bench` (faces in photos, issue 14): how well and how fast the built extension finds
// people in attached photos, measured in headless Chromium through the extension's own photo checker
// (photo/photo-check.html, one MessagePort, one File per request, as the content script sends them),
// with the text check off so only faces are timed and counted.
//
//  - found: openly licensed photos with visible faces (tests/fixtures/photos/people/, SOURCES.md);
//    counted as found when the check reports at least one face;
//  - false faces: openly licensed photos without people (tests/fixtures/photos/no-people/), and crops
//    of them, and landscapes the tests render (lib/photos.mjs); counted when the check reports any face;
//  - speed: the face check alone on a 1080×1080 and a 12-megapixel photo (a portrait scaled up), warm;
//  - small faces: ten of the portraits the check finds whole, each pasted small onto a 12-megapixel
//    (4000×3000) wall at known sizes, as a face at the back of a group photo: found of 10 per size.
// Prints a table and writes target/bench/faces.json. Asserts nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSuite } from '../e2e/lib/fixture.mjs';
import { renderPhoto } from '../e2e/lib/photos.mjs';
import { openPhotoCheck } from './lib/photo-check.mjs';

const root = resolve(import.meta.dirname, '../..');
const dist = process.env.POSTGUARD_DIST ?? join(root, 'dist/chromium');
const fixtures = join(root, 'tests/fixtures/photos');

const suite = await startSuite();
try {
  const checkPhoto = await openPhotoCheck(suite);
  /**
   * Checks one photo for faces only (text reading off); returns ms and how many faces.
   * @param {Buffer} bytes @param {{width: number, height: number}} [scaleTo]  redraw it at this size first
   */
  const check = (bytes, scaleTo) => checkPhoto(bytes, { scaleTo, text: false, faces: true });

  const list = (/** @type {string} */ dir) => readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.jpg')).sort().map((f) => join(fixtures, dir, f));
  const people = list('people');
  const empty = list('no-people');

  const portrait = readFileSync(people[0]);
  const cold = await check(portrait, { width: 1080, height: 1080 });
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const warm1080 = [];
  for (let i = 0; i < 5; i++) warm1080.push((await check(portrait, { width: 1080, height: 1080 })).ms);
  const warm12 = [];
  for (let i = 0; i < 3; i++) warm12.push((await check(portrait, { width: 4000, height: 3000 })).ms);

  let found = 0;
  /** @type {string[]} */
  const missed = [];
  for (const f of people) {
    const r = await check(readFileSync(f));
    if (r.faces > 0) found += 1;
    else missed.push(f.slice(fixtures.length + 1));
  }
  let falseFaces = 0;
  /** @type {string[]} */
  const falses = [];
  for (const f of empty) {
    const r = await check(readFileSync(f));
    if (r.faces > 0) { falseFaces += 1; falses.push(`${f.slice(fixtures.length + 1)} (${r.faces})`); }
  }

  // Landscapes the tests render (no people, no text), at phone-photo sizes.
  let falseLandscapes = 0;
  const LANDSCAPES = 10;
  for (let i = 0; i < LANDSCAPES; i++) {
    const r = await check(await renderPhoto(suite.browser.context, 'landscape', { width: 1080 + i * 97, height: 810 + i * 53, blur: i % 3 }));
    if (r.faces > 0) falseLandscapes += 1;
  }

  // Small faces: each portrait pasted at `side` px (the 256-px avatar, the face filling most of it)
  // onto a 4000×3000 wall at a place that moves with the photo, the rest of the wall plain.
  const SMALL = [256, 384, 512, 640, 800, 1000];
  const smallOnes = people.filter((f) => !missed.includes(f.slice(fixtures.length + 1))).slice(0, 10);
  /** @type {Record<string, number>} */
  const smallFound = {};
  for (const side of SMALL) {
    smallFound[side] = 0;
    for (const [i, f] of smallOnes.entries()) {
      const page = await suite.browser.context.newPage();
      const b64 = await page.evaluate(async ({ face, side, i }) => {
        const W = 4000, H = 3000;
        const canvas = new OffscreenCanvas(W, H);
        const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
        g.fillStyle = '#d8d2c4';
        g.fillRect(0, 0, W, H);
        const bin = atob(face);
        const u8 = new Uint8Array(bin.length);
        for (let k = 0; k < bin.length; k++) u8[k] = bin.charCodeAt(k);
        const img = await createImageBitmap(new Blob([u8], { type: 'image/jpeg' }));
        g.drawImage(img, (0.1 + 0.08 * i) * W, (0.15 + 0.06 * (i % 5)) * H, side, side);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
        let out = '';
        for (let k = 0; k < bytes.length; k += 0x8000) out += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
        return btoa(out);
      }, { face: readFileSync(f).toString('base64'), side, i });
      await page.close();
      if ((await check(Buffer.from(b64, 'base64'))).faces > 0) smallFound[side] += 1;
    }
  }

  const size = (/** @type {string} */ f) => statSync(join(dist, f)).size;
  const figures = {
    coldFirst1080Ms: Math.round(cold.ms),
    warm1080MedianMs: Math.round(median(warm1080)),
    warm12MpMedianMs: Math.round(median(warm12)),
    found: { count: found, of: people.length, percent: Math.round((1000 * found) / people.length) / 10, missed },
    falseFaces: { count: falseFaces, of: empty.length, percent: Math.round((1000 * falseFaces) / empty.length) / 10, photos: falses },
    renderedLandscapesWithFaces: { count: falseLandscapes, of: LANDSCAPES },
    smallFacesOn12Mp: { of: smallOnes.length, foundBySide: smallFound },
    packageBytes: {
      weights: size('photo/vendor/faces/tiny_face_detector_model.bin') + size('photo/vendor/faces/tiny_face_detector_model-weights_manifest.json'),
      code: size('photo/face-net.js') + size('photo/faces-worker.js') + size('photo/faces.js'),
    },
  };
  console.log('photos: faces found on the device (text check off)');
  console.log(`  1080×1080, cold (first photo)          ${figures.coldFirst1080Ms} ms`);
  console.log(`  1080×1080, warm (median of 5)          ${figures.warm1080MedianMs} ms`);
  console.log(`  4000×3000 (12 MP), warm (median of 3)  ${figures.warm12MpMedianMs} ms`);
  console.log(`  photos with faces where a face was found: ${found}/${people.length} (${figures.found.percent} %)`);
  for (const m of missed) console.log(`    missed: ${m}`);
  console.log(`  photos without people where a face was "found": ${falseFaces}/${empty.length} (${figures.falseFaces.percent} %)`);
  for (const m of falses) console.log(`    false: ${m}`);
  console.log(`  rendered landscapes where a face was "found": ${falseLandscapes}/${LANDSCAPES}`);
  console.log(`  small faces on a 12 MP wall (avatar side in px: found of ${smallOnes.length}): ${SMALL.map((side) => `${side}: ${smallFound[side]}`).join(', ')}`);
  console.log(`  package: weights ${figures.packageBytes.weights} B, code ${figures.packageBytes.code} B`);
  const out = join(root, 'target/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'faces.json'), `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await suite.close();
}
