import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, fromLocal } from '../../src/domain/porting/business-calendar.js';
import { anAccount } from '../../sim/carrier/sim-account.js';
import { aPortInWorld } from './port-in-harness.js';

const MONDAY_9 = fromLocal('2025-05-19', '09:00', DEFAULT_CALENDAR.zone);
const PORTS = 8;

describe('port-ins re-checked at the same instant (one engine batch)', () => {
  it('every port settles: concurrent checks share the inbound messages without conflicting updates', async () => {
    const w = aPortInWorld({ at: MONDAY_9 });
    const reqs = Array.from({ length: PORTS }, (_, i) => {
      const tn = `21255502${String(10 + i)}`;
      w.addCustomer('wireless_major_auto', anAccount({ tns: [tn], pin: '4321', accountNumber: `ACC-${2000 + i}` }));
      return { idempotencyKey: `order-${i}:3.port`, msisdn: tn, losingCarrier: 'Major Wireless', accountNumber: `ACC-${2000 + i}`, pin: '4321' };
    });
    const ported = new Set<string>();
    for (let round = 0; round < 500 && ported.size < PORTS; round++) {
      const open = reqs.filter((r) => !ported.has(r.idempotencyKey));
      const answers = await Promise.all(open.map((r) => w.portIn.requestPortIn(r)));
      const next: number[] = [];
      answers.forEach((a, i) => (a.portedAt !== undefined ? ported.add(open[i]!.idempotencyKey) : next.push(a.checkAgainAt ?? w.clock.now() + 3_600_000)));
      if (next.length > 0) w.world.scheduler.runUntil(Math.min(...next));
    }
    expect(ported.size).toBe(PORTS);
    expect((await w.store.list()).map((s) => s.request.state)).toEqual(Array.from({ length: PORTS }, () => 'PORTED'));
  });
});
