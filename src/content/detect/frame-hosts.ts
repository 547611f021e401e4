import { AD_FRAME_HOSTS } from './signatures';

/** The ad network serving an iframe, when its src host is a known ad host (or a subdomain of one). */
export function adNetworkOfFrameSrc(src: string, base: string): string | null {
  let host: string;
  try {
    host = new URL(src, base).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const [adHost, network] of AD_FRAME_HOSTS) {
    if (host === adHost || host.endsWith(`.${adHost}`)) return network;
  }
  return null;
}
