// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CreativeSighting } from '../../common/pictures';
import type { Attribution } from '../attribution/attribute';
import { creativeSightings } from './creative-sightings';

const attribution = (fingerprint: string): Attribution => ({ fingerprint, headline: ' Copper   kettles ', creativeUrl: 'https://cdn.test/k.png', landingUrl: 'https://kettles.test/' });

describe('creativeSightings', () => {
  it('sends a creative once per page view, however many of its ads become viewable, and never one without a fingerprint', () => {
    const sent: CreativeSighting[] = [];
    const sightings = creativeSightings((s) => sent.push(s));
    const ad = () => document.body.appendChild(document.createElement('div'));
    sightings.viewable(ad(), attribution('fp-1'));
    sightings.viewable(ad(), attribution('fp-1'));
    sightings.viewable(ad(), attribution(''));
    sightings.viewable(ad(), attribution('fp-2'));
    expect(sent.map((s) => s.fingerprint)).toEqual(['fp-1', 'fp-2']);
    expect(sent[0]).toMatchObject({ headline: 'Copper kettles', creativeUrl: 'https://cdn.test/k.png', landingUrl: 'https://kettles.test/' });
  });

  it('a new page view sends again', () => {
    const sent: string[] = [];
    const element = document.body.appendChild(document.createElement('div'));
    creativeSightings((s) => sent.push(s.fingerprint)).viewable(element, attribution('fp-1'));
    creativeSightings((s) => sent.push(s.fingerprint)).viewable(element, attribution('fp-1'));
    expect(sent).toEqual(['fp-1', 'fp-1']);
  });
});
