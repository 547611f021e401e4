/**
 * Runs `fn` right after the browser has rendered its next frame, when the page's layout is clean: a read of
 * boxes then costs a lookup, where the same read at any other moment forces the style and layout the page
 * has pending, inside AdTally's task (Paul Irish, "What forces layout/reflow"; the page bench attributes
 * that time to AdTally). For reads that can wait a frame: the badge's count, a creative's picture.
 *
 * A hidden page renders no frames, and a layout read there is not seen by anyone: it runs in the next task.
 */
export function afterNextFrame(fn: () => void): void {
  if (document.visibilityState !== 'visible') {
    setTimeout(fn, 0);
    return;
  }
  // requestAnimationFrame runs before the frame's style and layout; the task it queues runs after them.
  requestAnimationFrame(() => setTimeout(fn, 0));
}
