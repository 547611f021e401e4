/**
 * The one dictionary of disclosure labels: every word a platform or publisher prints to say "this is an ad",
 * in English and the most used languages of the web (W3Techs 2025: es, de, ja, fr, pt, ru, it, nl, pl, tr,
 * zh, ko, id, ar), plus the Nordic and Czech forms Meta prints. The generic label layer reads all of it;
 * platform adapters take the meanings their platform prints.
 * Fixtures: news.test ("Advertisement"), blog.test ("Sponsored"), intl.test (the translations).
 */
import type { AdKind } from '../../../common/types';
import { compact, normaliseLabelText, segments } from './normalise';

/** What a label says: each platform prints some of these. */
export type LabelMeaning = 'advertisement' | 'sponsored' | 'promoted' | 'ad';

export interface Disclosure {
  /** The label as stored in rules ("label:<label>"): lower case. */
  label: string;
  kind: AdKind;
  meaning: LabelMeaning;
}

const entries = (meaning: LabelMeaning, kind: AdKind, labels: readonly string[]): Disclosure[] =>
  labels.map((label) => ({ label: normaliseLabelText(label), kind, meaning }));

export const DISCLOSURES: readonly Disclosure[] = [
  ...entries('advertisement', 'display', [
    'advertisement', 'advertisements', 'publicidad', 'anuncio', 'anzeige', 'werbung', '広告', 'publicité',
    'publicidade', 'anúncio', 'реклама', 'pubblicità', 'advertentie', 'reklama', 'reklam', '广告', '廣告',
    '광고', 'iklan', 'إعلان',
  ]),
  ...entries('sponsored', 'native', [
    'sponsored', 'patrocinado', 'patrocinada', 'gesponsert', 'スポンサー', 'sponsorisé', 'спонсировано',
    'sponsorizzato', 'gesponsord', 'sponsorowane', 'sponsorlu', '赞助', '贊助', '赞助内容', '스폰서', 'bersponsor',
    'ممول', 'sponsrad', 'sponset', 'sponsoreret', 'sponzorováno',
    'sponsored content', 'sponsored post', 'gesponserter inhalt', 'contenu sponsorisé', 'contenido patrocinado',
    'paid partner', 'paid partner content', 'paid post', 'paid content', 'paid promotion',
    // Headings over a list of ads: the container logic makes each unit under them an ad, never the list.
    'sponsored results', 'sponsored result', 'sponsored links', 'sponsored products', 'sponsored listings',
    'ads by google',
  ]),
  ...entries('promoted', 'native', ['promoted', 'promocionado', 'promovido', 'promosso', 'promu', 'promoted post']),
  // "Ad" alone is short enough to be something else, so it is matched only as a whole caption or one
  // separated part of it ("Ad · example.com"), never as a subsequence of split letters.
  ...entries('ad', 'native', ['ad', 'ads']),
];

/**
 * Words that join a label to the name of who paid, label first: "Promoted by Acme", "Ad by ShopName",
 * "Gesponsert von Acme", "Sponsorisé par Acme", "Patrocinado por Acme", "Sponsorizzato da Acme"; and the
 * heading "Ads related to: camping tent" over a block of ads.
 */
const BY_WORDS = ['by', 'from', 'from shop', 'related to', 'von', 'par', 'por', 'da', 'door', 'przez', 'de'];

const BY_LABEL_MEANINGS: ReadonlySet<LabelMeaning> = new Set(['sponsored', 'promoted', 'ad', 'advertisement']);

/** The dictionary by compact form ("sponsoredcontent"): one lookup per caption part. */
const BY_COMPACT = new Map(DISCLOSURES.map((d) => [compact(d.label), d]));

/** The disclosure a caption part is exactly (once normalised and compacted), or null. */
export function disclosureOf(part: string): Disclosure | null {
  return BY_COMPACT.get(compact(normaliseLabelText(part))) ?? null;
}

/**
 * The disclosure a whole text is, as one caption part ("Sponsored", "Ad · " but not "Close sponsored message"
 * or "Acme | Ad"), or null: what a caption beside a creative or an element's ARIA name must say. A pure
 * function of the text, remembered: a feed asks it again for every post of the same few texts (a timeline's
 * heading and tabs, each post's "Reply" and "Like" buttons). Forgotten past MAX_KNOWN_WHOLE texts.
 */
export function wholeDisclosure(text: string): Disclosure | null {
  let label = knownWhole.get(text);
  if (label !== undefined) return label;
  const parts = segments(text);
  label = parts.length === 1 ? disclosureOf(parts[0]!) : null;
  if (knownWhole.size >= MAX_KNOWN_WHOLE) knownWhole.clear();
  knownWhole.set(text, label);
  return label;
}

const MAX_KNOWN_WHOLE = 1_000;
const knownWhole = new Map<string, Disclosure | null>();

const BY_LABELS = DISCLOSURES.filter((d) => BY_LABEL_MEANINGS.has(d.meaning))
  .map((d) => escape(d.label))
  .sort((a, b) => b.length - a.length)
  .join('|');
// "<label> <by-word> <name>", the name a few words with no sentence punctuation ("Sponsored by nobody. We…").
const BY_LINE = new RegExp(`^(${BY_LABELS}) (?:${BY_WORDS.join('|')}):? ([^.!?;]{1,40})$`, 'u');
// The start of one, its name perhaps in the next element: "Ads related to: <b>camping tent</b>".
const BY_LINE_START = new RegExp(`^(?:${BY_LABELS}) (?:${BY_WORDS.join('|')}):?(?: |$)`, 'u');

/** Whether a part of a line starts a by-line ("ads related to:"), its name perhaps in the next element. */
export function startsByLine(normalisedPart: string): boolean {
  return BY_LINE_START.test(normalisedPart);
}

/**
 * Labels that head a list of ads rather than caption one ("Sponsored results", "Ads related to: …"): the
 * units under them are ads down to the list's end.
 */
export const LIST_HEADINGS: ReadonlySet<string> = new Set(
  ['sponsored results', 'sponsored links', 'sponsored products', 'sponsored listings', 'ads by google', 'ads'].map(normaliseLabelText),
);

/** Every label's compact form: words of a link that is about ads ("Why these ads?"), not an ad. */
export const LABEL_WORDS: ReadonlySet<string> = new Set(DISCLOSURES.map((d) => compact(d.label)));

/** The disclosure a by-line starts with ("promoted by acme" → promoted), or null. */
export function disclosureOfByLine(normalisedPart: string): Disclosure | null {
  const match = BY_LINE.exec(normalisedPart);
  if (!match || match[2]!.trim().split(' ').length > 5) return null;
  return disclosureOf(match[1]!);
}

/** The labels of some meanings, as platform adapters pass them to the caption reader. */
export function labelsMeaning(...meanings: LabelMeaning[]): readonly string[] {
  return DISCLOSURES.filter((d) => meanings.includes(d.meaning)).map((d) => d.label);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
