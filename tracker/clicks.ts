import { DOWNLOAD_EXTENSIONS } from './downloads.ts';
import { on } from './listen.ts';
import type { Options, Send } from './types.ts';

/**
 * Outgoing link clicks, same-site file downloads (full build) and `data-track="name"
 * data-track-<prop>="value"` custom events.
 */
export function clicks(options: Options, send: Send) {
  // Full build only (the core leaves the list out).
  const download =
    typeof TIDEMARK_CORE === 'undefined' &&
    options.fileDownloads !== false &&
    new RegExp(`\\.(${DOWNLOAD_EXTENSIONS.join('|')})$`, 'i');
  const click = (event: MouseEvent) => {
    if (event.button > 1) return; // primary and middle (open in new tab) clicks only
    const target = event.target as Element;
    const link = target.closest?.<HTMLAnchorElement>('a[href]');
    // mailto:, tel: and javascript: links have no host.
    if (options.outgoingLinks !== false && link?.host && link.host !== location.host) {
      send({ type: 'outgoing_link', href: link.href, text: link.textContent?.trim() });
    }
    if (download && link?.host === location.host && download.test(link.pathname)) {
      send({ type: 'custom', name: 'file_download', properties: { href: link.href } });
    }
    const tagged = target.closest?.('[data-track]');
    const name = tagged?.getAttribute('data-track');
    if (options.attributes !== false && tagged && name) {
      const properties: Record<string, string> = {};
      for (const { name, value } of tagged.attributes)
        if (name.startsWith('data-track-')) properties[name.slice(11)] = value;
      send({ type: 'custom', name, properties });
    }
  };
  // Capture phase: the page stopping propagation does not hide the click.
  on('click', click, true);
  on('auxclick', click, true);
}
