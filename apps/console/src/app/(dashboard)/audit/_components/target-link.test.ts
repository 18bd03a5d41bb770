import { describe, expect, it } from 'vitest';
import { auditTargetHref, conversationMessageHref } from './target-link';

const id = '0b5e3c1e-7f1a-4c2b-9d3e-2a1b3c4d5e6f';

describe('auditTargetHref', () => {
  it('opens a conversation directly and locates messages, handoffs, tool actions and traces', () => {
    expect(auditTargetHref({ targetType: 'conversation', targetId: id }, true)).toBe(`/conversations/${id}`);
    for (const type of ['message', 'handoff', 'tool_action', 'trace']) {
      expect(auditTargetHref({ targetType: type, targetId: id }, true)).toBe(`/audit/target/${type}/${id}`);
    }
  });

  it('gives no link without transcripts.read, for other targets, or for ids that are not uuids', () => {
    for (const type of ['conversation', 'message', 'handoff', 'tool_action', 'trace']) {
      expect(auditTargetHref({ targetType: type, targetId: id }, false)).toBeNull();
    }
    expect(auditTargetHref({ targetType: 'user', targetId: id }, true)).toBeNull();
    expect(auditTargetHref({ targetType: 'data_subject', targetId: 'a'.repeat(32) }, true)).toBeNull();
    expect(auditTargetHref({ targetType: 'trace', targetId: '../../settings' }, true)).toBeNull();
    expect(auditTargetHref({ targetType: 'conversation', targetId: null }, true)).toBeNull();
    expect(auditTargetHref({ targetType: null, targetId: id }, true)).toBeNull();
  });
});

describe('conversationMessageHref', () => {
  it('brings the message into view when there is one', () => {
    expect(conversationMessageHref({ conversationId: 'c1', messageId: 'm1' })).toBe('/conversations/c1?message=m1#message-m1');
    expect(conversationMessageHref({ conversationId: 'c1', messageId: null })).toBe('/conversations/c1');
  });
});
