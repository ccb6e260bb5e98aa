import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { PrismaClient } from '../prisma/client.ts';
import { hashToken, isTokenShaped, newToken } from '../prisma/tokens.ts';
import { readWebsiteSettings } from '../prisma/website-settings.ts';
import type { Auth } from './auth.ts';
import { UnauthenticatedError } from './errors.ts';

/** The dashboard sends a share link's token (or the access token unlockShareLink gave) in this header. */
export const SHARE_HEADER = 'x-tidemark-share';

/** How long an unlocked password-protected link stays open before its password is asked again. */
export const SHARE_ACCESS_TTL_MS = 12 * 3600 * 1000;

/** A new share link's token and what is stored of it. */
export function newShareLink() {
  const { token, tokenHash } = newToken();
  return { token, tokenHash, accessSecret: randomBytes(32).toString('base64url') };
}

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/**
 * An access token to a password-protected link: `<link id>.<expiry, ms base 36>.<HMAC>`, signed
 * with the link's own secret. Stateless, so unlocking writes nothing; revoking the link (which
 * deletes its secret) ends every access token of it.
 */
export function accessToken(link: { id: string; accessSecret: string }, now = Date.now()): string {
  const payload = `${link.id}.${(now + SHARE_ACCESS_TTL_MS).toString(36)}`;
  return `${payload}.${mac(link.accessSecret, payload)}`;
}

const ACCESS_TOKEN = /^([a-z0-9]{1,40})\.([a-z0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;
const invalid = () => new UnauthenticatedError('This share link is invalid or has been revoked.');

/**
 * The caller of a presented share or access token: read-only, one website, no scopes. A
 * password-protected link presented by its token, or by an expired access token, is a locked
 * caller (SHARE_PASSWORD_REQUIRED on every read). Unknown or revoked tokens fail the request.
 */
export async function shareAuth(prisma: PrismaClient, presented: string, now = Date.now()): Promise<Auth> {
  const select = { id: true, passwordHash: true, accessSecret: true, website: true } as const;
  const access = ACCESS_TOKEN.exec(presented);
  let unlocked = false;
  let link = null;
  if (isTokenShaped(presented)) {
    link = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(presented) }, select });
  } else if (access) {
    const [, id, expiry, signature] = access as unknown as [string, string, string, string];
    link = await prisma.shareLink.findUnique({ where: { id }, select });
    const expected = Buffer.from(link ? mac(link.accessSecret, `${id}.${expiry}`) : '');
    if (!link || expected.length !== signature.length || !timingSafeEqual(expected, Buffer.from(signature))) {
      throw invalid();
    }
    unlocked = Number.parseInt(expiry, 36) > now;
  }
  if (!link || link.website.status === 'ARCHIVED') throw invalid();
  return {
    caller: {
      kind: 'share',
      shareLinkId: link.id,
      websiteId: link.website.id,
      locked: link.passwordHash !== null && !unlocked,
    },
    organizationId: link.website.organizationId,
    websiteId: link.website.id,
    scopes: [],
    userId: null,
  };
}

/**
 * `Content-Security-Policy: frame-ancestors …` on the dashboard's `/share/<token>` pages: the
 * origins the website's owner allows to embed it (Website.frameAncestors), otherwise 'none'.
 * Appended, so the page's own policy (set by the routes serving it) still applies.
 */
export function shareFraming(prisma: PrismaClient): Plugin {
  return {
    async onResponse({ request, response }) {
      const match = /^\/share\/([^/]*)\/?$/.exec(new URL(request.url).pathname);
      if (!match) return;
      const token = match[1] ?? '';
      const link = isTokenShaped(token)
        ? await prisma.shareLink.findUnique({
            where: { tokenHash: hashToken(token) },
            select: { website: { select: { settings: true } } },
          })
        : null;
      const allowed = link ? (readWebsiteSettings(link.website.settings).frameAncestors ?? []) : [];
      response.headers.append(
        'content-security-policy',
        `frame-ancestors ${allowed.length ? allowed.join(' ') : "'none'"}`,
      );
    },
  };
}
