// The engine benchmark behind `npm run bench`, on either store:
//   npm run bench -- [--store sqlite] [--orders N] [--json]
//     the engine in this process on SQLite (synchronous=FULL), orders submitted while it runs
//     (bench/engine-bench-sqlite.ts)
//   npm run bench -- --store postgres [--workers 1,2,4] [--orders N] [--json]
//     a backlog of acknowledged orders drained by 1, 2, 4 `provisio worker` processes on PostgreSQL
//     (bench/engine-bench-postgres.ts)
const args = process.argv.slice(2);
const store = args.includes('--store') ? args[args.indexOf('--store') + 1] : 'sqlite';
if (store === 'postgres') await import('./engine-bench-postgres.js');
else if (store === 'sqlite') await import('./engine-bench-sqlite.js');
else {
  process.stderr.write(`engine bench: --store must be sqlite or postgres, got "${store}"\n`);
  process.exitCode = 2;
}
