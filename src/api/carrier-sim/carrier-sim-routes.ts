import type { FastifyInstance } from 'fastify';
import type { OutboundPortMessage } from '../../domain/porting/port-message.js';
import { ACCEPTED_MESSAGE_TYPES, type CarrierSimService } from './carrier-sim-service.js';

/** Base path of the simulator's HTTP interface. */
export const CARRIER_SIM_BASE = '/carrier-sim/v1';

interface MessageBody {
  idempotencyKey?: string;
  message?: { type?: string };
}

function isAccepted(m: { type?: string } | undefined): m is OutboundPortMessage {
  return m !== undefined && (ACCEPTED_MESSAGE_TYPES as readonly string[]).includes(m.type ?? '');
}

/** Registers the simulated carriers + mini clearinghouse routes. */
export function registerCarrierSimRoutes(app: FastifyInstance, sim: CarrierSimService, opts: { testHooks: boolean }): void {
  app.post<{ Body: MessageBody }>(`${CARRIER_SIM_BASE}/messages`, async (req, reply) => {
    const key = req.body?.idempotencyKey ?? req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return reply.code(400).send({ code: 'MISSING_FIELD', message: 'idempotencyKey is required' });
    if (!isAccepted(req.body?.message)) return reply.code(400).send({ code: 'INVALID_BODY', message: `message.type must be one of ${ACCEPTED_MESSAGE_TYPES.join(', ')}` });
    const receipt = sim.receive(req.body.message, key);
    return reply.code(receipt.duplicate ? 200 : 202).send(receipt);
  });
  app.get<{ Params: { pon: string } }>(`${CARRIER_SIM_BASE}/orders/:pon`, async (req) => ({ pon: req.params.pon, ...sim.query(req.params.pon) }));
  app.get<{ Querystring: { cursor?: string; limit?: string } }>(`${CARRIER_SIM_BASE}/inbox`, async (req) => {
    const page = sim.poll(Number(req.query.cursor ?? 0), Number(req.query.limit ?? 100));
    return { messages: page.messages, cursor: String(page.cursor) };
  });
  app.post<{ Body: { messageIds?: string[] } }>(`${CARRIER_SIM_BASE}/inbox/ack`, async (req, reply) => {
    sim.acknowledge(req.body?.messageIds ?? []);
    return reply.code(204).send();
  });
  app.get(`${CARRIER_SIM_BASE}/log`, async () => ({ messages: sim.messageLog() }));
  if (!opts.testHooks) return;
  app.post<{ Body: { ms?: number } }>(`${CARRIER_SIM_BASE}/test/advance`, async (req) => ({ now: new Date(sim.advance(req.body?.ms ?? 0)).toISOString() }));
  app.post<{ Body: { spid: string; account: unknown } }>(`${CARRIER_SIM_BASE}/test/accounts`, async (req, reply) => {
    sim.addAccount(req.body.spid, req.body.account);
    return reply.code(201).send();
  });
  app.get(`${CARRIER_SIM_BASE}/test/state`, async () => sim.dumpState());
}
