// `./build.sh demo`: the five fixture sites at their real host names, in Chromium with the built
// extension, for a person to try. Headed when a display exists (close the browser to stop);
// otherwise headless, with a screenshot of each site (a draft with an NHS number typed in, so the
// marks show) saved to tests/artifacts/demo-*.png.
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension, distDir } from './lib/browser.mjs';
import { SITES } from './lib/sites.mjs';
import { screenshot, typeInto, ARTIFACTS } from './lib/fixture.mjs';

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
  }
}

if (headed) {
  console.log('Type a draft (try an NHS number such as 943 476 5919) and press Post. Close the browser to stop.');
  await new Promise((resolve) => browser.context.on('close', resolve));
} else {
  console.log(`No display: headless run; screenshots in ${ARTIFACTS}demo-*.png`);
}
await browser.close();
await server.close();
