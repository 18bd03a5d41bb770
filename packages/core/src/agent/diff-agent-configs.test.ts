import { describe, expect, it } from 'vitest';
import { defaultAgentConfig, ZAgentConfig } from './agent-config';
import { diffAgentConfigs } from './diff-agent-configs';

describe('diffAgentConfigs', () => {
  const base = defaultAgentConfig('Acme');

  it('finds no change between a config and itself, or an old stored version and its parsed defaults', () => {
    expect(diffAgentConfigs(base, ZAgentConfig.parse(base))).toEqual([]);
    const { escalation: _e, tools: _t, maxHistoryTurns: _m, ...stored } = base;
    expect(diffAgentConfigs(base, ZAgentConfig.parse(stored))).toEqual([]);
  });

  it('diffs instructions line by line and reports nested fields by path', () => {
    const after = {
      ...base,
      persona: `${base.persona}\nNever discuss competitors.`,
      provider: { ...base.provider, model: 'gpt-test' },
      escalation: { ...base.escalation, afterFailedAnswers: 3 },
    };
    const changes = diffAgentConfigs(base, after);
    expect(changes.map((c) => c.path)).toEqual(['escalation.afterFailedAnswers', 'persona', 'provider.model']);
    const persona = changes.find((c) => c.path === 'persona')!;
    expect(persona.text).toEqual([
      { kind: 'same', text: `${base.persona}\n` },
      { kind: 'added', text: 'Never discuss competitors.\n' },
    ]);
    expect(changes.find((c) => c.path === 'provider.model')).toMatchObject({ kind: 'changed', before: null, after: 'gpt-test' });
  });

  it('lists added and removed items of plain lists', () => {
    const after = { ...base, alwaysHumanTopics: ['refunds', 'legal', 'cancellations'] };
    const [change] = diffAgentConfigs(base, after);
    expect(change).toMatchObject({ path: 'alwaysHumanTopics', items: { added: ['cancellations'], removed: ['account changes'] } });
  });

  it('reports a tool permission change as a change of the tool list', () => {
    const after = { ...base, tools: [{ action: 'orders.lookup', access: 'read' as const, requiresHumanApproval: false }] };
    const [change] = diffAgentConfigs(base, after);
    expect(change).toMatchObject({ path: 'tools', kind: 'changed', before: [], after: [{ action: 'orders.lookup', access: 'read' }] });
    expect(change!.items).toBeUndefined();
  });
});
