import { z } from 'zod';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyNothing, verifyPassword } from '../../prisma/passwords.ts';
import { hashToken, isTokenShaped } from '../../prisma/tokens.ts';
import { requireAuth, sharedWebsiteId } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { accessToken, newShareLink } from '../share-links.ts';
import { SIGN_IN_LIMITS, takeAttempt } from './auth.ts';
import { findOwnWebsite } from './websites.ts';

// Share links: a read-only, revocable link to one website's dashboard, shown as its public
// dashboard would be (api/auth.ts readsPublicDashboard): no sessions, no property values, no
// error stacks, no private fields, and no mutation at all.

const ShareLinkRef = builder.prismaObject('ShareLink', {
  description: 'A read-only link to one website’s dashboard. Its token is shown once, when it is created.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Share link id.' }),
    websiteId: t.exposeID('websiteId', { description: 'The website it shows.' }),
    passwordProtected: t.boolean({
      description: 'Whether viewers must give a password (unlockShareLink).',
      select: { passwordHash: true },
      resolve: (link) => link.passwordHash !== null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

const NewShareLinkRef = builder
  .objectRef<{ id: string; url: string; token: string; websiteId: string; passwordProtected: boolean }>('NewShareLink')
  .implement({
    description: 'A created share link. The token is not stored and cannot be shown again.',
    fields: (t) => ({
      id: t.exposeID('id', { description: 'Share link id (revokeShareLink takes it).' }),
      url: t.exposeString('url', { description: 'The link to hand out: <origin>/share/<token>.' }),
      token: t.exposeString('token', {
        description: 'The secret of the link; the dashboard sends it as the x-tidemark-share header.',
      }),
      websiteId: t.exposeID('websiteId', { description: 'The website it shows.' }),
      passwordProtected: t.exposeBoolean('passwordProtected', { description: 'Whether viewers must give a password.' }),
    }),
  });

const sharePasswordSchema = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((password) => !password.includes('\0'), 'must not contain NUL characters');

/** Share links of websites the caller owns with write access; another organization's look like none. */
async function findOwnShareLink(ctx: Context, id: string) {
  const link = await ctx.prisma.shareLink.findUnique({ where: { id }, include: { website: true } });
  if (!link) throw new NotFoundError('ShareLink');
  await findOwnWebsite(ctx, link.websiteId).catch(() => {
    throw new NotFoundError('ShareLink');
  });
  return link;
}

builder.queryFields((t) => ({
  sharedWebsite: t.prismaField({
    type: 'Website',
    description:
      'The website of the share token presented in the x-tidemark-share header (SHARE_PASSWORD_REQUIRED until a password-protected link is unlocked). Readable as its public dashboard: id, domain, name and analytics without sessions, property values, link URLs or error stacks.',
    authScopes: { shareViewer: true },
    resolve: async (query, _root, _args, ctx) => {
      const caller = requireAuth(ctx.auth).caller;
      const id = caller.kind === 'share' ? sharedWebsiteId(caller) : '';
      return ctx.prisma.website.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  shareLinks: t.prismaField({
    type: [ShareLinkRef],
    description: 'Share links of a website, newest first (NOT_FOUND for a website of another organization).',
    authScopes: { readMetadata: true },
    args: { websiteId: t.arg.id({ required: true, description: 'Website id.' }) },
    resolve: async (query, _root, { websiteId }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      return ctx.prisma.shareLink.findMany({
        ...query,
        where: { websiteId: website.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  createShareLink: t.field({
    type: NewShareLinkRef,
    description:
      'Creates a read-only link to a website’s dashboard, optionally protected by a password. Embedding it in a frame is allowed only from the website’s frameAncestors.',
    authScopes: { writeMetadata: true },
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      password: t.arg.string({ validate: sharePasswordSchema, description: 'A password viewers must give.' }),
    },
    resolve: async (_root, { websiteId, password }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      const { token, tokenHash, accessSecret } = newShareLink();
      const link = await ctx.prisma.shareLink.create({
        data: {
          websiteId: website.id,
          tokenHash,
          accessSecret,
          passwordHash: password ? await hashPassword(password) : null,
          createdBy: requireAuth(ctx.auth).userId,
        },
      });
      return {
        id: link.id,
        url: `${ctx.http.origin}/share/${token}`,
        token,
        websiteId: website.id,
        passwordProtected: link.passwordHash !== null,
      };
    },
  }),
  revokeShareLink: t.boolean({
    description: 'Revokes a share link for good: its token and every access token of it stop working.',
    authScopes: { writeMetadata: true },
    args: { id: t.arg.id({ required: true, description: 'Share link id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const link = await findOwnShareLink(ctx, String(id));
      await ctx.prisma.shareLink.delete({ where: { id: link.id } });
      return true;
    },
  }),
  unlockShareLink: t.string({
    description: `Exchanges a share link's token and password for an access token valid 12 hours, to send as x-tidemark-share instead of the token. Changes nothing. A wrong password or unknown token: UNAUTHENTICATED; after ${SIGN_IN_LIMITS.perAccount} failures for a link in 15 minutes, RATE_LIMITED.`,
    args: {
      token: t.arg.string({ required: true, validate: z.string().max(200), description: 'The share link token.' }),
      password: t.arg.string({
        required: true,
        validate: z.string().max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`),
        description: 'Its password.',
      }),
    },
    resolve: async (_root, { token, password }, ctx) => {
      if (password.includes('\0')) throw InputError.at(['password'], 'must not contain NUL characters');
      const link = isTokenShaped(token)
        ? await ctx.prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) } })
        : null;
      const attempt = takeAttempt(ctx, [
        [`share:${link?.id ?? 'unknown'}`, SIGN_IN_LIMITS.perAccount],
        [`share:address:${ctx.http.address}`, SIGN_IN_LIMITS.perAddress],
      ]);
      const matches = link?.passwordHash
        ? (await verifyPassword(password, link.passwordHash)).matches
        : link
          ? true
          : await verifyNothing(password);
      if (!link || !matches) throw new UnauthenticatedError('Wrong share link or password.');
      attempt.succeeded();
      return accessToken(link);
    },
  }),
}));
