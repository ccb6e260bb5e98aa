import { z } from 'zod';
import { generateApiKey } from '../../prisma/api-keys.ts';
import type { User } from '../../prisma/generated/client.ts';
import type { MemberRole } from '../../prisma/generated/enums.ts';
import { type Auth, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, unlessDuplicate } from '../errors.ts';
import { mutationErrors } from './errors.ts';

export const MemberRoleRef = builder.enumType('MemberRole', {
  description: 'What a member may do in an organization.',
  values: {
    OWNER: { description: 'Full control, including the organization itself; there is always at least one.' },
    ADMIN: { description: 'Manages members, keys and all metadata.' },
    MEMBER: { description: 'Manages metadata.' },
    VIEWER: { description: 'Reads only.' },
  } satisfies Record<MemberRole, { description: string }>,
});

export const UserRef = builder.prismaObject('User', {
  description: 'A person. Users belong to organizations through memberships.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'User id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    email: t.exposeString('email', { description: 'Email address (unique).' }),
    image: t.exposeString('image', { nullable: true, description: 'Avatar URL.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the user was created.' }),
  }),
});

/**
 * A user as one organization knows them: id, email, the name that organization gave them, and
 * when they joined it. A user may belong to several organizations; none sees the account's own
 * name, avatar or age, so adding an email answers the same whether or not someone elsewhere on
 * the instance uses it.
 */
export function asMemberOf(
  user: { id: string; email: string },
  membership: { name: string; createdAt: Date } | undefined,
): User {
  return {
    id: user.id,
    email: user.email,
    name: membership?.name ?? user.email,
    image: null,
    createdAt: membership?.createdAt ?? new Date(0),
  } as unknown as User;
}

const MemberRef = builder.prismaObject('Member', {
  description: 'A user’s membership of the organization, with a role.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Membership id.' }),
    role: t.expose('role', { type: MemberRoleRef, description: 'Role in the organization.' }),
    name: t.exposeString('name', { description: 'Display name the organization gave the member.' }),
    user: t.field({
      type: UserRef,
      description:
        'The member as this organization knows them: id, email, and the name it gave (image null, createdAt when they joined).',
      select: { name: true, createdAt: true, user: { select: { id: true, email: true } } },
      resolve: (member) => asMemberOf(member.user, member),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the user joined.' }),
  }),
});

export const OrganizationRef = builder.prismaObject('Organization', {
  description: 'A tenant: everything an API key can reach belongs to its organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Organization id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    slug: t.exposeString('slug', { nullable: true, description: 'URL-friendly unique name.' }),
    logo: t.exposeString('logo', { nullable: true, description: 'Logo URL.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    members: t.relatedConnection('members', {
      description: 'Members and their roles, oldest first (not for a website-restricted key).',
      authScopes: { readMembers: true },
      cursor: 'id',
      totalCount: true,
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

const callerKeyId = (auth: Auth) => (auth.caller.kind === 'key' ? auth.caller.key.id : '');

/** The caller's own organization, found through its key or session. */
const ownOrganization = (ctx: Context) => ({ id: requireAuth(ctx.auth).organizationId });

builder.queryFields((t) => ({
  organization: t.prismaField({
    type: 'Organization',
    description: 'The organization of the API key, or the current organization of the session.',
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.organization.findUniqueOrThrow({ ...query, where: ownOrganization(ctx) }),
  }),
  me: t.prismaField({
    type: 'ApiKey',
    description:
      'The API key making the request (its user, organization, scopes and restrictions). FORBIDDEN for a session: see viewer.',
    authScopes: { apiKey: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: callerKeyId(requireAuth(ctx.auth)) } }),
  }),
}));

const AddMemberInput = builder.inputType('AddMemberInput', {
  description: 'A person to add; the same person in several organizations is one user with one email.',
  fields: (t) => ({
    email: t.string({ required: true, validate: z.email().max(254), description: 'Email address.' }),
    name: t.string({
      required: true,
      validate: z.string().min(1).max(100),
      description: 'Display name of the member in this organization.',
    }),
    role: t.field({ type: MemberRoleRef, required: true, description: 'Role in the organization.' }),
  }),
});

async function findOwnMember(ctx: Context, id: string) {
  const member = await ctx.prisma.member.findFirst({
    where: { id, organizationId: requireAuth(ctx.auth).organizationId },
  });
  if (!member) throw new NotFoundError('Member');
  return member;
}

/** An organization always keeps at least one owner. */
async function checkKeepsOwner(ctx: Context, member: { id: string; role: string; organizationId: string }) {
  if (member.role !== 'OWNER') return;
  const owners = await ctx.prisma.member.count({ where: { organizationId: member.organizationId, role: 'OWNER' } });
  if (owners <= 1) throw InputError.at(['id'], 'the last owner of an organization cannot be removed or demoted');
}

builder.mutationFields((t) => ({
  updateOrganization: t.field({
    type: OrganizationRef,
    description: 'Renames the organization or changes its slug or logo.',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: {
      name: t.arg.string({ validate: z.string().min(1).max(100), description: 'New display name.' }),
      slug: t.arg.string({
        validate: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and dashes'),
        description: 'New slug.',
      }),
      logo: t.arg.string({ validate: z.url({ protocol: /^https?$/ }), description: 'New logo URL.' }),
    },
    resolve: (_root, args, ctx) =>
      unlessDuplicate(
        ctx.prisma.organization.update({
          where: ownOrganization(ctx),
          data: { name: args.name ?? undefined, slug: args.slug ?? undefined, logo: args.logo ?? undefined },
        }),
        'This slug is taken.',
      ),
  }),
  addMember: t.field({
    type: MemberRef,
    description: 'Adds a person to the organization (creating the user if the email is new).',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: AddMemberInput, required: true, description: 'The person and role.' }) },
    resolve: async (_root, { input }, ctx) => {
      const user = await ctx.prisma.user.upsert({
        where: { email: input.email.toLowerCase() },
        create: { email: input.email.toLowerCase(), name: input.name },
        update: {},
      });
      return unlessDuplicate(
        ctx.prisma.member.create({
          data: {
            organizationId: requireAuth(ctx.auth).organizationId,
            userId: user.id,
            name: input.name,
            role: input.role,
          },
        }),
        'This user is already a member.',
      );
    },
  }),
  updateMemberRole: t.field({
    type: MemberRef,
    description: 'Changes a member’s role.',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Membership id.' }),
      role: t.arg({ type: MemberRoleRef, required: true, description: 'New role.' }),
    },
    resolve: async (_root, { id, role }, ctx) => {
      const member = await findOwnMember(ctx, String(id));
      if (role !== 'OWNER') await checkKeepsOwner(ctx, member);
      return ctx.prisma.member.update({ where: { id: member.id }, data: { role } });
    },
  }),
  removeMember: t.field({
    type: MemberRef,
    description: 'Removes a member from the organization; returns the removed membership.',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Membership id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const member = await findOwnMember(ctx, String(id));
      await checkKeepsOwner(ctx, member);
      return ctx.prisma.member.delete({ where: { id: member.id } });
    },
  }),
}));

