/**
 * The pictures bench's page (bench/pictures.mjs): runs in an extension page of a copy of the built extension,
 * so it writes the extension origin's pictures database through AdTally's own code (encodePicture, addPicture)
 * as the background does, from synthetic captures drawn here: a page of ads at the sizes ads come in, with
 * gradients, a photo-like noisy area, shapes and text, cropped and encoded like a real sighting.
 */
import { cropPlan } from '../../src/background/pictures/crop';
import { addPicture, openPicturesDb } from '../../src/background/pictures/db';
import { encodePicture } from '../../src/background/pictures/encode';

/** Ad sizes (IAB units and native cards) with how often they come, roughly as the accuracy corpus has them. */
const SIZES: readonly [number, number, number][] = [
  [300, 250, 30],
  [728, 90, 15],
  [320, 50, 10],
  [160, 600, 5],
  [300, 600, 10],
  [970, 250, 5],
  [336, 280, 5],
  [400, 330, 20],
];

/** A seeded PRNG (mulberry32): the same pictures every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sizeOf(r: number): [number, number] {
  const total = SIZES.reduce((s, [, , w]) => s + w, 0);
  let x = r * total;
  for (const [w, h, weight] of SIZES) {
    if ((x -= weight) < 0) return [w, h];
  }
  return [300, 250];
}

let noise: OffscreenCanvas | null = null;

/** A photo-like texture (noise compresses worst), made once; each ad shows a part of it at a random offset. */
function noiseTile(random: () => number): OffscreenCanvas {
  if (noise) return noise;
  noise = new OffscreenCanvas(1000, 800);
  const c = noise.getContext('2d')!;
  const photo = c.createImageData(1000, 800);
  for (let i = 0; i < photo.data.length; i += 4) {
    const v = 80 + random() * 120;
    photo.data[i] = v + 30 * Math.sin(i / 400);
    photo.data[i + 1] = v;
    photo.data[i + 2] = v - 20;
    photo.data[i + 3] = 255;
  }
  c.putImageData(photo, 0, 0);
  return noise;
}

/** One synthetic ad drawn into a 1280×720 capture at its place, as captureVisibleTab would show it. */
async function captureWithAd(random: () => number, width: number, height: number): Promise<{ capture: ImageBitmap; rect: { x: number; y: number; width: number; height: number } }> {
  const canvas = new OffscreenCanvas(1280, 720);
  const c = canvas.getContext('2d')!;
  c.fillStyle = '#fff';
  c.fillRect(0, 0, 1280, 720);
  const x = Math.floor(random() * Math.max(1, 1280 - width));
  const y = Math.floor(random() * Math.max(1, 720 - height));
  const hue = Math.floor(random() * 360);
  const gradient = c.createLinearGradient(x, y, x + width, y + height);
  gradient.addColorStop(0, `hsl(${hue} 70% 45%)`);
  gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 70% 65%)`);
  c.fillStyle = gradient;
  c.fillRect(x, y, width, height);
  // A photo-like area: noise, which compresses worst, over about a third of the ad.
  const pw = Math.max(1, Math.floor(width * 0.45));
  const ph = Math.max(1, Math.floor(height * 0.7));
  c.drawImage(noiseTile(random), Math.floor(random() * (1000 - pw)), Math.floor(random() * (800 - ph)), pw, ph, x + 4, y + 4, pw, ph);
  c.fillStyle = `hsl(${(hue + 180) % 360} 80% 50%)`;
  c.beginPath();
  c.arc(x + width * 0.75, y + height * 0.5, Math.min(width, height) * 0.2, 0, Math.PI * 2);
  c.fill();
  c.fillStyle = '#fff';
  c.font = `bold ${Math.max(10, Math.min(28, height / 4))}px Arial`;
  c.fillText(`Offer ${Math.floor(random() * 1e6)}: save today`, x + 8, y + height - 12);
  return { capture: await createImageBitmap(canvas), rect: { x, y, width, height } };
}

declare global {
  interface Window {
    storePictures(count: number, seed: number): Promise<{ bytes: number; seconds: number; types: Record<string, number> }>;
  }
}

window.storePictures = async (count, seed) => {
  const random = prng(seed);
  const db = await openPicturesDb();
  let bytes = 0;
  const types: Record<string, number> = {};
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const [width, height] = sizeOf(random());
    const { capture, rect } = await captureWithAd(random, width, height);
    const plan = cropPlan(rect, { width: 1280, height: 720 }, capture, 1)!;
    const blob = await encodePicture(capture, plan);
    capture.close();
    bytes += blob.size;
    types[blob.type] = (types[blob.type] ?? 0) + 1;
    await addPicture(db, {
      fingerprint: `fp-${i.toString(16).padStart(14, '0')}`,
      site: `site-${i % 200}.example`,
      takenAt: Date.now(),
      width: plan.width,
      height: plan.height,
      type: blob.type,
      bytes: blob.size,
      headline: `Offer ${i}: save today on everything`,
      text: 'Advertisement Offer: save today on everything in the summer sale. Free delivery, free returns, terms apply.',
      creativeUrl: `https://cdn.adserver.example/creative/${i}.jpg`,
      landingUrl: `https://shop-${i % 500}.example/landing?c=${i}`,
      blob,
    });
  }
  db.close();
  return { bytes, seconds: (performance.now() - t0) / 1000, types };
};
