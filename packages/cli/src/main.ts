#!/usr/bin/env -S npx tsx
import { Command, CommanderError } from 'commander';
import { loadRootEnv } from './load-env';
import { describeError, printJson } from './output';

loadRootEnv();

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw error;
});

const program = new Command()
  .name('vouch')
  .description('Vouch operator commands. Results are printed as JSON.')
  .exitOverride();

program
  .command('migrate')
  .description('Apply SQL migrations in prisma/migrations as the owner role')
  .action(async () => (await import('./commands/migrate')).migrateCommand());

program
  .command('seed')
  .description('Create the demo tenants (acme, globex), their owners, agents and articles')
  .action(async () => (await import('./commands/seed')).seedCommand());

const tenant = program.command('tenant').description('Manage tenants');
tenant
  .command('create <slug>')
  .description('Create a tenant, its owner and a default agent (first version serves staging and production)')
  .requiredOption('--owner <email>', 'email of the owner (created if new)')
  .option('--name <name>', 'display name (default: from the slug)')
  .option('--password-stdin', 'read the owner password from stdin instead of generating one')
  .action(async (slug: string, options: { owner: string; name?: string; passwordStdin?: boolean }) =>
    (await import('./commands/tenant')).tenantCreateCommand(slug, options),
  );

const agent = program.command('agent').description('Manage agents');
agent
  .command('allow-origin')
  .description("Allow an origin (exact scheme://host[:port]) to embed an agent environment's widget")
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--origin <origin>', 'e.g. https://www.example.com')
  .option('--agent <slug>', 'agent slug (default: support)')
  .option('--env <environment>', 'staging or production (default production)')
  .action(async (options: { tenant: string; origin: string; agent?: string; env?: string }) =>
    (await import('./commands/agent')).agentAllowOriginCommand(options),
  );
agent
  .command('list')
  .description('List agents and the version staging and production serve')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .action(async (options: { tenant: string }) => (await import('./commands/agent')).agentListCommand(options));
agent
  .command('diff')
  .description('Field-by-field differences between two versions of an agent (instructions as a line diff)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--from <version>', 'version number, e.g. 1')
  .requiredOption('--to <version>', 'version number, e.g. 2')
  .option('--agent <slug>', 'agent slug (default: support)')
  .action(async (options: { tenant: string; agent?: string; from: string; to: string }) => (await import('./commands/agent')).agentDiffCommand(options));
agent
  .command('evaluate')
  .description("Run an agent version's evaluation suite and the red-team pack now (exit 1 when a case fails)")
  .requiredOption('--tenant <slug>', 'tenant slug')
  .option('--agent <slug>', 'agent slug (default: support)')
  .option('--env <environment>', 'evaluate the version this environment serves: staging (default) or production')
  .option('--version <number>', 'evaluate this version number instead')
  .action(async (options: { tenant: string; agent?: string; env?: string; version?: string }) => (await import('./commands/agent')).agentEvaluateCommand(options));

const member = program.command('member').description('Manage tenant members');
member
  .command('add')
  .description('Add a member with one or more roles (created if new)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--email <email>', 'member email')
  .requiredOption('--role <role...>', 'role(s): owner, admin, agent_builder, knowledge_reviewer, deployer, support_agent, auditor')
  .option('--password-stdin', 'read the password of a new user from stdin instead of generating one')
  .action(async (options: { tenant: string; email: string; role: string[]; passwordStdin?: boolean }) =>
    (await import('./commands/member')).memberAddCommand(options),
  );

const auditCommand = program.command('audit').description('Audit trail');
auditCommand
  .command('verify')
  .description("Recompute a tenant's audit hash chain and report the first broken link")
  .requiredOption('--tenant <slug>', 'tenant slug')
  .action(async (options: { tenant: string }) => (await import('./commands/audit')).auditVerifyCommand(options));
auditCommand
  .command('export')
  .description('Export audit events as events.jsonl and events.csv with a signed manifest.json (Ed25519, tenant audit key)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--out <dir>', 'folder to write into (files are never overwritten)')
  .option('--from <iso>', 'first occurredAt to include (ISO 8601)')
  .option('--to <iso>', 'last occurredAt to include (ISO 8601)')
  .action(async (options: { tenant: string; out: string; from?: string; to?: string }) =>
    (await import('./commands/audit')).auditExportCommand(options),
  );
