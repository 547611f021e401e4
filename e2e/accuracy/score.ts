/**
 * Scores one page: which detections are true ads. Runs in the page (passed to page.evaluate), because only
 * the DOM knows which element contains which. A detection matches a truth ad when it is that element, or
 * one contains the other (a detector may report the slot or its wrapper); each truth ad matches at most one
 * detection, exact matches first. A detection that swallows two true ads scores one hit and one miss.
 */
export interface PageScore {
  truePositives: number;
  /** Each matched truth ad with the rule of the detection that matched it. */
  matches: { truth: string; rule: string }[];
  falsePositives: { path: string; rule: string }[];
  falseNegatives: string[];
  /** Truth selectors that do not select exactly one element: a broken truth file. */
  badTruth: string[];
}

export function scoreInPage(input: { detections: { path: string; rule: string }[]; truth: string[] }): PageScore {
  const badTruth: string[] = [];
  const truth = input.truth.map((selector) => {
    const found = document.querySelectorAll(selector);
    if (found.length !== 1) badTruth.push(`${selector} (${found.length} elements)`);
    return { selector, element: found[0] ?? null, matched: false };
  });
  const detections = input.detections.map((d) => ({ ...d, element: document.querySelector(d.path), matched: false }));
  const matches: { truth: string; rule: string }[] = [];
  const pair = (related: (d: Element, t: Element) => boolean) => {
    for (const d of detections) {
      if (d.matched || !d.element) continue;
      const t = truth.find((t) => !t.matched && t.element && related(d.element!, t.element));
      if (t) {
        t.matched = true;
        d.matched = true;
        matches.push({ truth: t.selector, rule: d.rule });
      }
    }
  };
  pair((d, t) => d === t);
  pair((d, t) => d.contains(t) || t.contains(d));
  return {
    truePositives: detections.filter((d) => d.matched).length,
    matches,
    falsePositives: detections.filter((d) => !d.matched).map(({ path, rule }) => ({ path, rule })),
    falseNegatives: truth.filter((t) => !t.matched).map((t) => t.selector),
    badTruth,
  };
}
