// Issue 5 on the X fixture: post, reply, quote and DM composers, every submit path, media, no
// foreign nodes (the walking skeleton's own checks are in x.test.mjs).
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';

siteSuite(SITES.x);
