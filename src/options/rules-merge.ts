/**
 * The rules text changed in storage while the person was editing it on the options page (the on-page audit
 * appends a correction). Nothing is lost either way: the lines added elsewhere are appended to the draft,
 * and the person sees them before saving.
 */
export function mergeRuleEdits(base: string, stored: string, draft: string): { text: string; added: string[] } {
  const before = new Set(lines(base));
  const inDraft = new Set(lines(draft));
  const added = lines(stored).filter((line) => !before.has(line) && !inDraft.has(line) && line.trim() !== '');
  if (added.length === 0) return { text: draft, added };
  const separator = draft === '' || draft.endsWith('\n') ? '' : '\n';
  return { text: `${draft}${separator}${added.join('\n')}\n`, added };
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}
