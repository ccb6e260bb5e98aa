import type { IncomingMessage, ServerResponse } from 'node:http';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { clientIp } from '../../runtime/client-ip.ts';
import { limitByIp } from '../browser.ts';
import type { IngestContext } from '../context.ts';
import { pageFields } from '../enrich/page.ts';
import { dailyVisitorId } from '../enrich/privacy.ts';
import { HttpError } from '../http.ts';
import { storeRows } from '../store.ts';

const SLUG = /^[A-Za-z0-9_-]{1,64}$/;

/** Only http(s) targets: a stored link can never send a visitor to javascript: or data: URLs. */
function safeTarget(target: string): string | null {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * GET /l/<slug>: redirects to the link's target (302, or 301 for permanent links) and records
 * the click. The target comes only from the stored link, never from the request, so the
 * route cannot be used as an open redirect. Unknown or expired → 404, disabled → 410.
 */
export async function followLink(ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const ip = clientIp(req, ingest.config.trustProxyHops);
  limitByIp(ingest, ip);
  const slug = url.pathname.slice('/l/'.length);
  // Slugs are plain [A-Za-z0-9_-]: anything percent-encoded cannot be one.
  const link = SLUG.test(slug) ? await ingest.links.get(slug) : null;
  const target = link && safeTarget(link.targetUrl);
  if (!link || !target || (link.expiresAt && link.expiresAt <= new Date())) {
    throw new HttpError(404, 'LINK_NOT_FOUND', 'No such link');
  }
  if (!link.enabled) throw new HttpError(410, 'LINK_DISABLED', 'This link has been disabled');

  const userAgent = req.headers['user-agent'] ?? '';
  const device = userAgent ? ingest.pipeline.userAgents.parse(userAgent) : null;
  if (device && !device.bot) {
    const now = new Date();
    const geo = ingest.pipeline.geo.lookup(ip);
    const row = {
      link_id: link.id,
      owner_id: link.organizationId,
      website_id: link.websiteId,
      timestamp: toClickHouseDateTime(now),
      visitor_hash: dailyVisitorId(await ingest.salts.forDate(now), link.id, ip, userAgent),
      referrer: pageFields({ url: target, referrer: req.headers.referer }).referrer,
      browser_name: device.browserName ?? '',
      os_name: device.osName ?? '',
      device_type: device.deviceType,
      country: geo.country ?? '',
    };
    await storeRows(ingest, [{ table: 'analytics.link_clicks', row }]);
  } else {
    ingest.metrics.drop('bot', device ? 'bot' : 'no_user_agent');
  }
  res.writeHead(link.permanent ? 301 : 302, { location: target, 'cache-control': 'no-store' }).end();
}
