import { z } from 'zod';
import type { PrismaClient } from '../../prisma/client.ts';
import type { InvitationKind, MemberRole } from '../../prisma/generated/enums.ts';
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyNothing,
  verifyPassword,
} from '../../prisma/passwords.ts';
import { hashToken, isTokenShaped, newToken } from '../../prisma/tokens.ts';
import { requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  ConflictError,
  InputError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  unlessDuplicate,
} from '../errors.ts';
import { sessionCookie, startSession } from '../sessions.ts';
import { MemberRoleRef, OrganizationRef, UserRef } from './organization.ts';

// Who can see the dashboard: people sign in with email and password (a session cookie), join by
// invitation links, and the first start offers a one-time setup link. API keys are for programs.

/** Failed sign-ins allowed per 15 minutes, per email address and per client address. */
export const SIGN_IN_LIMITS = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 };
/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const emailSchema = z.email().max(254);
const nameSchema = z.string().trim().min(1).max(100);
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((password) => !password.includes('\0'), 'must not contain NUL characters');
/** What a password given to signIn may be (a length bound before any hashing; no rule on content). */
const presentedPasswordSchema = z.string().max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`);
const tokenSchema = z.string().max(200);

const WRONG_CREDENTIALS = 'Wrong email or password.';
const normalEmail = (email: string) => email.trim().toLowerCase();

interface ViewerShape {
  userId: string;
  organizationId: string;
  role: MemberRole;
  sessionId: string;
}

const ViewerOrganizationRef = builder
  .objectRef<{ organization: { id: string; name: string }; role: MemberRole }>('ViewerOrganization')
  .implement({
    description: 'An organization the signed-in user belongs to, with their role (switchOrganization to act in it).',
    fields: (t) => ({
      id: t.id({ description: 'Organization id.', resolve: (m) => m.organization.id }),
      name: t.string({ description: 'Display name.', resolve: (m) => m.organization.name }),
      role: t.field({ type: MemberRoleRef, description: 'The user’s role there.', resolve: (m) => m.role }),
    }),
  });

const ViewerRef = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'The signed-in person of a session: their account, the organization they act in, and their role there.',
  fields: (t) => ({
    user: t.prismaField({
      type: UserRef,
      description: 'The signed-in user.',
      resolve: (query, viewer, _args, ctx) =>
        ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: viewer.userId } }),
    }),
    organization: t.prismaField({
      type: OrganizationRef,
      description: 'The organization the session acts in (switchOrganization changes it).',
      resolve: (query, viewer, _args, ctx) =>
        ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: viewer.organizationId } }),
    }),
    role: t.field({
      type: MemberRoleRef,
      description: 'The user’s role in that organization: what the session may do there.',
      resolve: (viewer) => viewer.role,
    }),
    organizations: t.field({
      type: [ViewerOrganizationRef],
      description: 'Every organization the user belongs to, oldest membership first.',
      resolve: (viewer, _args, ctx) =>
        ctx.prisma.member.findMany({
          where: { userId: viewer.userId },
          select: { role: true, organization: { select: { id: true, name: true } } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
    }),
  }),
});

const SessionRef = builder.prismaObject('Session', {
  description: 'A signed-in browser of the user. Revoking it signs that browser out.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Session id.' }),
    userAgent: t.exposeString('userAgent', {
      nullable: true,
      description: 'The browser that signed in, as it named itself.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it signed in.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', description: 'Last request (to the minute).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it ends unless revoked before.' }),
    current: t.boolean({
      description: 'Whether this is the session making the request.',
      resolve: (session, _args, ctx) => ctx.auth?.caller.kind === 'session' && ctx.auth.caller.sessionId === session.id,
    }),
  }),
});

const NewInvitationRef = builder
  .objectRef<{ url: string; token: string; expiresAt: Date; role: MemberRole; email: string | null }>('NewInvitation')
  .implement({
    description: 'A one-time invitation link. The token is not stored and cannot be shown again.',
    fields: (t) => ({
      url: t.exposeString('url', { description: 'The link to send: <origin>/invite/<token>.' }),
      token: t.exposeString('token', { description: 'The secret of the link (acceptInvitation takes it).' }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the link stops working.' }),
      role: t.field({ type: MemberRoleRef, description: 'Role the invited person gets.', resolve: (i) => i.role }),
      email: t.exposeString('email', { nullable: true, description: 'The only address that may accept, if set.' }),
    }),
  });

/** The viewer of a session caller; null for anyone else. */
function viewerOf(ctx: Context): ViewerShape | null {
  const caller = ctx.auth?.caller;
  if (caller?.kind !== 'session' || !ctx.auth?.userId) return null;
  return {
    userId: ctx.auth.userId,
    organizationId: ctx.auth.organizationId,
    role: caller.role,
    sessionId: caller.sessionId,
  };
}

/** Starts a session for the user in an organization, sets its cookie, and returns the viewer. */
async function signInAs(ctx: Context, userId: string, member: { organizationId: string; role: MemberRole }) {
  // A session signing in again (another account, or the same) replaces itself.
  if (ctx.auth?.caller.kind === 'session') {
    await ctx.prisma.session.deleteMany({ where: { id: ctx.auth.caller.sessionId } });
  }
  const token = await startSession(ctx.prisma, {
    userId,
    organizationId: member.organizationId,
    userAgent: ctx.http.userAgent,
  });
  ctx.http.setCookie(sessionCookie(token, ctx.http.secure));
  const session = await ctx.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
  return { userId, organizationId: member.organizationId, role: member.role, sessionId: session.id };
}

/**
 * Counts an attempt (sign-in, share-link unlock) against each of its limits (an account or link,
 * a client address); refused while any is exhausted. A successful attempt is given back
 * (`succeeded`), so only failures count.
 */
export function takeAttempt(ctx: Context, limits: [key: string, max: number][]) {
  const taken: string[] = [];
  for (const [key, max] of limits) {
    const decision = ctx.attempts.take(key, max, SIGN_IN_LIMITS.windowMs);
    if (!decision.allowed) {
      for (const earlier of taken) ctx.attempts.refund(earlier);
      throw new RateLimitedError(Math.max(1, Math.ceil(decision.resetMs / 1000)), 'Too many failed attempts');
    }
    taken.push(key);
  }
  return {
    succeeded: () => {
      for (const key of taken) ctx.attempts.refund(key);
    },
  };
}

/** A password attempt for an account, limited per account and per client address. */
const signInAttempt = (ctx: Context, email: string) =>
  takeAttempt(ctx, [
    [`sign-in:account:${email}`, SIGN_IN_LIMITS.perAccount],
    [`sign-in:address:${ctx.http.address}`, SIGN_IN_LIMITS.perAddress],
  ]);

/** Checks a user's password (rehashing it when its parameters are old); a user without one never matches. */
async function checkPassword(
  prisma: PrismaClient,
  user: { id: string; passwordHash: string | null },
  password: string,
) {
  if (!user.passwordHash) return verifyNothing(password);
  const check = await verifyPassword(password, user.passwordHash);
  if (check.matches && check.needsRehash) {
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return check.matches;
}

/**
 * Uses a one-time link (invitation or setup): valid only unused and unexpired, and marked used in
 * the same transaction as what it grants, so two requests with one token cannot both succeed.
 */
async function useLink(prisma: PrismaClient, kind: InvitationKind, token: string) {
  const invalid = new UnauthenticatedError(
    `This ${kind === 'SETUP' ? 'setup' : 'invitation'} link is invalid, used or expired.`,
  );
  if (!isTokenShaped(token)) throw invalid;
  const now = new Date();
  const link = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.kind !== kind || link.usedAt || link.expiresAt <= now) throw invalid;
  return {
    link,
    /** Marks the link used inside `tx`; fails when a concurrent request used it first. */
    async consume(tx: Pick<PrismaClient, 'invitation'>) {
      const { count } = await tx.invitation.updateMany({
        where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) throw invalid;
    },
  };
}

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The signed-in person of a session cookie; null for anonymous callers, API keys and share links.',
    resolve: (_root, _args, ctx) => viewerOf(ctx),
  }),
  sessions: t.prismaField({
    type: [SessionRef],
    description: 'The signed-in user’s sessions that have not ended, most recently used first.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.session.findMany({
        ...query,
        where: { userId: requireAuth(ctx.auth).userId ?? '', expiresAt: { gt: new Date() } },
        orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

// Signing in, joining and setting up are open to anonymous callers and to members (not to share links).
const notShared = { $any: { anonymous: true, authenticated: true } };

builder.mutationFields((t) => ({
  signIn: t.field({
    type: ViewerRef,
    description: `Signs in with email and password: sets the HttpOnly session cookie and returns the viewer. A wrong email or password fails alike with UNAUTHENTICATED; after ${SIGN_IN_LIMITS.perAccount} failures for an email (or ${SIGN_IN_LIMITS.perAddress} from one address) in 15 minutes, RATE_LIMITED.`,
    authScopes: notShared,
    args: {
      email: t.arg.string({ required: true, validate: z.string().max(254), description: 'Email address.' }),
      password: t.arg.string({ required: true, validate: presentedPasswordSchema, description: 'Password.' }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const address = normalEmail(email);
      const attempt = signInAttempt(ctx, address);
      const user = await ctx.prisma.user.findUnique({
        where: { email: address },
        include: { memberships: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
      });
      // Unknown emails spend the same scrypt time as wrong passwords.
      const matches = user ? await checkPassword(ctx.prisma, user, password) : await verifyNothing(password);
      const member = user?.memberships[0];
      if (!user || !matches || user.status !== 'ACTIVE' || !member) throw new UnauthenticatedError(WRONG_CREDENTIALS);
      attempt.succeeded();
      return signInAs(ctx, user.id, member);
    },
  }),
  signOut: t.boolean({
    description: 'Ends the session making the request and removes its cookie; false when there was none.',
    authScopes: notShared,
    resolve: async (_root, _args, ctx) => {
      if (ctx.auth?.caller.kind !== 'session') return false;
      await ctx.prisma.session.deleteMany({ where: { id: ctx.auth.caller.sessionId } });
      ctx.http.setCookie(sessionCookie(null, ctx.http.secure));
      return true;
    },
  }),
  revokeSession: t.boolean({
    description: 'Signs one of the user’s own sessions out (NOT_FOUND for any other id).',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, description: 'Session id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const auth = requireAuth(ctx.auth);
      const { count } = await ctx.prisma.session.deleteMany({ where: { id: String(id), userId: auth.userId ?? '' } });
      if (count === 0) throw new NotFoundError('Session');
      if (auth.caller.kind === 'session' && auth.caller.sessionId === String(id)) {
        ctx.http.setCookie(sessionCookie(null, ctx.http.secure));
      }
      return true;
    },
  }),
  switchOrganization: t.field({
    type: ViewerRef,
    description: 'Makes the session act in another organization of the user (NOT_FOUND for any other).',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, description: 'Organization id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const viewer = viewerOf(ctx) as ViewerShape;
      const member = await ctx.prisma.member.findFirst({
        where: { organizationId: String(id), userId: viewer.userId },
      });
      if (!member) throw new NotFoundError('Organization');
      await ctx.prisma.session.update({
        where: { id: viewer.sessionId },
        data: { organizationId: member.organizationId },
      });
      return { ...viewer, organizationId: member.organizationId, role: member.role };
    },
  }),
  createInvitation: t.field({
    type: NewInvitationRef,
    description:
      'A one-time link that lets a person join the organization with a role, valid 7 days. With an email, only that address may accept.',
    authScopes: { manageOrganization: true },
    args: {
      role: t.arg({ type: MemberRoleRef, required: true, description: 'Role the person gets.' }),
      email: t.arg.string({ validate: emailSchema, description: 'The only address that may accept.' }),
    },
    resolve: async (_root, { role, email }, ctx) => {
      const auth = requireAuth(ctx.auth);
      const { token, tokenHash } = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      const invited = email ? normalEmail(email) : null;
      await ctx.prisma.invitation.create({
        data: {
          tokenHash,
          organizationId: auth.organizationId,
          role,
          email: invited,
          createdBy: auth.userId,
          expiresAt,
        },
      });
      return { url: `${ctx.http.origin}/invite/${token}`, token, expiresAt, role, email: invited };
    },
  }),
  acceptInvitation: t.field({
    type: ViewerRef,
    description:
      'Joins the organization of an invitation link and signs in. A new email creates the account with this password; an existing account must give its own password. The link works once.',
    authScopes: notShared,
    args: {
      token: t.arg.string({ required: true, validate: tokenSchema, description: 'The invitation token.' }),
      name: t.arg.string({ required: true, validate: nameSchema, description: 'Your name in the organization.' }),
      password: t.arg.string({ required: true, validate: passwordSchema, description: 'Your password.' }),
      email: t.arg.string({
        validate: emailSchema,
        description: 'Your email address (required unless the invitation names one; must match it if it does).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const { link, consume } = await useLink(ctx.prisma, 'INVITATION', args.token);
      const email = link.email ?? (args.email ? normalEmail(args.email) : null);
      if (!email) throw InputError.at(['email'], 'an email address is required');
      if (link.email && args.email && normalEmail(args.email) !== link.email) {
        throw InputError.at(['email'], 'this invitation is for another address');
      }
      const existing = await ctx.prisma.user.findUnique({ where: { email }, include: { memberships: true } });
      // Proving an account's password here counts against the same limits as signIn: one valid
      // link must not become a way around them.
      const attempt = existing?.passwordHash ? signInAttempt(ctx, email) : undefined;
      if (existing) {
        // An account with a password joins by proving it. One without (added by addMember) may be
        // claimed only through its own organization's invitation to its address: another
        // organization's admin must not be able to take over an account that reaches elsewhere.
        const claimable =
          !existing.passwordHash &&
          link.email === email &&
          existing.memberships.every((m) => m.organizationId === link.organizationId);
        const proven = existing.passwordHash ? await checkPassword(ctx.prisma, existing, args.password) : claimable;
        if (!proven || existing.status !== 'ACTIVE') throw new UnauthenticatedError(WRONG_CREDENTIALS);
        attempt?.succeeded();
      }
      const passwordHash = existing?.passwordHash ?? (await hashPassword(args.password));
      const member = await unlessDuplicate(
        ctx.prisma.$transaction(async (tx) => {
          await consume(tx);
          const user = existing
            ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash } })
            : await tx.user.create({ data: { email, name: args.name, passwordHash } });
          const already = existing?.memberships.find((m) => m.organizationId === link.organizationId);
          if (already) {
            if (existing?.passwordHash) throw new ConflictError('You are already a member of this organization.');
            return already;
          }
          return tx.member.create({
            data: { organizationId: link.organizationId, userId: user.id, name: args.name, role: link.role },
          });
        }),
        'You are already a member of this organization.',
      );
      return signInAs(ctx, member.userId, member);
    },
  }),
  completeSetup: t.field({
    type: ViewerRef,
    description:
      'Completes the first start: the setup link (printed by `npm start` on an empty database) makes its holder the owner account of the first organization with this email and password, and signs in. The link works once.',
    authScopes: notShared,
    args: {
      token: t.arg.string({ required: true, validate: tokenSchema, description: 'The setup token.' }),
      email: t.arg.string({ required: true, validate: emailSchema, description: 'Your email address.' }),
      name: t.arg.string({ required: true, validate: nameSchema, description: 'Your name.' }),
      password: t.arg.string({ required: true, validate: passwordSchema, description: 'Your password.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { link, consume } = await useLink(ctx.prisma, 'SETUP', args.token);
      const passwordHash = await hashPassword(args.password);
      const userId = link.userId ?? '';
      const member = await unlessDuplicate(
        ctx.prisma.$transaction(async (tx) => {
          await consume(tx);
          await tx.user.update({
            where: { id: userId },
            data: { email: normalEmail(args.email), name: args.name, passwordHash, emailVerified: false },
          });
          return tx.member.update({
            where: { organizationId_userId: { organizationId: link.organizationId, userId } },
            data: { name: args.name },
          });
        }),
        'Another account uses this email address.',
      );
      return signInAs(ctx, userId, member);
    },
  }),
}));
