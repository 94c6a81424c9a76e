/**
 * Whether the page should start the embed view: `index.html?embed=1` (the single-file build has
 * one page). Its own file with no imports, so the composition root can decide without loading the
 * embed's protocol checks into the app's first chunk.
 */
export function wantsEmbed(search: string): boolean {
  const value = new URLSearchParams(search).get('embed');
  return value !== null && value !== '0' && value !== 'false';
}
