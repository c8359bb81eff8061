// Issue 16 on the medium fixture: a story's editor, Publish and "Publish now", media, no foreign nodes.
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';

siteSuite(SITES.medium);
