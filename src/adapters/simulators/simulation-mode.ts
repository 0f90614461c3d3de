/** How the simulated systems behave: `instant` answers at once and never fails (benchmarks); `realistic` draws latency and failures from the seeded world. */
export const SIMULATION_MODES = ['instant', 'realistic'] as const;
/** A simulation mode. */
export type SimulationMode = (typeof SIMULATION_MODES)[number];

/** True when `s` names a simulation mode. */
export function isSimulationMode(s: string): s is SimulationMode {
  return (SIMULATION_MODES as readonly string[]).includes(s);
}
