/**
 * The on-page audit: every detected ad outlined, with a badge giving its state, kind, network and the rule
 * that found it, a "Not an ad" button on each badge, and a picker to mark an ad AdTally missed. Drawn in a
 * shadow root on a fixed layer above the page, so the page's CSS cannot restyle it, and its clicks never
 * count as ad clicks (the layer is outside every ad, so clicks.ts ignores it). The shadow root is open, so
 * tests and assistive tools can read it; a page that reaches into it cannot file a correction, because
 * every action requires a trusted (person-made) event.
 */
import type { AdProgress } from '../track/ad-ledger';
import type { AdWithProgress } from '../track/ad-views';
import { startPicker } from './picker';

/** A badge shows how far its ad got in the page view, as the counting recorded it. */
export type AuditState = AdProgress;
export type AuditAd = AdWithProgress;

export interface AuditHooks {
  /** The ads of the current page view, as they are now. */
  listAds(): AuditAd[];
  /** Stores a correction; resolves to the rule line written. */
  correct(kind: 'ad' | 'not-ad', element: Element): Promise<string>;
}

const COLOURS: Record<AuditState, string> = { detected: '#8a94a6', impression: '#1a66d9', viewable: '#1e8e3e', clicked: '#c26a00' };
const REFRESH_MS = 500;

export function startAudit(hooks: AuditHooks, signal: AbortSignal): void {
  const host = document.createElement('adtally-audit');
  host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;display:block;';
  const shadow = host.attachShadow({ mode: 'open' });
  // Built node by node, never from HTML text: nothing from the page is ever parsed as markup.
  shadow.append(
    el('style', '', STYLE),
    el('div', 'toolbar', el('strong', '', 'AdTally audit'), el('span', 'count'), el('button', 'pick', 'Mark a missed ad'), el('span', 'hint')),
    el('div', 'boxes'),
  );
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });

  const boxes = shadow.querySelector('.boxes')!;
  const count = shadow.querySelector('.count')!;
  const hint = shadow.querySelector('.hint')!;
  const marked = new Map<Element, string>();
  const drawn = new Map<Element, HTMLElement>();

  const draw = () => {
    const ads = hooks.listAds().filter((ad) => ad.element.isConnected);
    count.textContent = `${ads.length} ad${ads.length === 1 ? '' : 's'} on this page`;
    const seen = new Set<Element>();
    for (const ad of ads) {
      seen.add(ad.element);
      let box = drawn.get(ad.element);
      if (!box) {
        box = makeBox(ad, () => void mark(ad.element, box!));
        boxes.append(box);
        drawn.set(ad.element, box);
      }
      update(box, ad, marked.get(ad.element));
    }
    for (const [element, box] of drawn) {
      if (seen.has(element)) continue;
      box.remove();
      drawn.delete(element);
    }
  };
  const mark = async (element: Element, box: HTMLElement) => {
    try {
      await hooks.correct('not-ad', element);
      marked.set(element, 'Marked not an ad: not counted from the next page view.');
    } catch (error) {
      marked.set(element, `Could not save: ${(error as Error)?.message ?? error}`);
    }
    box.dataset.marked = 'true';
    draw();
  };

  shadow.querySelector('.pick')!.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    hint.textContent = 'Click the ad AdTally missed (Esc to cancel)';
    startPicker(
      host,
      async (element) => {
        try {
          const line = await hooks.correct('ad', element);
          hint.textContent = `Saved “${line}”: counted from the next page view.`;
        } catch (error) {
          hint.textContent = `Could not save: ${(error as Error)?.message ?? error}`;
        }
      },
      () => (hint.textContent = ''),
      signal,
    );
  });

  // Positions follow scrolling and layout at once; states and new ads are read twice a second.
  let redrawRequest = 0;
  const schedule = () => {
    if (!redrawRequest) redrawRequest = requestAnimationFrame(() => ((redrawRequest = 0), draw()));
  };
  window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  window.addEventListener('resize', schedule, { passive: true, signal });
  const timer = setInterval(draw, REFRESH_MS);
  signal.addEventListener('abort', () => (clearInterval(timer), cancelAnimationFrame(redrawRequest)), { once: true });
  draw();
}

function makeBox(ad: AuditAd, onNotAd: () => void): HTMLElement {
  const box = el('div', 'box', el('div', 'badge', el('span', 'state'), ' ', el('span', 'what'), el('div', 'rule'), el('button', 'not-ad', 'Not an ad'), el('div', 'note')));
  box.dataset.adId = ad.adId;
  box.querySelector('.not-ad')!.addEventListener('click', (e) => e.isTrusted && onNotAd());
  return box;
}

function update(box: HTMLElement, ad: AuditAd, note: string | undefined): void {
  const rect = ad.element.getBoundingClientRect();
  const colour = COLOURS[ad.state];
  box.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;border-color:${colour};`;
  box.dataset.state = ad.state;
  const badge = box.querySelector<HTMLElement>('.badge')!;
  badge.style.background = colour;
  // Near the top of the viewport the badge goes inside the box, so it stays on screen.
  badge.classList.toggle('inside', rect.top < 48);
  box.querySelector('.state')!.textContent = ad.state;
  box.querySelector('.what')!.textContent = `· ${ad.kind}${ad.network ? ` · ${ad.network}` : ''}`;
  const rule = box.querySelector<HTMLElement>('.rule')!;
  rule.textContent = ad.rule;
  rule.title = ad.rule;
  box.querySelector('.note')!.textContent = note ?? '';
  (box.querySelector('.not-ad') as HTMLButtonElement).hidden = note !== undefined;
}

function el(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (node instanceof HTMLButtonElement) node.type = 'button';
  node.append(...children);
  return node;
}

const STYLE = `
:host { all: initial; }
.toolbar { position: fixed; top: 8px; right: 8px; display: flex; gap: 8px; align-items: center; padding: 6px 10px;
  background: #1d2330; color: #fff; font: 12px/1.4 system-ui, sans-serif; border-radius: 8px; pointer-events: auto;
  box-shadow: 0 2px 8px rgba(0,0,0,.3); max-width: 60vw; }
.toolbar button, .badge button { font: inherit; border: 0; border-radius: 4px; padding: 2px 8px; cursor: pointer;
  background: #fff; color: #1d2330; }
.toolbar button:focus-visible, .badge button:focus-visible { outline: 2px solid #7fb0ff; outline-offset: 1px; }
.hint { color: #cfd6e4; }
.box { position: fixed; box-sizing: border-box; border: 2px solid; border-radius: 2px; pointer-events: none; }
.box[data-marked] { border-style: dashed; opacity: .7; }
.badge { position: absolute; left: -2px; bottom: 100%; max-width: max(220px, 100%); padding: 3px 6px; color: #fff;
  font: 11px/1.35 system-ui, sans-serif; border-radius: 4px 4px 4px 0; pointer-events: auto; box-sizing: border-box; }
.badge.inside { bottom: auto; top: 0; border-radius: 0 0 4px 0; }
.state { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.rule { font-family: ui-monospace, monospace; font-size: 10px; opacity: .9; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.badge button { margin-top: 2px; font-size: 11px; }
.note { font-size: 11px; }
.note:empty { display: none; }
`;
