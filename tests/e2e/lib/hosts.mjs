/**
 * The real host names the fixtures are served at, and which fixture folder answers each.
 *
 * The extension's manifest matches these exact hosts, so serving fixtures here (instead of at
 * localhost) exercises the real match patterns and the real sites' origins.
 */

/** Host name → fixture folder under tests/fixtures/. */
export const SITE_OF_HOST = Object.freeze({
  'x.com': 'x',
  'twitter.com': 'x',
  'mobile.twitter.com': 'x',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'www.linkedin.com': 'linkedin',
  'www.instagram.com': 'instagram',
  'www.tiktok.com': 'tiktok',
  'www.youtube.com': 'youtube',
  'web.whatsapp.com': 'whatsapp',
  'www.reddit.com': 'reddit',
  'www.threads.com': 'threads',
  'www.threads.net': 'threads',
  'bsky.app': 'bluesky',
  'medium.com': 'medium',
  'wordpress.com': 'wordpress',
  'www.messenger.com': 'messenger',
  'www.blogger.com': 'blogger',
  // Hosts a Trust's IT adds (managed `extraSites`; added-hosts.test.mjs): its Mastodon instance, and
  // the same page at two more hosts for the generic adapter and IT's own selectors.
  'social.example.nhs.uk': 'mastodon',
  'blog.example.nhs.uk': 'mastodon',
  'intranet.example.nhs.uk': 'mastodon',
  // A self-hosted WordPress IT adds with adapter "wordpress" (added-wordpress.test.mjs).
  'wp.example.nhs.uk': 'wordpress',
});

/** Every host the certificate must name. */
export const FIXTURE_HOSTS = Object.freeze(Object.keys(SITE_OF_HOST));

/** The canonical host of each site, in the order the demo opens them. */
export const SITE_HOSTS = Object.freeze({
  x: 'x.com',
  facebook: 'www.facebook.com',
  linkedin: 'www.linkedin.com',
  instagram: 'www.instagram.com',
  tiktok: 'www.tiktok.com',
  youtube: 'www.youtube.com',
  whatsapp: 'web.whatsapp.com',
  reddit: 'www.reddit.com',
  threads: 'www.threads.com',
  bluesky: 'bsky.app',
  medium: 'medium.com',
  wordpress: 'wordpress.com',
  messenger: 'www.messenger.com',
  blogger: 'www.blogger.com',
});
