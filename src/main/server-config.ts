import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClockScale } from '../adapters/clock/scaled-clock.js';
import { CLOCK_FLAGS, readClockScale } from './clock-config.js';

/** How the server process is configured: flags win over environment variables, which win over defaults. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Public base URL used in hrefs; empty = the address the server listens on. */
  readonly publicUrl: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly logLevel: string;
  /** False for an API-only process: orders are planned and stored, `provisio worker` processes run them. */
  readonly runEngine: boolean;
  /** How the simulated OSS/BSS behave: `realistic` (world-driven failures) or `instant` (always succeed). */
  readonly simulators: 'instant' | 'realistic';
  /** Seed of the simulated world. */
  readonly seed: number;
  /** `postgres://…` to use PostgreSQL instead of the embedded SQLite file. */
  readonly databaseUrl?: string;
  /** PostgreSQL schema for Provisio's tables (created if missing); default: the server's search path. */
  readonly pgSchema?: string;
  /** How long the engine's task leases last, in ms (default: the engine's own, 60 s). */
  readonly leaseMs?: number;
  /**
   * Engine rounds in flight at once in this process (PostgreSQL only; default 1). A round waits for
   * the database for much of its time; with 2, a second round claims and runs tasks meanwhile.
   */
  readonly engineRounds?: number;
  /**
   * How long a group commit waits for more change sets before writing, in ms (default 0: those of the
   * current tick). A few ms batch more orders per transaction and per disk flush at moderate rates.
   */
  readonly commitWindowMs?: number;
  /** Base URL of a `provisio carrier-sim` process: port requests go there over HTTP instead of to the in-process carrier simulator. */
  readonly carrierSimUrl?: string;
  /** A clock faster than the wall clock (demos and end-to-end tests); the wall clock when absent. */
  readonly clock?: ClockScale;
  /** False: the fallout model only scores orders; none is held for a specialist queue (default: route when a model is active). */
  readonly routing?: boolean;
}

/** Reads the configuration; throws with a clear message on a bad value. */
export function readServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'public-url': { type: 'string' },
      synchronous: { type: 'string' },
      'log-level': { type: 'string' },
      'database-url': { type: 'string' },
      'no-engine': { type: 'boolean' },
      simulators: { type: 'string' },
      seed: { type: 'string' },
      'pg-schema': { type: 'string' },
      'lease-ms': { type: 'string' },
      rounds: { type: 'string' },
      'commit-window-ms': { type: 'string' },
      'carrier-sim-url': { type: 'string' },
      'no-routing': { type: 'boolean' },
      ...CLOCK_FLAGS,
    },
    allowPositionals: false,
  });
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const portText = values.port ?? env.PORT ?? '8622';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`port must be a number between 0 and 65535, got "${portText}" (set PORT or --port)`);
  }
  const synchronous = (values.synchronous ?? env.PROVISIO_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`synchronous must be FULL or NORMAL, got "${synchronous}"`);
  }
  const dataDir = resolve(values['data-dir'] ?? env.PROVISIO_DATA_DIR ?? 'data');
  const publicUrl = (values['public-url'] ?? env.PROVISIO_PUBLIC_URL ?? '').replace(/\/+$/, '');
  const simulators = values.simulators ?? env.PROVISIO_SIMULATORS ?? 'realistic';
  if (simulators !== 'instant' && simulators !== 'realistic') {
    throw new Error(`simulators must be instant or realistic, got "${simulators}"`);
  }
  const seed = Number(values.seed ?? env.PROVISIO_SEED ?? '1');
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got "${values.seed ?? env.PROVISIO_SEED}"`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '' && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a postgres:// URL (or unset for the embedded SQLite store), got "${databaseUrl.slice(0, 40)}"`);
  }
  const pgSchema = values['pg-schema'] ?? env.PROVISIO_PG_SCHEMA;
  const leaseText = values['lease-ms'] ?? env.PROVISIO_LEASE_MS;
  const leaseMs = leaseText === undefined ? undefined : Number(leaseText);
  if (leaseMs !== undefined && !(Number.isInteger(leaseMs) && leaseMs > 0)) throw new Error(`lease must be a positive number of ms, got "${leaseText}"`);
  const roundsText = values.rounds ?? env.PROVISIO_ENGINE_ROUNDS;
  const engineRounds = roundsText === undefined || roundsText === '' ? undefined : Number(roundsText);
  if (engineRounds !== undefined && !(Number.isInteger(engineRounds) && engineRounds >= 1 && engineRounds <= 16)) {
    throw new Error(`engine rounds in flight must be a whole number from 1 to 16, got "${roundsText}" (--rounds or PROVISIO_ENGINE_ROUNDS)`);
  }
  if (engineRounds !== undefined && engineRounds > 1 && !databaseUrl) {
    throw new Error('more than one engine round in flight needs PostgreSQL (DATABASE_URL): the embedded SQLite store runs one round at a time');
  }
  const windowText = values['commit-window-ms'] ?? env.PROVISIO_COMMIT_WINDOW_MS;
  const commitWindowMs = windowText === undefined || windowText === '' ? undefined : Number(windowText);
  if (commitWindowMs !== undefined && !(Number.isInteger(commitWindowMs) && commitWindowMs >= 0 && commitWindowMs <= 100)) {
    throw new Error(`commit window must be a whole number of ms from 0 to 100, got "${windowText}"`);
  }
  const carrierSimUrl = (values['carrier-sim-url'] ?? env.PROVISIO_CARRIER_SIM_URL ?? '').replace(/\/+$/, '');
  if (carrierSimUrl !== '' && !/^https?:\/\//i.test(carrierSimUrl)) throw new Error(`carrier simulator URL must be http(s)://…, got "${carrierSimUrl}"`);
  const clock = readClockScale(values, env, Date.now());
  return {
    host,
    port,
    dataDir,
    publicUrl,
    synchronous,
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    runEngine: !(values['no-engine'] ?? env.PROVISIO_ENGINE === 'off'),
    simulators,
    seed,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(pgSchema ? { pgSchema } : {}),
    ...(leaseMs !== undefined ? { leaseMs } : {}),
    ...(engineRounds !== undefined ? { engineRounds } : {}),
    ...(commitWindowMs !== undefined ? { commitWindowMs } : {}),
    ...(carrierSimUrl !== '' ? { carrierSimUrl } : {}),
    ...(clock !== undefined ? { clock } : {}),
    ...((values['no-routing'] ?? env.PROVISIO_ROUTING === 'off') ? { routing: false } : {}),
  };
}
