import type { PortAction } from './porting-types.js';
import type { PortCommand } from '../../src/domain/porting/port-command.js';
import type { PortState } from '../../src/domain/porting/port-state.js';
import { reducePort, type PortInput } from '../../src/domain/porting/port-reducer.js';
import type { PortRequest } from '../../src/domain/porting/port-request.js';
import { sendThroughGateway, type PortingGateway } from '../../src/ports/porting-gateway.js';
import type { Clock } from '../../src/ports/clock.js';

/**
 * Runs one port request the way the engine will: feeds inbound messages, fired timers and actions to
 * the pure reducer, sends its commands through a PortingGateway, and keeps its timers.
 */
export class PortDriver {
  readonly states: PortState[] = [];
  readonly commands: PortCommand[] = [];
  private cursor: string | undefined;

  constructor(public req: PortRequest, private readonly gateway: PortingGateway, private readonly clock: Clock) {
    this.states.push(req.state);
  }

  /** Applies one input and runs the resulting commands; returns the refusal reason, if any. */
  async apply(input: PortInput): Promise<string | undefined> {
    const out = reducePort(this.req, input, this.clock.now());
    if (out.refusal !== undefined) return `${out.refusal.guard}: ${out.refusal.reason}`;
    this.req = out.request;
    if (this.states.at(-1) !== this.req.state) this.states.push(this.req.state);
    for (const c of out.commands) {
      this.commands.push(c);
      if (c.kind === 'sendCarrier' || c.kind === 'sendNpac') await sendThroughGateway(this.gateway, c.message, c.idempotencyKey);
    }
    return undefined;
  }

  /** A coordinator action. */
  act(action: PortAction): Promise<string | undefined> {
    return this.apply({ kind: 'action', action });
  }

  /** Polls and applies every inbound message, acknowledging them. */
  async drainInbound(): Promise<number> {
    const page = await this.gateway.poll(this.cursor);
    this.cursor = page.cursor;
    for (const m of page.messages) if (m.pon === this.req.pon) await this.apply({ kind: 'message', message: m });
    await this.gateway.acknowledge(page.messages.map((m) => m.messageId));
    return page.messages.length;
  }

  /** Fires every port timer due now. */
  async fireDueTimers(): Promise<void> {
    for (const t of [...this.req.timers].sort((a, b) => a.at.localeCompare(b.at))) {
      if (Date.parse(t.at) <= this.clock.now()) await this.apply({ kind: 'timerFired', name: t.name, version: t.version });
    }
  }

  /** The earliest pending port timer. */
  nextTimerAt(): number | undefined {
    const ats = this.req.timers.map((t) => Date.parse(t.at));
    return ats.length === 0 ? undefined : Math.min(...ats);
  }

  /** Kinds of jeopardy raised so far. */
  jeopardies(): string[] {
    return this.commands.flatMap((c) => (c.kind === 'raiseJeopardy' ? [c.code] : []));
  }
}
