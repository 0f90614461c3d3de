#!/usr/bin/env node
// `provisio` command line: one entry point for the server and the operator tools.
import type { Command } from './commands/command.js';
import { say } from './commands/command.js';
import { serveCommand } from './commands/serve-command.js';
import { workerCommand } from './commands/worker-command.js';
import { validateCommand } from './commands/validate-command.js';
import { auditCommand } from './commands/audit-command.js';
import { modelCommand } from './commands/model-command.js';
import { historyCommand } from './commands/history-command.js';
import { simulateCommand } from './commands/simulate-command.js';
import { carrierSimCommand } from './commands/carrier-sim-command.js';

/** Every sub-command, in the order the help lists them. */
const COMMANDS: readonly Command[] = [serveCommand, workerCommand, auditCommand, validateCommand, simulateCommand, historyCommand, modelCommand, carrierSimCommand];

function help(): void {
  say('usage: provisio <command> [options]\n\ncommands:');
  for (const c of COMMANDS) say(`  ${c.name.padEnd(18)} ${c.summary}`);
  say('\n`provisio help <command>` shows the options of one command.');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    if (target) say(`${target.summary}\n\nusage: ${target.usage}`);
    else help();
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    say(`provisio: unknown command "${name}"`);
    help();
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    say(`${command.summary}\n\nusage: ${command.usage}`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`provisio: ${(err as Error).message}`);
    process.exit(1);
  },
);
