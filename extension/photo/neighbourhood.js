// @ts-check
/**
 * Each pixel against the mean of the square around it, so uneven light and coloured ground do not
 * decide. Shared by the evened-light read (flatten.js, which divides a pixel by that mean) and the
 * slant estimate (deskew.js, which counts a pixel darker than it as ink).
 */

/**
 * Calls `visit` for every pixel in row order with its brightness and the mean brightness of the
 * square of `radius` around it (cut at the picture's edges). One summed-area table: any window's mean
 * in four reads.
 * @param {Uint8ClampedArray} rgba  RGBA pixels, width × height
 * @param {number} width
 * @param {number} height
 * @param {number} radius
 * @param {(i: number, grey: number, mean: number) => void} visit  `i` is y × width + x
 */
export function eachAgainstNeighbourhood(rgba, width, height, radius, visit) {
  const grey = new Float64Array(width * height);
  for (let i = 0, o = 0; i < grey.length; i++, o += 4) grey[i] = 0.299 * rgba[o] + 0.587 * rgba[o + 1] + 0.114 * rgba[o + 2];
  const W = width + 1;
  const sums = new Float64Array(W * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += grey[y * width + x];
      sums[(y + 1) * W + x + 1] = sums[y * W + x + 1] + row;
    }
  }
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius), y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius), x1 = Math.min(width, x + radius + 1);
      const mean = (sums[y1 * W + x1] - sums[y0 * W + x1] - sums[y1 * W + x0] + sums[y0 * W + x0]) / ((x1 - x0) * (y1 - y0));
      visit(y * width + x, grey[y * width + x], mean);
    }
  }
}
