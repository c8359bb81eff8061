// Issue 16 on the Blogger fixture: the post's body in the Closure editor's frame (written by the page
// with document.open/write, re-rendered from its model) and the title <input>; Publish gated on click,
// Enter and Space, its confirmation not gated again; no foreign nodes, no network. Images are not
// tested: Blogger inserts them through a picker of another origin (README).
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';

siteSuite(SITES.blogger);
