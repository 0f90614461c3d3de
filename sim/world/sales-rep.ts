import type { RandomStream } from '../random/index.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './names/person-names.js';

/** Sales channels orders arrive through. */
export const CHANNELS = ['web', 'retail', 'call-centre', 'partner'] as const;
/** A sales channel. */
export type Channel = (typeof CHANNELS)[number];

/** Share of orders per channel. */
export const CHANNEL_SHARE: Readonly<Record<Channel, number>> = { web: 0.4, retail: 0.27, 'call-centre': 0.21, partner: 0.12 };

/** Entry-error habits: which mistakes a channel's people tend to make. */
export const CHANNEL_HABITS: Readonly<Record<Channel, { readonly addressLogit: number; readonly humanLogit: number; readonly typoRate: number; readonly noteRate: number }>> = {
  web: { addressLogit: 0.3, humanLogit: 0, typoRate: 0.06, noteRate: 0.25 },
  retail: { addressLogit: 0, humanLogit: 0, typoRate: 0.03, noteRate: 0.55 },
  'call-centre': { addressLogit: 0, humanLogit: 0.15, typoRate: 0.05, noteRate: 0.7 },
  partner: { addressLogit: 0.7, humanLogit: 0, typoRate: 0.04, noteRate: 0.45 },
};

/** A sales rep working in one staffed channel (web orders have no rep). */
export interface SalesRep {
  readonly id: string;
  readonly name: string;
  readonly channel: Exclude<Channel, 'web'>;
  /** log of the rep's error propensity ρ (latent; lognormal, log ρ ~ N(0, 0.6²)). */
  readonly logErrorPropensity: number;
  /** Partner company for partner reps. */
  readonly partner?: string;
}

/** log ρ used for web orders (self-service, no rep). */
export const WEB_LOG_ERROR_PROPENSITY = -0.3;

const PARTNERS = ['Metro Wireless Depot', 'ConnectPoint Dealers', 'BizTel Solutions', 'HomeNet Installers'];

/** Builds the sales force: retail 45%, call centre 35%, partner 20%. */
export function buildSalesReps(rng: RandomStream, count: number): SalesRep[] {
  const reps: SalesRep[] = [];
  for (let i = 0; i < count; i++) {
    const channel = rng.weighted([['retail', 0.45], ['call-centre', 0.35], ['partner', 0.2]] as const);
    const rep: SalesRep = {
      id: `REP-${String(i).padStart(4, '0')}`,
      name: `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`,
      channel,
      logErrorPropensity: rng.normal(0, 0.6),
    };
    reps.push(channel === 'partner' ? { ...rep, partner: rng.pick(PARTNERS) } : rep);
  }
  return reps;
}
