// @ts-check
/**
 * How everything postguard draws looks: marks, badges, the findings panel, notices and the pre-submit
 * dialog, as one stylesheet that overlay.js adopts into its shadow root. Kept apart from the drawing
 * code so a change of colour or spacing is reviewed as a change of look, not of behaviour.
 *
 * The colours, the line style that tells the families apart without colour, target sizes, reflow,
 * reduced motion and forced colours are what docs/accessibility.md checks and records.
 */
const PgOverlayStyle = `
/* Important, so the page's own rules (its [popover] or dialog child styles) cannot move or hide the host. */
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important;
  width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  overflow: visible !important; background: transparent !important; z-index: 2147483647 !important; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.layer { position: fixed; overflow: hidden; pointer-events: none; z-index: 2147483600; }
.mark { position: absolute; pointer-events: none; border-bottom: 3px solid; border-radius: 2px; }
.mark[data-category=confidentiality] { border-color: #b3261e; background: rgba(179, 38, 30, 0.13); border-bottom-style: solid; }
.mark[data-category=consent] { border-color: #8a4600; background: rgba(178, 94, 0, 0.14); border-bottom-style: dashed; }
.mark[data-category=disrepute] { border-color: #6a1b9a; background: rgba(106, 27, 154, 0.12); border-bottom-style: dotted; }
.mark.active { outline: 2px solid #212b32; outline-offset: 1px; }
/* At least 24 × 24 CSS px: the WCAG 2.5.8 minimum target. */
.badge { position: fixed; z-index: 2147483601; display: flex; gap: 4px; align-items: center; min-width: 24px; min-height: 24px; padding: 3px 4px;
  border: 1px solid #4c6272; border-radius: 12px; background: #fff; color: #212b32; font: 600 12px/16px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.pill { display: inline-flex; gap: 3px; align-items: center; padding: 0 6px; border-radius: 8px; color: #fff; }
.pill[data-category=confidentiality] { background: #b3261e; }
.pill[data-category=consent] { background: #8a4600; }
.pill[data-category=disrepute] { background: #6a1b9a; }
/* "checker unavailable", "+ more", "paused until …": NHS dark grey, 6.6:1 against the white text. */
.pill:not([data-category]) { background: #4c6272; }
.badge[data-state=unavailable] .pill, .badge[data-state=unwatched] .pill { background: #212b32; }
.logo { padding: 0 2px; color: #005eb8; }
button:focus-visible, a:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffb81c; outline-offset: 2px; box-shadow: 0 0 0 5px #212b32; }
.panel, .notice, dialog { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212b32; }
/* As wide as it can be up to 340 px: it reflows into a 320 px window (400 % zoom, WCAG 1.4.10). */
.panel { position: fixed; z-index: 2147483602; width: min(340px, calc(100vw - 16px)); overflow: auto; overflow-wrap: anywhere; background: #fff;
  border: 1px solid #4c6272; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 12px; }
.panel h2 { font-size: 15px; margin: 0 0 8px; }
.panel ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.panel li { border-left: 4px solid; padding: 4px 8px; }
.panel li[data-category=confidentiality] { border-color: #b3261e; }
.panel li[data-category=consent] { border-color: #8a4600; border-left-style: dashed; }
.panel li[data-category=disrepute] { border-color: #6a1b9a; border-left-style: dotted; }
.panel .footer { margin: 10px 0 0; padding-top: 8px; border-top: 1px solid #d8dde0; }
.panel .finding { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 0; font: inherit; color: inherit; cursor: default; }
.title { font-weight: 700; display: block; }
.msg, .meta { display: block; }
dialog q { display: inline-block; margin: 2px 0; }
.meta { color: #4c6272; font-size: 13px; }
.btn { font: 600 14px/20px system-ui, sans-serif; border-radius: 4px; padding: 6px 14px; cursor: pointer; }
.btn.primary { background: #005eb8; color: #fff; border: 2px solid #005eb8; }
.btn.secondary { background: #fff; color: #212b32; border: 2px solid #4c6272; }
.btn.small { padding: 2px 8px; font-size: 13px; margin-top: 4px; min-height: 24px; }
.item-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.btn[disabled] { background: #e8edee; color: #4c6272; border-color: #aeb7bd; cursor: not-allowed; }
.notice { position: fixed; z-index: 2147483601; max-width: 360px; background: #fff8e1; border: 2px solid #8a4600; border-radius: 8px; padding: 8px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.notice.location { background: #fdecea; border-color: #b3261e; }
.notice p { margin: 0 0 6px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dialog { max-width: 520px; width: calc(100vw - 32px); border: 0; border-radius: 8px; padding: 20px 24px; box-shadow: 0 8px 32px rgba(0,0,0,.35); }
dialog::backdrop { background: rgba(33, 43, 50, 0.55); }
dialog h2 { margin: 0 0 8px; font-size: 20px; }
dialog ul { padding-left: 0; list-style: none; display: grid; gap: 10px; }
dialog li { border-left: 4px solid #b3261e; padding: 2px 10px; }
dialog li[data-category=consent] { border-color: #8a4600; border-left-style: dashed; }
dialog li[data-category=disrepute] { border-color: #6a1b9a; border-left-style: dotted; }
dialog q { background: #f0f4f5; padding: 0 3px; }
dialog .actions { display: flex; gap: 12px; justify-content: flex-end; flex-wrap: wrap; margin-top: 16px; }
dialog .ack { display: flex; gap: 8px; align-items: flex-start; margin-top: 12px; }
dialog .ack input { width: 18px; height: 18px; margin-top: 2px; }
dialog a { color: #005eb8; }
dialog iframe.trust-card { display: block; width: 100%; height: 60px; border: 0; margin: 8px 0 0; color-scheme: light; }
@media (prefers-reduced-motion: no-preference) {
  .mark { transition: opacity 120ms ease-out; }
  .panel, .notice { animation: pg-in 120ms ease-out; }
  @keyframes pg-in { from { opacity: 0; transform: translateY(-2px); } to { opacity: 1; transform: none; } }
}
@media (forced-colors: active) {
  .mark { border-bottom-color: Highlight; background: transparent; }
  .pill { border: 1px solid CanvasText; }
}`;
