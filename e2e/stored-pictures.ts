import type { Worker } from '@playwright/test';
import type { PictureInfo } from '../src/common/pictures';

/** A stored picture's description, with what its image really is: decoded size and the colour at a point. */
export interface PictureSeen extends PictureInfo {
  decoded: { width: number; height: number };
  /** RGB at the given fractions of the image's width and height. */
  colourAt: [number, number, number] | null;
}

/**
 * Every picture AdTally stored, read in the service worker from its pictures database; [] before it exists.
 * `at` is a point as fractions of each picture's size, whose colour is read back from the decoded image.
 */
export async function storedPictures(serviceWorker: Worker, at: { x: number; y: number } = { x: 0.5, y: 0.5 }): Promise<PictureSeen[]> {
  return serviceWorker.evaluate(async (point) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'adtally-pictures')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('adtally-pictures');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stored = await new Promise<(PictureInfo & { blob: Blob })[]>((resolve, reject) => {
      const req = db.transaction('pictures').objectStore('pictures').getAll();
      req.onsuccess = () => resolve(req.result as (PictureInfo & { blob: Blob })[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return Promise.all(
      stored.map(async ({ blob, ...info }) => {
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const pixel = context.getImageData(Math.floor(point.x * bitmap.width), Math.floor(point.y * bitmap.height), 1, 1).data;
        return { ...info, decoded: { width: bitmap.width, height: bitmap.height }, colourAt: [pixel[0]!, pixel[1]!, pixel[2]!] as [number, number, number] };
      }),
    );
  }, at);
}
