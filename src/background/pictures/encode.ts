/**
 * From a capture of the visible tab to a small picture: decoded with createImageBitmap, cropped and scaled on an
 * OffscreenCanvas (Chromium's background is a service worker, with no DOM; Firefox's event page has
 * OffscreenCanvas too), encoded as WebP where `convertToBlob` supports it, else JPEG.
 */
import type { CropPlan } from './crop';
import { base64Of } from '../../common/base64';

/** WebP at this quality keeps text in an ad legible at about a tenth of the PNG's size (bench/pictures.mjs). */
const QUALITY = 0.8;

export async function decodeCapture(dataUrl: string): Promise<ImageBitmap> {
  const blob = await (await fetch(dataUrl)).blob();
  return createImageBitmap(blob);
}

export async function encodePicture(capture: ImageBitmap, plan: CropPlan): Promise<Blob> {
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.imageSmoothingQuality = 'high';
  const { x, y, width, height } = plan.source;
  context.drawImage(capture, x, y, width, height, 0, 0, plan.width, plan.height);
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
  // A browser that cannot encode WebP answers PNG, which would be several times bigger: JPEG then.
  return webp.type === 'image/webp' ? webp : canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
}

/** A blob as a data: URL, for a message (blobs do not cross runtime messaging) and the pictures export. */
export async function dataUrlOf(blob: Blob): Promise<string> {
  return `data:${blob.type};base64,${base64Of(new Uint8Array(await blob.arrayBuffer()))}`;
}
