// @ts-check
/**
 * Turns the words OCR read in a photo into one text for the analyser, and the analyser's findings
 * back into the places in the photo they came from.
 *
 * The analyser is the same one typed drafts go through (same rules, clauses and actions); it sees
 * the photo's words as lines of text. Each word keeps the UTF-16 span it got in that text, so a
 * finding's span maps to the boxes of the words it covers: those boxes are the regions the
 * dialog's thumbnail outlines. Pure functions, no DOM: shared by the photo checker and its tests.
 */

/**
 * @typedef {{left: number, top: number, right: number, bottom: number}} Rect   pixels of the image read
 * @typedef {{text: string, rect: Rect, confidence: number, flags: number}} Word  as tesseract-wasm returns it
 * @typedef {{x: number, y: number, w: number, h: number}} Region  fractions (0–1) of the photo's width and height
 */

/** tesseract-wasm's layout flag for the last word of a line (`layoutFlags.EndOfLine`). */
export const END_OF_LINE = 2;

/**
 * Words below this confidence are noise in a photo (textures, foliage, patterned fabric read as
 * letters) and are left out, so a landscape yields no text to pause on.
 */
export const MIN_CONFIDENCE = 0.5;

/**
 * A word of marks only (no letter or digit: ").", "|", "~") must be read at least this surely to be
 * kept. Such a word carries nothing the analyser reads as an identifier, but a letter OCR was unsure
 * of and took for a bracket splits a title from its name: whiteboards read "Mrs ). Patel" (the "J."
 * at confidence 0.55) where "Mrs Patel" is a patient's name (docs/performance.md). Real dashes and
 * colons are read at 0.9 and above.
 */
export const MIN_MARKS_CONFIDENCE = 0.7;

/** A letter or digit, in any script. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * One text for the analyser: words separated by spaces, lines by newlines.
 * @param {Word[]} words
 * @returns {{text: string, spans: {start: number, end: number, rect: Rect}[]}}
 */
export function textOf(words) {
  let text = '';
  /** @type {{start: number, end: number, rect: Rect}[]} */
  const spans = [];
  for (const w of words) {
    const word = w.text.trim();
    if (word === '' || w.confidence < MIN_CONFIDENCE || (w.confidence < MIN_MARKS_CONFIDENCE && !LETTER_OR_DIGIT.test(word))) {
      if (w.flags & END_OF_LINE && text !== '' && !text.endsWith('\n')) text = `${text.trimEnd()}\n`;
      continue;
    }
    if (text !== '' && !text.endsWith('\n')) text += ' ';
    spans.push({ start: text.length, end: text.length + word.length, rect: w.rect });
    text += word;
    if (w.flags & END_OF_LINE) text += '\n';
  }
  return { text: text.trimEnd(), spans };
}

/**
 * The regions of the photo a finding covers: one box per line of words its span touches, as
 * fractions of the image (so any thumbnail size can draw them).
 * @param {{start: number, end: number}} finding
 * @param {{start: number, end: number, rect: Rect}[]} spans
 * @param {number} width   of the image the words were read from
 * @param {number} height
 * @returns {Region[]}
 */
export function regionsOf(finding, spans, width, height) {
  const hit = spans.filter((s) => s.start < finding.end && s.end > finding.start);
  /** @type {Rect[]} */
  const lines = [];
  for (const { rect } of hit) {
    const line = lines.find((l) => rect.top < l.bottom && rect.bottom > l.top);
    if (line) {
      line.left = Math.min(line.left, rect.left);
      line.right = Math.max(line.right, rect.right);
      line.top = Math.min(line.top, rect.top);
      line.bottom = Math.max(line.bottom, rect.bottom);
    } else {
      lines.push({ ...rect });
    }
  }
  return lines.map((r) => ({ x: r.left / width, y: r.top / height, w: (r.right - r.left) / width, h: (r.bottom - r.top) / height }));
}

/**
 * The size to read a photo at: OCR time grows with pixels, and a phone's 12-megapixel photo read
 * whole takes seconds, so large photos are downscaled first; text that is big enough to matter in
 * a post stays big enough to read (docs/performance.md has the figures).
 * @param {number} width
 * @param {number} height
 * @param {number} maxSide  longest side allowed
 */
export function fitWithin(width, height, maxSide) {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}
