/**
 * A gallery that loads its own pages: the first page whenever its view (range, filter, watchlist) changes (null:
 * not yet, the page's first screen is loading), then
 * another on "Show more". An answer for a view left meanwhile is dropped. Its data comes through `load`, which
 * the page's client module implements (docs/architecture.md, "The UI is a pure render").
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../common/format';
import { GALLERY_PAGE } from '../common/pictures';
import type { GalleryCard } from '../common/pictures';
import { GalleryCards } from './gallery';

export type LoadGallery = (offset: number, limit: number) => Promise<{ cards: GalleryCard[]; total: number }>;

type Shown = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; cards: GalleryCard[]; total: number; more: boolean };

export function GallerySection({ view, load, title, note, empty, testId }: { view: string | null; load: LoadGallery; title: string; note?: string; empty: string; testId: string }) {
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  // Which view the cards belong to: "Show more" of a view left meanwhile must not add to the new one.
  const generation = useRef(0);
  useEffect(() => {
    let current = true;
    generation.current++;
    setShown({ status: 'loading' });
    // No view yet: the page's first screen is still loading.
    if (view === null) return;
    load(0, GALLERY_PAGE).then(
      ({ cards, total }) => current && setShown({ status: 'ready', cards, total, more: false }),
      (error: unknown) => current && setShown({ status: 'error', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [view]);
  const showMore = () => {
    if (shown.status !== 'ready') return;
    const asked = generation.current;
    setShown({ ...shown, more: true });
    load(shown.cards.length, GALLERY_PAGE).then(
      ({ cards, total }) => asked === generation.current && setShown((s) => (s.status === 'ready' ? { status: 'ready', cards: [...s.cards, ...cards], total, more: false } : s)),
      (error: unknown) => asked === generation.current && setShown({ status: 'error', message: errorText(error) }),
    );
  };
  return (
    <section class="card" aria-labelledby={`${testId}-title`} data-testid={testId} aria-busy={shown.status === 'loading'}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {note && <p class="note">{note}</p>}
      {shown.status === 'loading' && <p class="note">Loading…</p>}
      {shown.status === 'error' && (
        <p class="note error" role="alert">
          Could not read AdTally's data: {shown.message}
        </p>
      )}
      {shown.status === 'ready' && <GalleryCards cards={shown.cards} total={shown.total} loadingMore={shown.more} onShowMore={showMore} empty={empty} />}
    </section>
  );
}
