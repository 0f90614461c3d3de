import type { RandomStream } from '../random/index.js';
import { CAUSES, type Cause } from './order-truth.js';

/** What the cause logits are computed from (fallout reference §2.4). */
export interface CauseInputs {
  readonly family: string;
  readonly channel: string;
  readonly newCustomer: boolean;
  readonly creditScore: number;
  readonly mdu: boolean;
  readonly logErrorPropensity: number;
  readonly addrOffset: number;
  readonly addOns: number;
  readonly lines: number;
  readonly incompatibleAvailable: boolean;
  readonly stockOnHand?: number;
  readonly shortage: number;
  readonly monthEnd: boolean;
  readonly portIn: boolean;
  readonly nameMismatch: boolean;
  readonly phoneInvalid: boolean;
  readonly carrierStrictness: number;
  readonly portTightening: number;
  readonly legacyStack: boolean;
  readonly load: number;
  readonly riskyNote: boolean;
  readonly leadDays: number;
  /** The order carries a service or installation address (activations, moves). */
  readonly hasAddress: boolean;
}

const sigma = (x: number): number => 1 / (1 + Math.exp(-x));
const ind = (b: boolean): number => (b ? 1 : 0);

/** Probability of each cause under the reference parameter set. */
export function causeProbabilities(x: CauseInputs): Record<Cause, number> {
  const cpe = x.stockOnHand !== undefined;
  const stock = x.stockOnHand ?? 99;
  return {
    credit: sigma(-8.2 + 2.8 * ind(x.newCustomer) + 0.032 * Math.max(0, 680 - x.creditScore) + 0.4 * ind(x.family === 'dia')),
    address: !x.hasAddress ? 0 : sigma(-4.1 + 1.3 * ind(x.mdu) + 0.7 * ind(x.channel === 'partner') + 0.3 * ind(x.channel === 'web') + 0.4 * x.logErrorPropensity + x.addrOffset),
    incompat: x.incompatibleAvailable
      ? sigma(-5.5 + 0.6 * x.addOns + 1.2 * ind((x.family === 'iptv' || x.family === 'voip') && x.addOns >= 3) + 0.3 * x.lines * ind(x.family === 'dia'))
      : 0,
    inventory: cpe ? sigma(-6.0 + 3.3 * ind(stock <= 2) + 1.0 * ind(stock === 0) + 0.9 * ind(x.monthEnd) + 2.0 * x.shortage) : 0,
    port: x.portIn
      ? sigma(-4.2 + 3.2 * ind(x.nameMismatch) + 1.6 * x.carrierStrictness + x.portTightening + 1.7 * ind(x.phoneInvalid) + 0.4 * ind(x.lines > 1))
      : 0,
    timeout: sigma(-10.6 + 4.8 * ind(x.legacyStack) + 4.6 * x.load + 0.25 * x.lines),
    human: sigma(-3.15 + 0.8 * x.logErrorPropensity + 0.7 * ind(x.riskyNote) + 0.7 * ind(x.leadDays <= 2) + 0.15 * ind(x.channel === 'call-centre')),
  };
}

/** Draws which causes fire; every cause draws its coin, used or not, so streams stay aligned. */
export function drawCauses(rng: RandomStream, p: Record<Cause, number>): Cause[] {
  return CAUSES.filter((c) => rng.next() < p[c]);
}
