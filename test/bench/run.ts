/**
 * `npm run bench [-- name…]`: runs each benchmark module in turn (or only the named ones) and
 * prints what it measured. Benchmarks are not tests: they report numbers beside their goals and
 * never fail the build. To add one, export `run()` from a module here and list it below.
 */
interface Bench {
  name: string;
  load: () => Promise<{ run: () => Promise<void> | void }>;
}

const BENCHES: Bench[] = [
  { name: 'search', load: () => import('./search.js') },
  { name: 'mail', load: () => import('./mail.js') },
  { name: 'import', load: () => import('./import.js') },
];

const wanted = process.argv.slice(2);
for (const bench of BENCHES) {
  if (wanted.length && !wanted.includes(bench.name)) continue;
  console.log(`\n=== ${bench.name} ===`);
  await (await bench.load()).run();
}