auditCommand
  .command('verify-export <dir>')
  .description('Offline, without a database: check the manifest signature, file hashes and the chain line by line; {"ok":false,"line":N,"reason"} on the first bad line')
  .option('--public-key <key>', "the tenant's audit public key (raw base64 or PEM) to pin; default: trust the key in the manifest and print it")
  .action(async (dir: string, options: { publicKey?: string }) => (await import('./commands/audit')).auditVerifyExportCommand(dir, options));

const privacy = program.command('privacy').description('Data-subject requests (GDPR articles 15 and 17) for one end customer');
for (const [name, description] of [
  ['export', 'Export everything stored about one end customer as a JSON archive (audited with counts only)'],
  ['erase', 'Erase one end customer: conversations, messages, notes, handoffs, traces, vault entries, contact rows (audited with counts)'],
] as const) {
  const command = privacy
    .command(name)
    .description(description)
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--email <email>', "the customer's email (contacts, and conversations in which it was typed)")
    .option('--contact <id>', 'contact id')
    .option('--user-id <id>', "the host site's verified user id");
  if (name === 'export') command.option('--out <file>', 'write the archive to this file (never overwritten) instead of stdout');
  command.action(async (options: { tenant: string; email?: string; contact?: string; userId?: string; out?: string }) => {
    const commands = await import('./commands/privacy');
    return name === 'export' ? commands.privacyExportCommand(options) : commands.privacyEraseCommand(options);
  });
}
program
  .command('retention')
  .description('Retention')
  .command('run')
  .description("Delete what is past the tenant's retention periods now (counts only in the output and the audit event)")
  .requiredOption('--tenant <slug>', 'tenant slug')
  .action(async (options: { tenant: string }) => (await import('./commands/privacy')).retentionRunCommand(options));

const kb = program.command('kb').description('Knowledge base');
kb.command('import <dir>')
  .description('Import a folder of Markdown, text, HTML, PDF, DOCX and .faq.json files as sources and wait until indexed')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .option('--approve-as <email>', 'approve the clean versions as this reviewer (needs knowledge.approve)')
  .action(async (dir: string, options: { tenant: string; approveAs?: string }) => (await import('./commands/kb')).kbImportCommand(dir, options));
kb.command('search <query>')
  .description("Search the approved knowledge an agent may cite")
  .requiredOption('--tenant <slug>', 'tenant slug')
  .option('--agent <id>', "limit to this agent's allowed sources")
  .option('--k <n>', 'number of results (default 5)')
  .option('--json', 'one line: {"results":[{"source","title","chunkId","score"}]}')
  .action(async (query: string, options: { tenant: string; agent?: string; json?: boolean; k?: string }) =>
    (await import('./commands/kb')).kbSearchCommand(query, options),
  );

program
  .command('ask [question]')
  .description('Ask an agent as a customer: {"answer","citations":[{"source","chunkId"}],"escalated","reason","traceId"}; without a question, {"id","question"} JSON Lines on stdin, one result line each')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .option('--agent <id>', "agent id or slug (default: the tenant's default agent)")
  .option('--env <environment>', 'staging or production (default production)')
  .action(async (question: string | undefined, options: { tenant: string; agent?: string; env?: string }) =>
    (await import('./commands/ask')).askCommand(question, options),
  );

const guard = program.command('guard').description('PII redaction and prompt-injection scoring (JSON Lines on stdin and stdout)');
guard
  .command('redact')
  .description('Redact PII: {"id","text"} per line in, {"id","text","entities":[{"type","start","end","score"}]} per line out')
  .option('--threshold <score>', 'minimum entity score, 0 to 1 (default 0.5)')
  .action(async (options: { threshold?: string }) => (await import('./commands/guard')).guardRedactCommand(options));
guard
  .command('injection')
  .description('Score prompt injection: {"id","text"} per line in, {"id","score","flagged","reasons"} per line out')
  .option('--threshold <score>', 'flagging threshold, 0 to 1')
  .action(async (options: { threshold?: string }) => (await import('./commands/guard')).guardInjectionCommand(options));

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    printJson({ ok: false, error: describeError(error) });
    process.exitCode = 1;
  } finally {
    const { disconnectSystemClient } = await import('@vouch/db/system');
    const { disconnectAppClient } = await import('@vouch/db');
    await Promise.allSettled([disconnectSystemClient(), disconnectAppClient()]);
  }
}

void main();
