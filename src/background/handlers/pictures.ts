/**
 * The gallery and the pictures' own controls: the gallery's cards (creative records, their sites from the
 * events, their pictures from the pictures database), the count and the deletion of every picture, and the
 * pictures export, which only "Export ad pictures" asks for.
 */
import type { PayloadOf, ResponseOf, UiMessages } from '../../common/messages';
import { creativeMatches } from '../../common/frequency';
import { MAX_CARD_SITES } from '../../common/pictures';
import type { GalleryCard, PictureData } from '../../common/pictures';
import { watchMatcher } from '../../common/watchlist';
import type { Creative } from '../../common/types';
import { creativesOfSite, sitesOfCreative } from '../db/creative-sites';
import { getDb } from '../db/open';
import { readCreativesSeenSince } from '../db/range-reads';
import { deleteAllPictures, getPicturesDb, pictureUsage } from '../pictures/db';
import type { StoredPicture } from '../pictures/db';
import { dataUrlOf } from '../pictures/encode';

/** Newest last seen first, then by fingerprint: a stable order for paging. */
const byLastSeen = (a: Creative, b: Creative) => b.lastSeen - a.lastSeen || (a.fingerprint < b.fingerprint ? -1 : 1);

export async function handleGetGallery({ days, filter, offset, limit, watch }: PayloadOf<UiMessages, 'getGallery'>): Promise<ResponseOf<UiMessages, 'getGallery'>> {
  const db = await getDb();
  // Like frequency: creatives with an impression, seen in the range, passing the filter's fields they have.
  let creatives = (await readCreativesSeenSince(db, days)).filter((c) => c.impressions > 0 && creativeMatches(c, filter));
  if (watch) {
    const matchers = watch.map(watchMatcher);
    creatives = creatives.filter((c) => matchers.some((matches) => matches({ advertiser: c.advertiser ?? '', landingUrl: c.landingUrl })));
  }
  if (filter.site !== undefined) {
    const onSite = await creativesOfSite(db, filter.site, days);
    creatives = creatives.filter((c) => onSite.has(c.fingerprint));
  }
  creatives.sort(byLastSeen);
  const page = creatives.slice(offset, offset + limit);
  const pictures = await getPicturesDb();
  const cards = await Promise.all(
    page.map(async (creative): Promise<GalleryCard> => {
      const [sites, stored] = await Promise.all([sitesOfCreative(db, creative.fingerprint, MAX_CARD_SITES), pictures.get('pictures', creative.fingerprint)]);
      return { creative, sites, picture: stored ? await pictureData(stored) : null };
    }),
  );
  return { cards, total: creatives.length };
}

export async function pictureData({ blob, ...info }: StoredPicture): Promise<PictureData> {
  return { ...info, dataUrl: await dataUrlOf(blob) };
}

export async function handleGetPictureCount(): Promise<ResponseOf<UiMessages, 'getPictureCount'>> {
  return pictureUsage(await getPicturesDb());
}

export async function handleDeletePictures(): Promise<ResponseOf<UiMessages, 'deletePictures'>> {
  return { deleted: await deleteAllPictures(await getPicturesDb()) };
}

export async function handleExportPictures({ after, limit }: PayloadOf<UiMessages, 'exportPictures'>): Promise<ResponseOf<UiMessages, 'exportPictures'>> {
  const db = await getPicturesDb();
  const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
  const [stored, total] = await Promise.all([db.getAll('pictures', range, limit), db.count('pictures')]);
  const pictures = await Promise.all(stored.map(pictureData));
  return { pictures, next: stored.length === limit ? stored[stored.length - 1]!.fingerprint : null, total };
}
