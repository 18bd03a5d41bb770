import type { TToolPermission } from '../agent/agent-config';
import { getTool } from './registry';

export interface TToolIntent {
  action: string;
  input: { orderNumber: string };
}

/*
 * Honest, simple intent detection for the offline engine: explicit English patterns naming an
 * order number ("where is my order 1234", "refund order A-1001"). Limits, on purpose:
 * - English only; one order per message (a message naming two different orders matches nothing,
 *   rather than acting on a guess);
 * - the word "order" must precede the number ("order 1234", "order #1234", "order number 1234");
 * - it reads the redacted text, so an order number the redactor took for PII is not seen.
 * Anything it does not match goes through the normal grounded pipeline (refunds are an
 * always-human topic by default, so they still reach a person).
 */
const ORDER_REF = /\border\s*(?:number\s*|no\.?\s*|#\s*)?#?\s*([A-Za-z]{0,4}-?\d[A-Za-z0-9-]{1,18})\b/gi;
const REFUND = /\b(?:refund(?:ed|s)?|money back|reimburse(?:ment)?)\b/i;
const STATUS = /\b(?:where(?:'s| is)?|status|track(?:ing)?|shipped|shipping|arrive[sd]?|deliver(?:ed|y)?|when will)\b/i;

export function detectToolIntent(text: string): TToolIntent | null {
  const refs = new Set([...text.matchAll(ORDER_REF)].map((m) => m[1]!.toUpperCase()));
  if (refs.size !== 1) return null;
  const orderNumber = [...refs][0]!;
  if (REFUND.test(text)) return { action: 'refund.request', input: { orderNumber } };
  if (STATUS.test(text)) return { action: 'order.status', input: { orderNumber } };
  return null;
}

/**
 * The config's permission for an intent, or null: a tool not listed is never run, and neither is
 * one listed with the wrong access (a write tool granted as `read` is a config mistake, refused).
 */
export function allowedPermission(intent: TToolIntent, tools: readonly TToolPermission[]): TToolPermission | null {
  const tool = getTool(intent.action);
  const permission = tools.find((t) => t.action === intent.action);
  if (!tool || !permission || permission.access !== tool.access) return null;
  return permission;
}
