// Port-ins from the simulated world's generated orders, as the server runs them: the carrier simulator
// holds the world customers' carrier accounts, the port request is built from the order's port-in item.
import { worldCarrierOf, worldPortInCustomer, profileOfWorldCarrier, seedCarrierWorldFromWorld } from '../src/adapters/porting/world-porting.js';
import type { ItemFacts, OrderFacts } from '../src/adapters/simulators/order-facts.js';
import type { CoordinatedPortInOptions } from '../src/adapters/porting/coordinated-number-port-in.js';
import type { NumberPortIn } from '../src/ports/number-port-in.js';
import type { CarrierWorld } from '../sim/carrier/carrier-world.js';
import { generateOrders, type GeneratedOrder } from '../sim/generator/index.js';
import { createWorld } from '../sim/world/index.js';

/** One port-in to run: the engine's request, when it arrives, and the carrier profile it goes to. */
export interface BenchPort {
  readonly key: string;
  readonly profile: string;
  readonly request: Parameters<NumberPortIn['requestPortIn']>[0];
  readonly arrivesAt: number;
  /** Numbers on the customer's account at the losing carrier. */
  readonly accountLines: number;
}

/** The ports of a scenario and how Provisio looks up their carriers and customers. */
export interface PortScenario {
  readonly ports: readonly BenchPort[];
  readonly carrierOf: CoordinatedPortInOptions['carrierOf'];
  readonly customerOf: CoordinatedPortInOptions['customerOf'];
}

type Item = { id: string; product?: { productCharacteristic?: { name: string; value: unknown }[] } };

function factsOf(o: GeneratedOrder): OrderFacts {
  const items = new Map<string, ItemFacts>();
  for (const i of o.body.productOrderItem as Item[]) {
    const characteristics = Object.fromEntries((i.product?.productCharacteristic ?? []).map((c) => [c.name, c.value]));
    items.set(i.id, { itemId: i.id, action: 'add', characteristics, places: [], related: [], liveProducts: [] });
  }
  return { orderId: o.truth.orderKey, customerId: o.truth.customerId, hasBillingAccount: false, items };
}

/** The port-in item as the engine's port-in task reads it (task-handler-registry: port-in-number). */
function requestOf(key: string, c: Readonly<Record<string, unknown>>): BenchPort['request'] {
  const text = (n: string) => (typeof c[n] === 'string' ? c[n] : undefined);
  const pin = text('portingPin');
  const desiredAt = text('requestedPortDate');
  return {
    idempotencyKey: key, msisdn: text('msisdn') ?? '', losingCarrier: text('losingCarrier') ?? '', accountNumber: text('portingAccountNumber') ?? '',
    ...(pin === undefined ? {} : { pin }), ...(desiredAt === undefined ? {} : { desiredAt }),
  };
}

/** `count` generated port-in orders of the world with `seed`, their carrier accounts loaded into `carriers`. */
export function worldPortScenario(carriers: CarrierWorld, o: { seed: number; count: number; start: number; days: number }): PortScenario {
  const startTime = new Date(o.start).toISOString();
  const world = createWorld({ seed: o.seed, start: startTime });
  seedCarrierWorldFromWorld(world, carriers);
  const mix = { 'port-in': 1, 'new-activation': 0, 'plan-change': 0, 'feature-change': 0, move: 0, disconnect: 0 };
  const facts = new Map<string, OrderFacts>();
  const ports: BenchPort[] = [];
  for (const order of generateOrders({ seed: o.seed, count: o.count, startTime, days: o.days, world, mix })) {
    const f = factsOf(order);
    const port = [...f.items.values()].find((i) => typeof i.characteristics.losingCarrier === 'string');
    const account = world.customer(order.truth.customerId)?.carrierAccount;
    const carrier = world.carriers.find((c) => c.id === account?.carrierId);
    if (port === undefined || account === undefined || carrier === undefined) continue;
    facts.set(f.orderId, f);
    const key = `${f.orderId}:${port.itemId}.port`;
    ports.push({ key, profile: profileOfWorldCarrier(carrier).id, request: requestOf(key, port.characteristics), arrivesAt: Date.parse(order.submitAt), accountLines: account.tns.length });
  }
  return { ports, carrierOf: worldCarrierOf(world), customerOf: worldPortInCustomer(world, async (id) => facts.get(id)) };
}
