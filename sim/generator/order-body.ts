import type { RandomStream } from '../random/index.js';
import type { Customer, SalesRep } from '../world/index.js';
import type { OrderContext } from './order-context.js';
import type { ItemJson } from './item-builder.js';

const DAY_MS = 86_400_000;
const CHANNEL_NAMES = { web: 'Web shop', retail: 'Retail store', 'call-centre': 'Call centre', partner: 'Partner' } as const;

function customerParty(c: Customer): Record<string, unknown> {
  return { id: c.id, '@referredType': c.kind === 'business' ? 'Organization' : 'Individual', role: 'customer', name: c.displayName };
}

function sellerParty(rep: SalesRep): Record<string, unknown> {
  return { id: rep.id, '@referredType': 'Individual', role: 'seller', name: rep.name };
}

/** Wraps items into a TMF622 v4 ProductOrder_Create body, as a client would POST it. */
export function orderBody(r: RandomStream, ctx: OrderContext, externalId: string, items: readonly ItemJson[], notes: readonly string[]): Record<string, unknown> {
  const { customer, rep, channel, at } = ctx;
  const start = new Date(at.getTime() + ctx.leadDays * DAY_MS);
  const relatedParty = rep === undefined ? [customerParty(customer)] : [customerParty(customer), sellerParty(rep)];
  const author = rep?.name ?? customer.displayName;
  return {
    '@type': 'ProductOrder',
    externalId,
    category: customer.kind === 'business' ? 'business' : 'residential',
    description: describe(ctx),
    priority: customer.kind === 'business' ? r.pick(['1', '2']) : r.pick(['2', '3', '4']),
    requestedStartDate: start.toISOString(),
    requestedCompletionDate: new Date(start.getTime() + r.int(0, 3) * DAY_MS).toISOString(),
    notificationContact: customer.email,
    channel: [{ id: `CH-${channel}`, name: CHANNEL_NAMES[channel], role: 'salesChannel' }],
    relatedParty,
    ...(customer.prospect ? {} : { billingAccount: { id: customer.billingAccountId } }),
    note: notes.map((text, k) => ({ id: String(k + 1), author, date: at.toISOString(), text })),
    productOrderItem: items,
  };
}

function describe(ctx: OrderContext): string {
  switch (ctx.type) {
    case 'new-activation': return `New ${ctx.family} service`;
    case 'port-in': return `New ${ctx.family} service with number port-in`;
    case 'plan-change': return 'Plan change';
    case 'feature-change': return 'Feature change';
    case 'move': return 'Move to a new address';
    case 'disconnect': return 'Disconnect service';
  }
}
