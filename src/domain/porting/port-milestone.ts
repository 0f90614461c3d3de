/** Port milestones the parent order item waits on. */
export const PORT_MILESTONES = [
  'SUBMITTED', 'FOC_CONFIRMED', 'SCHEDULED', 'PORTED', 'PARTIALLY_PORTED', 'COMPLETED', 'CANCELLED', 'ABANDONED', 'ACTIVATION_FAILED', 'RESTORED',
] as const;
/** A port milestone. */
export type PortMilestone = (typeof PORT_MILESTONES)[number];
