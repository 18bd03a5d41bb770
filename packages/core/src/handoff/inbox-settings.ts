import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';

/** Until a tenant sets its own: amber after 2 minutes of waiting, red after 5. */
export const DEFAULT_SLA = { slaWarnSeconds: 120, slaBreachSeconds: 300 } as const;

export const ZInboxSettingsInput = z
  .object({
    slaWarnSeconds: z.number().int().min(10, 'Amber needs at least 10 seconds.').max(86_400, 'Amber can be at most a day.'),
    slaBreachSeconds: z.number().int().min(20).max(172_800, 'Red can be at most two days.'),
  })
  .refine((v) => v.slaBreachSeconds > v.slaWarnSeconds, { message: 'Red must come after amber.', path: ['slaBreachSeconds'] });

export interface TInboxSettings {
  slaWarnSeconds: number;
  slaBreachSeconds: number;
  isDefault: boolean;
}

export async function getInboxSettings(tx: TenantTx): Promise<TInboxSettings> {
  const row = await tx.inboxSettings.findFirst({ select: { slaWarnSeconds: true, slaBreachSeconds: true } });
  return row ? { ...row, isDefault: false } : { ...DEFAULT_SLA, isDefault: true };
}

export async function updateInboxSettings(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZInboxSettingsInput>): Promise<TInboxSettings> {
  const input = ZInboxSettingsInput.parse(rawInput);
  const updatedBy = actor.type === 'user' ? actor.userId : null;
  const before = await getInboxSettings(tx);
  await tx.inboxSettings.upsert({
    where: { tenantId },
    create: { tenantId, ...input, updatedBy },
    update: { ...input, updatedBy, updatedAt: new Date() },
  });
  await record(tx, tenantId, actor, {
    action: 'inbox.settings-update',
    targetType: 'tenant',
    targetId: tenantId,
    data: { before: { slaWarnSeconds: before.slaWarnSeconds, slaBreachSeconds: before.slaBreachSeconds }, after: input },
  });
  return { ...input, isDefault: false };
}
