/**
 * The options page of a launched AdTally, ready to import: the storage bench and the import profile both
 * choose their file in its `<input type=file>`, as a person would.
 */

/** Opens options.html in the context's first tab; resolves to the page and its file input. */
export async function openOptionsForImport(context, extensionId) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const input = page.locator('input[type=file]');
  await input.waitFor({ state: 'attached' });
  return { page, input };
}
