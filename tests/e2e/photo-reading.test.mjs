// The photo checker's pure helpers (extension/photo/reading.js), without a browser: how the words
// OCR read become one text for the analyser, how a finding's span maps back to the regions of the
// photo the dialog outlines, and how large photos are sized down before reading.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { END_OF_LINE, MIN_CONFIDENCE, MIN_MARKS_CONFIDENCE, fitWithin, regionsOf, textOf } from '../../extension/photo/reading.js';

/** A word as tesseract-wasm returns it. @param {string} text @param {number} left @param {number} top @param {object} [o] */
const word = (text, left, top, { confidence = 0.9, last = false, width = 10 * text.length, height = 20 } = {}) => ({
  text, rect: { left, top, right: left + width, bottom: top + height }, confidence, flags: last ? END_OF_LINE : 0,
});

describe('photo reading: words to text and back to regions', () => {
  const words = [
    word('NHS', 100, 50), word('No:', 140, 50), word('943', 180, 50), word('476', 220, 50), word('5919', 260, 50, { last: true }),
    word('~~', 10, 300, { confidence: MIN_CONFIDENCE - 0.1, last: true }),
    word('Bay', 100, 120), word('4', 140, 120), word('Patel', 160, 120, { last: true }),
  ];

  it('joins words with spaces and lines with newlines, leaving out what OCR was unsure of', () => {
    const { text, spans } = textOf(words);
    assert.equal(text, 'NHS No: 943 476 5919\nBay 4 Patel');
    assert.equal(spans.length, 8, 'the low-confidence word is left out');
    for (const s of spans) assert.match(text.slice(s.start, s.end), /^\S+$/, 'each span is exactly its word');
  });

  it('maps a finding over several words of a line to one box, as fractions of the photo', () => {
    const { text, spans } = textOf(words);
    const start = text.indexOf('943');
    const regions = regionsOf({ start, end: start + '943 476 5919'.length }, spans, 1000, 500);
    assert.equal(regions.length, 1);
    const [r] = regions;
    assert.deepEqual({ x: r.x, y: r.y }, { x: 0.18, y: 0.1 });
    assert.ok(Math.abs(r.w - (300 - 180) / 1000) < 1e-9 && Math.abs(r.h - 20 / 500) < 1e-9);
  });

  it('gives one box per line a finding spans, and none for a span no word covers', () => {
    const { text, spans } = textOf(words);
    const regions = regionsOf({ start: text.indexOf('5919'), end: text.indexOf('Patel') + 5 }, spans, 1000, 500);
    assert.equal(regions.length, 2);
    assert.deepEqual(regionsOf({ start: text.length + 5, end: text.length + 9 }, spans, 1000, 500), []);
  });

  it('leaves out a word of marks only that OCR was not sure of, keeping sure marks and unsure words', () => {
    const line = [
      word('Mrs', 0, 0), word(').', 40, 0, { confidence: MIN_MARKS_CONFIDENCE - 0.15 }), word('Patel,', 60, 0),
      word('-', 120, 0, { confidence: 0.92 }), word('J.', 140, 0, { confidence: MIN_MARKS_CONFIDENCE - 0.15 }),
      word('82', 170, 0, { confidence: MIN_CONFIDENCE + 0.05, last: true }),
    ];
    assert.equal(textOf(line).text, 'Mrs Patel, - J. 82');
  });

  it('an empty reading is an empty text (nothing to analyse)', () => {
    assert.deepEqual(textOf([]), { text: '', spans: [] });
    assert.equal(textOf([word('~', 0, 0, { confidence: 0.1, last: true })]).text, '');
  });

  it('sizes large photos down to the longest side allowed, never up', () => {
    assert.deepEqual(fitWithin(4000, 3000, 1800), { width: 1800, height: 1350, scale: 0.45 });
    assert.deepEqual(fitWithin(3000, 4000, 1800), { width: 1350, height: 1800, scale: 0.45 });
    assert.deepEqual(fitWithin(1080, 1080, 1800), { width: 1080, height: 1080, scale: 1 });
    assert.equal(fitWithin(0, 0, 160).width, 1, 'never a zero-sized canvas');
  });
});
