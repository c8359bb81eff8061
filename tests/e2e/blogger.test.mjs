// Issue 16 on the Blogger fixture: the post's body in the Closure editor's frame (written by the page
// with document.open/write, re-rendered from its model) and the title <input>; Publish gated on click,
// Enter and Space, its confirmation not gated again; no foreign nodes, no network. Photos dragged or
// pasted into the field: blogger-images.test.mjs; those chosen in Google's picker (another origin)
// are out of reach (README).
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';

siteSuite(SITES.blogger);
