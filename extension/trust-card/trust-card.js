// @ts-check
/**
 * The Trust's own details in the pre-submit dialog — its name, who to ask, the Freedom to Speak Up
 * contact and the policy link — shown from an extension page in a frame, so the social site's scripts
 * cannot read them. postguard's overlay lives in an open shadow root (the DESIGN §2 contract), which a
 * page can read; a frame from the extension's own origin it cannot, as password managers' in-page
 * menus rely on. Without this, a site scanning the page for extensions would learn which NHS Trust
 * employs the person behind the account. The frame's address carries nothing of the Trust (the
 * dialog passes only which variant to show), and its text comes from the worker, like every setting.
 */
import '../shared/messages.js';

const { MessageType } = /** @type {any} */ (globalThis).PostguardMessages;

/** @param {string} tag @param {Record<string, string>} attrs @param {(Node | string)[]} children */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

async function show() {
  const card = /** @type {HTMLElement} */ (document.getElementById('card'));
  const held = new URLSearchParams(location.search).get('variant') === 'unavailable';
  /** @type {{ok: boolean, settings?: import('../shared/messages.js').Settings}} */
  const reply = await chrome.runtime.sendMessage({ type: MessageType.settings }).catch(() => ({ ok: false }));
  const s = reply.ok && reply.settings ? reply.settings : null;
  if (!s) {
    card.replaceChildren('Not sure? Ask your Trust\'s communications team. To raise a concern about care or safety, speak to your Freedom to Speak Up Guardian.');
    return;
  }
  const parts = [
    held ? el('strong', {}, `${s.trustName} holds posts that postguard cannot check. `) : el('strong', {}, `${s.trustName}'s social media policy applies. `),
    `Not sure? Ask ${s.commsContact}. To raise a concern about care or safety, speak to ${s.speakUpContact}.`,
  ];
  if (s.policyUrl && /^https:\/\//.test(s.policyUrl)) {
    parts.push(' ', el('a', { href: s.policyUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Read the policy'));
  }
  card.replaceChildren(...parts);
}

/** Tells the dialog how tall the card is, in steps of 20 px (nothing else leaves this frame). */
function report() {
  const h = Math.ceil(document.documentElement.scrollHeight / 20) * 20;
  parent.postMessage({ postguardCardHeight: h }, '*');
}

new ResizeObserver(report).observe(document.documentElement);

void show();
