// Issue 16 on the whatsapp fixture: every compose surface, every submit path, media, no foreign nodes.
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';

siteSuite(SITES.whatsapp);
