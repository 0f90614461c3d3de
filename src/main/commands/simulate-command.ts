import { parseArgs } from 'node:util';
import { isSimulationMode } from '../../adapters/simulators/index.js';
import { runSimulation, type SimulationOptions, type SimulationProgress, type SimulationRun } from '../simulation/run-simulation.js';
import { cycleTimeTable, simulationReport } from '../simulation/simulation-report.js';
import type { SimulationPlanMode } from '../simulation/simulation-result.js';
import { say, type Command } from './command.js';

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  const n = Number(text ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return n;
}

function options(argv: readonly string[]): { base: Omit<SimulationOptions, 'mode'>; modes: SimulationPlanMode[]; json: boolean } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      orders: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' }, simulators: { type: 'string' },
      sequential: { type: 'boolean' }, compare: { type: 'boolean' }, json: { type: 'boolean' }, out: { type: 'string' }, 'data-dir': { type: 'string' },
    },
    allowPositionals: false,
  });
  const simulators = values.simulators ?? 'realistic';
  if (!isSimulationMode(simulators)) throw new Error(`--simulators must be realistic or instant, got ${simulators}`);
  if (values.compare === true && values['data-dir'] !== undefined) throw new Error('--compare runs twice: it cannot share one --data-dir');
  const modes: SimulationPlanMode[] = values.compare === true ? ['parallel', 'sequential'] : [values.sequential === true ? 'sequential' : 'parallel'];
  const base = {
    seed: positiveInt('seed', values.seed, 1), orders: positiveInt('orders', values.orders, 10_000), days: positiveInt('days', values.days, 30), simulators,
    ...(values.start === undefined ? {} : { start: values.start }),
    ...(values.out === undefined ? {} : { outFile: values.out }),
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
  };
  return { base, modes, json: values.json === true };
}

function progressLine(mode: string): (p: SimulationProgress) => void {
  return (p) => say(`  [${mode}] ${p.phase.padEnd(10)} ${p.submitted}/${p.total} orders submitted, ${p.tasksRun} tasks run, simulated time ${new Date(p.now).toISOString()}`);
}

/** `provisio simulate`: a month of operations on a virtual clock, parallel or sequential plans, or both compared. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run generated orders through submit, engine and simulated OSS/BSS on a virtual clock; report fallout and cycle times',
  usage: 'provisio simulate [--orders 10000] [--days 30] [--seed 1] [--start ISO] [--sequential | --compare] [--simulators realistic|instant]\n' +
    '                         [--json] [--out results.jsonl] [--data-dir DIR]\n\n' +
    '  --sequential runs each order\'s tasks one after another (the legacy way); --compare runs both on the same seed.\n' +
    '  --out writes one JSON line per order (with --compare, the mode is added to the file name).',
  async run(argv) {
    const { base, modes, json } = options(argv);
    const runs: { label: string; run: SimulationRun }[] = [];
    for (const mode of modes) {
      const outFile = base.outFile !== undefined && modes.length > 1 ? base.outFile.replace(/(\.jsonl)?$/, `.${mode}.jsonl`) : base.outFile;
      say(`simulating ${base.orders} orders over ${base.days} days (${mode}, seed ${base.seed}) ...`);
      const run = await runSimulation({ ...base, ...(outFile === undefined ? {} : { outFile }), mode, onProgress: progressLine(mode) });
      runs.push({ label: mode, run });
    }
    if (json) {
      const out = runs.map(({ run }) => ({ options: run.options, summary: run.summary, tasksRun: run.tasksRun, effects: run.effects, wallMs: run.wallMs, cpuMs: run.cpuMs, endedAt: run.endedAt }));
      process.stdout.write(`${JSON.stringify(out.length === 1 ? out[0] : { compare: out })}\n`);
      return 0;
    }
    for (const { run } of runs) say(`\n${simulationReport(run)}`);
    if (runs.length > 1) say(['', 'cycle time of completed orders, side by side', ...cycleTimeTable(runs)].join('\n'));
    return 0;
  },
};
