import type { TenantTx } from '@vouch/db';

/** Demo orders for the seeded shop: two customers, so a verified visitor can be refused another's order. */
export const DEMO_ORDERS = [
  { orderNumber: '10042', customerExternalId: 'customer-42', status: 'shipped', itemSummary: 'Trail running shoes', totalCents: 12900 },
  { orderNumber: '10043', customerExternalId: 'customer-42', status: 'delivered', itemSummary: 'Rain jacket', totalCents: 8900 },
  { orderNumber: '10077', customerExternalId: 'customer-77', status: 'processing', itemSummary: 'Camping stove', totalCents: 5400 },
] as const;

/** Inserts the demo orders once (existing order numbers are left alone). */
export async function seedDemoOrders(tx: TenantTx, tenantId: string): Promise<number> {
  const result = await tx.customerOrder.createMany({ data: DEMO_ORDERS.map((o) => ({ ...o, tenantId })), skipDuplicates: true });
  return result.count;
}
