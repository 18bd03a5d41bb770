import { createTenant } from '@vouch/core';
import { printJson, readStdin } from '../output';
import { CLI_ACTOR, inSystemTransaction } from '../system-tx';

export async function tenantCreateCommand(
  slug: string,
  options: { owner: string; name?: string; passwordStdin?: boolean },
): Promise<void> {
  const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : null;
  const created = await inSystemTransaction((tx) =>
    createTenant(tx, CLI_ACTOR, { slug, name: options.name, ownerEmail: options.owner, ownerPassword: password }),
  );
  printJson({
    ok: true,
    tenant: created.tenant,
    owner: {
      id: created.owner.user.id,
      email: created.owner.user.email,
      created: created.owner.user.created,
      roles: created.owner.roles,
      password: created.owner.user.generatedPassword,
    },
    agent: { id: created.agent.id, slug: created.agent.slug, versionId: created.agent.versionId, widgetKeys: created.agent.widgetKeys },
  });
}
