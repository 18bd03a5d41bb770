import type { TenantTx } from '@vouch/db';
import { z } from 'zod';

/** Order numbers as the demo shop prints them: 3–20 letters, digits or dashes, upper case. */
export const ZOrderNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{3,20}$/, 'Order numbers are 3 to 20 letters, digits or dashes.');

export const ZOrderInput = z.strictObject({ orderNumber: ZOrderNumber });
export type TOrderInput = z.infer<typeof ZOrderInput>;

/** Who the tool acts for: the conversation's verified host-site user (as stored, redacted). */
export interface TToolSubject {
  externalUserId: string;
}

/** What a tool produced: a sentence for the customer and the facts behind it (no PII). */
export interface TToolResult {
  ok: boolean;
  message: string;
  data: Record<string, string | number | null>;
}

export interface TToolDefinition<TInput = TOrderInput> {
  action: string;
  access: 'read' | 'write';
  /** Account-specific: only a visitor whose identity the host site signed may use it. */
  requiresVerifiedVisitor: boolean;
  label: string;
  input: z.ZodType<TInput>;
  /** Runs inside the caller's tenant transaction (RLS confines it to the tenant). */
  execute(tx: TenantTx, tenantId: string, subject: TToolSubject, input: TInput, context: { toolActionId: string | null }): Promise<TToolResult>;
}

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

/** Another customer's order looks exactly like a missing one: the reply is no existence oracle. */
const notFound = (orderNumber: string): TToolResult => ({
  ok: false,
  message: `I could not find order ${orderNumber} on your account. Please check the number on your order confirmation.`,
  data: { orderNumber, found: 0 },
});

function findOwnOrder(tx: TenantTx, subject: TToolSubject, orderNumber: string) {
  return tx.customerOrder.findFirst({ where: { orderNumber, customerExternalId: subject.externalUserId } });
}

const orderStatus: TToolDefinition = {
  action: 'order.status',
  access: 'read',
  requiresVerifiedVisitor: true,
  label: 'Order status',
  input: ZOrderInput,
  async execute(tx, _tenantId, subject, input) {
    const order = await findOwnOrder(tx, subject, input.orderNumber);
    if (!order) return notFound(input.orderNumber);
    const updated = order.updatedAt.toISOString().slice(0, 10);
    return {
      ok: true,
      message: `Order ${order.orderNumber} (${order.itemSummary}, ${money(order.totalCents, order.currency)}) is ${order.status}, last updated ${updated}.`,
      data: { orderNumber: order.orderNumber, status: order.status, updated },
    };
  },
};

const refundRequest: TToolDefinition = {
  action: 'refund.request',
  access: 'write',
  requiresVerifiedVisitor: true,
  label: 'Refund request',
  input: ZOrderInput,
  async execute(tx, tenantId, subject, input, context) {
    const order = await findOwnOrder(tx, subject, input.orderNumber);
    if (!order) return notFound(input.orderNumber);
    if (order.status === 'cancelled') return { ok: false, message: `Order ${order.orderNumber} was cancelled, so there is nothing to refund.`, data: { orderNumber: order.orderNumber } };
    const open = await tx.refundRequest.findFirst({ where: { orderId: order.id, status: 'requested' }, select: { id: true } });
    if (open) return { ok: false, message: `A refund for order ${order.orderNumber} is already requested.`, data: { orderNumber: order.orderNumber, refundRequestId: open.id } };
    const refund = await tx.refundRequest.create({
      data: { tenantId, orderId: order.id, toolActionId: context.toolActionId, amountCents: order.totalCents, currency: order.currency },
    });
    return {
      ok: true,
      message: `A refund of ${money(order.totalCents, order.currency)} for order ${order.orderNumber} is requested (reference ${refund.id.slice(0, 8)}).`,
      data: { orderNumber: order.orderNumber, refundRequestId: refund.id, amountCents: order.totalCents, currency: order.currency },
    };
  },
};

/** The built-in tools. They act only on data Vouch holds for the tenant; there are no external calls. */
export const TOOL_REGISTRY: Readonly<Record<string, TToolDefinition>> = {
  [orderStatus.action]: orderStatus,
  [refundRequest.action]: refundRequest,
};

export function getTool(action: string): TToolDefinition | null {
  return Object.hasOwn(TOOL_REGISTRY, action) ? TOOL_REGISTRY[action]! : null;
}
