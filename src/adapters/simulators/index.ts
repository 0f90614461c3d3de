/** The simulated southbound OSS/BSS systems of Provisio, driven by the simulated world. */
export { createSimulatedSystems, type SimulatedSystems, type SimulatedSystemsOptions } from './create-simulated-systems.js';
export { InMemoryEffectLedger } from './in-memory-effect-ledger.js';
export { orderFactsFromStore, orderFactsOf, keyParts, type OrderFacts, type OrderFactsLookup } from './order-facts.js';
export { SIMULATION_MODES, isSimulationMode, type SimulationMode } from './simulation-mode.js';
export { SimulatorStats, type SystemCallStats } from './simulator-stats.js';
export { REALISTIC_PROFILES, SIMULATED_SYSTEMS, type SimulatedSystem, type SystemProfile } from './system-profile.js';
