import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { createAgent, type TCreatedAgent } from '../agent/create-agent';
import { defaultAgentConfig } from '../agent/agent-config';
import { record } from '../audit';
import { AppError } from '../errors';
import { addMember, type TAddedMember } from '../member/add-member';

export const ZTenantSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2-63 lowercase letters, digits or dashes');

export const ZCreateTenantInput = z.object({
  slug: ZTenantSlug,
  name: z.string().min(1).max(200).optional(),
  ownerEmail: z.email(),
  ownerPassword: z.string().nullish(),
});

export interface TCreatedTenant {
  tenant: { id: string; slug: string; name: string };
  owner: TAddedMember;
  agent: TCreatedAgent;
}

/** A tenant, its owner, and a default agent whose first version serves staging and production. */
export async function createTenant(
  systemTx: TenantTx,
  actor: TActor,
  rawInput: z.input<typeof ZCreateTenantInput>,
): Promise<TCreatedTenant> {
  const input = ZCreateTenantInput.parse(rawInput);
  const taken = await systemTx.tenant.findUnique({ where: { slug: input.slug } });
  if (taken) throw new AppError('CONFLICT', `A tenant with slug "${input.slug}" already exists.`);
  const name = input.name ?? input.slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  const tenant = await systemTx.tenant.create({ data: { slug: input.slug, name } });
  await record(systemTx, tenant.id, actor, {
    action: 'tenant.create',
    targetType: 'tenant',
    targetId: tenant.id,
    data: { slug: tenant.slug, name: tenant.name },
  });
  const owner = await addMember(systemTx, tenant.id, actor, {
    email: input.ownerEmail,
    roles: ['owner'],
    password: input.ownerPassword ?? null,
  });
  const agent = await createAgent(systemTx, tenant.id, actor, {
    slug: 'support',
    name: `${name} Support`,
    config: defaultAgentConfig(name),
    createdBy: owner.user.id,
  });
  return { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, owner, agent };
}
