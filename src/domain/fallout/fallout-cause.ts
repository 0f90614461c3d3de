/**
 * Root causes of fallout, in pipeline order (the order in which they surface during provisioning).
 * A closed fallout case carries one of these as its root-cause code; it is the model's training label.
 */
export const FALLOUT_CAUSES = ['credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human'] as const;
/** One root cause of fallout. */
export type FalloutCause = (typeof FALLOUT_CAUSES)[number];

/** True when the value is a known fallout cause. */
export function isFalloutCause(value: unknown): value is FalloutCause {
  return typeof value === 'string' && (FALLOUT_CAUSES as readonly string[]).includes(value);
}

/** Business name of each cause, as queues and explanations show it. */
export const CAUSE_LABELS: { readonly [C in FalloutCause]: string } = {
  credit: 'credit',
  address: 'address',
  incompat: 'product incompatibility',
  inventory: 'equipment stock',
  port: 'number port',
  timeout: 'provisioning timeout',
  human: 'handling error',
};
