// Issue 16: a self-hosted WordPress that IT adds through managed policy (`extraSites`, adapter
// "wordpress", its /wp-admin/ path), once the person has allowed the host: the shared site suite
// runs on the block editor's canvas frame there as on wordpress.com (wordpress.test.mjs).
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';
import { startSuite } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';

const HOST = 'wp.example.nhs.uk';
const TRUST = 'Harbourside NHS Foundation Trust';
const POLICY = { trustName: TRUST, extraSites: [{ address: `https://${HOST}/wp-admin/`, adapter: 'wordpress' }] };

/** The server and browser with IT's policy and the person's grant, once the worker registered the script there. */
async function startWithPolicy() {
  const remove = writeManagedPolicy('postguard-added-wordpress.json', POLICY);
  try {
    const suite = await startSuite({ granted: [`https://${HOST}/*`] });
    await waitForManagedPolicy(suite.browser.worker, TRUST);
    const deadline = Date.now() + 20_000;
    while ((await suite.browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)) !== 1) {
      if (Date.now() > deadline) throw new Error('the content script was not registered on the added host');
      await new Promise((r) => setTimeout(r, 200));
    }
    return { ...suite, async close() { await suite.close(); remove(); } };
  } catch (e) {
    remove();
    throw e;
  }
}

const WP = SITES.wordpress;
/** @type {import('./lib/sites.mjs').SiteSpec} */
const SELF_HOSTED = {
  ...WP,
  id: 'wordpress (self-hosted, added by IT)',
  host: HOST,
  hosts: [HOST],
  surfaces: WP.surfaces.map((s) => ({ ...s, path: '/wp-admin/post-new' })),
  media: { ...WP.media, path: '/wp-admin/post-new' },
};

siteSuite(SELF_HOSTED, { start: startWithPolicy });
