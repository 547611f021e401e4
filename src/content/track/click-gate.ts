/** At most one click per ad per 500 ms (docs/measurement.md): a double click or a bubbling pair is one click. */
export const CLICK_DEBOUNCE_MS = 500;

export class ClickGate {
  private readonly last = new Map<string, number>();

  allow(adId: string, time: number): boolean {
    const previous = this.last.get(adId);
    if (previous !== undefined && time - previous < CLICK_DEBOUNCE_MS) return false;
    this.last.set(adId, time);
    return true;
  }
}