// Operating the instance: organizations are created and listed by a key with INSTANCE_ADMIN.
// They are shown as summaries, never as Organization objects: an instance administrator's key
// belongs to its own organization and reaches nothing inside the others.

const OrganizationSummaryRef = builder.prismaObject('Organization', {
  variant: 'OrganizationSummary',
  description: 'An organization of the instance, as instance administrators see it (nothing inside it).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Organization id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    slug: t.exposeString('slug', { nullable: true, description: 'URL-friendly unique name.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and dashes');

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  description: 'A new organization with its first owner.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().min(1).max(100), description: 'Display name.' }),
    slug: t.string({ validate: slugSchema, description: 'URL-friendly unique name.' }),
    ownerEmail: t.string({
      required: true,
      validate: z.email().max(254),
      description: 'Email of the first owner (an existing user of the instance with this email is reused).',
    }),
    ownerName: t.string({
      required: true,
      validate: z.string().min(1).max(100),
      description: 'Display name of the owner in the new organization.',
    }),
  }),
});

const NewOrganizationRef = builder
  .objectRef<{ organizationId: string; apiKeyId: string; secret: string }>('NewOrganization')
  .implement({
    description: 'A created organization and its first admin key. The secret is not stored and cannot be shown again.',
    fields: (t) => ({
      organization: t.prismaField({
        type: OrganizationSummaryRef,
        description: 'The organization.',
        resolve: (query, created, _args, ctx) =>
          ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: created.organizationId } }),
      }),
      adminKeyId: t.exposeID('apiKeyId', { description: 'Id of the admin key (every scope but INSTANCE_ADMIN).' }),
      adminKey: t.exposeString('secret', {
        description: 'The admin key in full, shown once: hand it to the organization’s owner.',
      }),
    }),
  });

builder.queryField('organizations', (t) =>
  t.prismaConnection({
    type: OrganizationSummaryRef,
    cursor: 'id',
    description: 'Every organization of the instance, oldest first (INSTANCE_ADMIN).',
    authScopes: { manageInstance: true },
    totalCount: (_root, _args, ctx) => ctx.prisma.organization.count(),
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.organization.findMany({ ...query, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
);

builder.mutationField('createOrganization', (t) =>
  t.field({
    type: NewOrganizationRef,
    description: 'Creates an organization, its owner and its first admin key (INSTANCE_ADMIN).',
    authScopes: { manageInstance: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateOrganizationInput, required: true, description: 'The organization.' }) },
    resolve: (_root, { input }, ctx) =>
      unlessDuplicate(
        ctx.prisma.$transaction(async (tx) => {
          const email = input.ownerEmail.toLowerCase();
          const user = await tx.user.upsert({ where: { email }, create: { email, name: input.ownerName }, update: {} });
          const organization = await tx.organization.create({
            data: {
              name: input.name,
              slug: input.slug ?? null,
              members: { create: { userId: user.id, name: input.ownerName, role: 'OWNER' } },
            },
          });
          const { key, ...stored } = generateApiKey();
          const apiKey = await tx.apiKey.create({
            data: {
              ...stored,
              name: 'First admin key',
              organizationId: organization.id,
              userId: user.id,
              scopes: ['ADMIN', 'READ_ANALYTICS', 'WRITE_METADATA', 'TRACK_EVENTS', 'WRITE_LLM'],
            },
          });
          return { organizationId: organization.id, apiKeyId: apiKey.id, secret: key };
        }),
        'This slug is taken.',
      ),
  }),
);
