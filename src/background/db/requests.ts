/**
 * Waiting for many plain IndexedDB requests at once, without a promise and two event listeners per request
 * (what idb's wrapper costs: more than the request itself when a write issues thousands).
 */

export interface Settled<T> {
  ok: boolean;
  value: T | undefined;
}

/**
 * Resolves, in order, to each request's result. A request whose error `tolerate` accepts settles with
 * `ok: false` and does not abort the transaction; any other error rejects (and aborts the transaction).
 */
export function settle<T>(requests: IDBRequest[], tolerate?: (error: DOMException | null) => boolean): Promise<Settled<T>[]> {
  const results: Settled<T>[] = new Array(requests.length);
  if (requests.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    let left = requests.length;
    const done = () => {
      if (--left === 0) resolve(results);
    };
    requests.forEach((request, i) => {
      request.onsuccess = () => {
        results[i] = { ok: true, value: request.result as T };
        done();
      };
      request.onerror = (event) => {
        if (tolerate?.(request.error)) {
          // Handled: the transaction goes on, and the error does not reach the transaction's listeners.
          event.preventDefault();
          event.stopPropagation();
          results[i] = { ok: false, value: undefined };
          done();
        } else reject(request.error);
      };
    });
  });
}
