// Issue 16 on the messenger.com fixture: the conversation's message box (Lexical, mounted late, its
// send control re-rendered), Enter and the send control gated, a photo attached in the composer,
// no foreign nodes, no network.
import { siteSuite } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';

siteSuite(SITES.messenger);
