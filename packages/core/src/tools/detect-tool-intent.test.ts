import { describe, expect, it } from 'vitest';
import { allowedPermission, detectToolIntent } from './detect-tool-intent';
import { ZOrderInput } from './registry';

describe('detectToolIntent', () => {
  it.each([
    ['where is my order 1234', 'order.status', '1234'],
    ["Where's my order #A-10023?", 'order.status', 'A-10023'],
    ['what is the status of order number 10042?', 'order.status', '10042'],
    ['has order no. 10042 shipped yet', 'order.status', '10042'],
    ['refund order 1234', 'refund.request', '1234'],
    ['I want my money back for order 10043', 'refund.request', '10043'],
    ['Can you refund my order #10043 please', 'refund.request', '10043'],
  ])('%s → %s %s', (text, action, orderNumber) => {
    expect(detectToolIntent(text)).toEqual({ action, input: { orderNumber } });
  });

  it.each([
    'how long does shipping take?',
    'what is your refund policy?',
    'where is my order?',
    'order 1234',
    'refund order 1234 and order 5678',
    'I ordered 3 items',
    'where is the order form',
  ])('matches nothing in %s', (text) => {
    expect(detectToolIntent(text)).toBeNull();
  });
});

describe('allowedPermission', () => {
  const intent = { action: 'refund.request', input: { orderNumber: '1' } };
  it('refuses a tool the config does not list', () => {
    expect(allowedPermission(intent, [{ action: 'order.status', access: 'read', requiresHumanApproval: false }])).toBeNull();
  });
  it('refuses a write tool granted as read', () => {
    expect(allowedPermission(intent, [{ action: 'refund.request', access: 'read', requiresHumanApproval: false }])).toBeNull();
  });
  it('refuses an action that is not a built-in tool', () => {
    expect(allowedPermission({ action: 'orders.cancel', input: { orderNumber: '1' } }, [{ action: 'orders.cancel', access: 'write', requiresHumanApproval: true }])).toBeNull();
  });
  it('returns the permission of an allowed tool', () => {
    expect(allowedPermission(intent, [{ action: 'refund.request', access: 'write', requiresHumanApproval: true }])).toMatchObject({ requiresHumanApproval: true });
  });
});

describe('ZOrderInput', () => {
  it('upper-cases and accepts order numbers', () => expect(ZOrderInput.parse({ orderNumber: ' a-100 ' })).toEqual({ orderNumber: 'A-100' }));
  it.each([{ orderNumber: '1' }, { orderNumber: "1234'; drop" }, { orderNumber: '1234', extra: 1 }, {}])('refuses %j', (input) => {
    expect(ZOrderInput.safeParse(input).success).toBe(false);
  });
});
