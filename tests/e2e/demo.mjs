// `./build.sh demo`: the five fixture sites at their real host names, in Chromium with the built
// extension, for a person to try. Headed when a display exists (close the browser to stop);
// otherwise headless, with a screenshot of each site (a draft with an NHS number typed in, so the
// marks show) saved to tests/artifacts/demo-*.png, and one of X's warnings panel before and after its
// one-click fix (demo-x-fix-before.png, demo-x-fix-after.png), and X's pre-submit dialog for a photo
// of a wristband whose NHS number was read on the device (demo-x-photo-finding.png; the photo is
// rendered by tests/e2e/lib/photos.mjs).
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension, distDir } from './lib/browser.mjs';
import { SITES } from './lib/sites.mjs';
import { screenshot, typeInto, clickBadge, dialog, PANEL, ARTIFACTS } from './lib/fixture.mjs';
import { renderPhoto } from './lib/photos.mjs';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const server = await startFixtureServer();
const browser = await launchWithExtension({ port: server.port, headless: !headed, dist: distDir() });
const sample = 'Patient NHS number 943 476 5919 seen today';

console.log(`postguard demo: extension ${browser.extensionId} loaded from ${distDir()}`);
for (const site of Object.values(SITES)) {
  const surface = site.surfaces[0];
  const page = await browser.context.newPage();
  await page.goto(`https://${site.host}${surface.path}`);
  if (surface.open) await surface.open(page);
  console.log(`  ${site.id.padEnd(10)} https://${site.host}${surface.path}`);
  if (!headed) {
    await typeInto(page.locator(surface.editor), sample);
    await page.locator('[data-postguard] [data-postguard-mark]').first().waitFor({ timeout: 5000 }).catch(() => {});
    await screenshot(page, `demo-${site.id}`);
    if (site.id === 'x') await showFix(page);
  }
}
if (!headed) await showPhoto();

/**
 * The one-click fix as a person meets it: the badge's panel offers "Fix: hide the NHS number"; pressed,
 * the number is masked in the editor and the warning goes.
 * @param {import('playwright-core').Page} page
 */
async function showFix(page) {
  try {
    await clickBadge(page);
    await page.waitForTimeout(300); // the panel's fade-in
    await screenshot(page, 'demo-x-fix-before');
    await page.locator(`${PANEL} [data-rule="nhs-number"]`).getByRole('button', { name: /^Fix/ }).click();
    await page.locator('[data-postguard] [data-postguard-mark][data-rule="nhs-number"]').waitFor({ state: 'detached', timeout: 5000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'demo-x-fix-after');
  } catch (e) {
    console.log(`  (the fix screenshots could not be taken: ${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
}

/**
 * A photo finding as a person meets it: a wristband photo attached to a benign post on X; at Post the
 * dialog lists the NHS number read from the photo, with a thumbnail outlining where.
 */
async function showPhoto() {
  const page = await browser.context.newPage();
  try {
    const photo = await renderPhoto(browser.context, 'wristband', { rotate: 4, shade: true });
    await page.goto('https://x.com/home');
    await page.setInputFiles('[data-testid="primaryColumn"] input[data-testid="fileInput"]', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    await typeInto(page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'), 'Lovely to see everyone at the summer fete');
    const notice = page.locator('[data-postguard] [data-postguard-notice]').first();
    await notice.getByRole('button', { name: 'Got it' }).click();
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    await dialog(page).locator('[data-source="media"]').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'demo-x-photo-finding');
  } catch (e) {
    console.log(`  (the photo screenshot could not be taken: ${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
}

if (headed) {
  console.log('Type a draft (try an NHS number such as 943 476 5919), open the badge and press "Fix", or press Post; attach a photo of printed text to see it read. Close the browser to stop.');
  await new Promise((resolve) => browser.context.on('close', resolve));
} else {
  console.log(`No display: headless run; screenshots in ${ARTIFACTS}demo-*.png`);
}
await browser.close();
await server.close();
