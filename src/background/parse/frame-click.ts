import type { ContentMessages, PayloadOf } from '../../common/messages';
import { accept, refuse } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/**
 * A click in a child frame: refused without a time; a landing URL that is not http(s) reads as none. However
 * long, the URL passes: the click event that carries it back is where an over-long URL is cut (validate.ts).
 */
export function parseFrameClick(message: Unchecked): Parsed<PayloadOf<ContentMessages, 'frameClick'>> {
  if (typeof message.time !== 'number') return refuse('no time');
  const landingUrl = typeof message.landingUrl === 'string' && /^https?:\/\//.test(message.landingUrl) ? message.landingUrl : null;
  return accept({ time: message.time, landingUrl });
}
