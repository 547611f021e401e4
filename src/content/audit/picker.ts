/**
 * The picker for an ad AdTally missed: the element under the pointer is outlined, a click picks it
 * (the click is stopped before the page or AdTally's click counting sees it), Esc cancels.
 */
export function startPicker(layer: Element, onPick: (element: Element) => void, onCancel: () => void, parentSignal: AbortSignal): void {
  const controller = new AbortController();
  const signal = controller.signal;
  parentSignal.addEventListener('abort', () => controller.abort(), { once: true, signal });
  const outline = document.createElement('adtally-pick');
  outline.style.cssText = 'position:fixed;z-index:2147483646;pointer-events:none;border:2px dashed #c26a00;background:rgba(194,106,0,.12);display:none;';
  document.documentElement.append(outline);
  signal.addEventListener('abort', () => outline.remove(), { once: true });

  const under = (e: MouseEvent) => document.elementsFromPoint(e.clientX, e.clientY).find((el) => el !== layer && el !== outline && !layer.contains(el)) ?? null;
  let current: Element | null = null;
  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener(
    'mousemove',
    (e) => {
      current = under(e);
      if (!current) return;
      const r = current.getBoundingClientRect();
      outline.style.cssText += `;display:block;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;`;
    },
    { capture: true, signal },
  );
  // Window capture runs before the document listeners that count clicks on ads.
  for (const type of ['mousedown', 'mouseup', 'auxclick', 'pointerdown', 'pointerup']) window.addEventListener(type, stop, { capture: true, signal });
  window.addEventListener(
    'click',
    (e) => {
      stop(e);
      // Only a person picks: a click the page dispatches is swallowed and ignored.
      if (!e.isTrusted) return;
      const picked = under(e) ?? current;
      controller.abort();
      if (picked && picked !== document.body && picked !== document.documentElement) onPick(picked);
      else onCancel();
    },
    { capture: true, signal },
  );
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape') return;
      stop(e);
      controller.abort();
      onCancel();
    },
    { capture: true, signal },
  );
}
