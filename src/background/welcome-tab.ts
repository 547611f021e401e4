/**
 * The welcome page (welcome.html), opened once: when AdTally is first installed. An update, a browser
 * update or a restart of the service worker must not open it again (e2e/welcome.spec.ts): a person who
 * already knows AdTally would get a tab they did not ask for at every release.
 */
export const WELCOME_PAGE = 'welcome.html';

/** What `runtime.onInstalled` reports: only its reason decides. */
export interface InstallDetails {
  reason: string;
}

/** Whether this install event is a first install, the only one that opens the welcome page. */
export function opensWelcome(details: InstallDetails): boolean {
  return details.reason === 'install';
}
