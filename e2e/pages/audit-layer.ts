import type { Locator, Page } from '@playwright/test';

export interface AuditBadge {
  adId: string;
  state: string;
  what: string;
  rule: string;
}

/** Page object for the on-page audit layer AdTally draws over a page (an open shadow root Playwright pierces). */
export class AuditLayer {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('adtally-audit');
  }

  async badges(): Promise<AuditBadge[]> {
    const badges: AuditBadge[] = [];
    for (const box of await this.root.locator('.box').all()) {
      badges.push({
        adId: (await box.getAttribute('data-ad-id')) ?? '',
        state: ((await box.locator('.state').textContent()) ?? '').trim(),
        what: ((await box.locator('.what').textContent()) ?? '').trim(),
        rule: ((await box.locator('.rule').textContent()) ?? '').trim(),
      });
    }
    return badges;
  }

  /** The badge box drawn over the ad that contains `selector` (matched by position on screen). */
  async boxOver(selector: string): Promise<Locator> {
    const adId = await this.page.evaluate((sel) => {
      const target = document.querySelector(sel)!.getBoundingClientRect();
      const x = target.left + target.width / 2;
      const y = target.top + target.height / 2;
      const boxes = [...document.querySelector('adtally-audit')!.shadowRoot!.querySelectorAll<HTMLElement>('.box')];
      const over = boxes.find((b) => {
        const r = b.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      });
      return over?.dataset.adId ?? null;
    }, selector);
    if (!adId) throw new Error(`no audit box over ${selector}`);
    return this.root.locator(`.box[data-ad-id="${adId}"]`);
  }

  async pickMissedAd(selector: string): Promise<string> {
    await this.root.getByRole('button', { name: 'Mark a missed ad' }).click();
    await this.page.locator(selector).click();
    const hint = this.root.locator('.hint');
    await hint.filter({ hasText: /Saved|Could not/ }).waitFor();
    return (await hint.textContent()) ?? '';
  }
}
