import { loadConfigFile } from '/work/wt-ilsdi/dist/src/config/load.js';
import { openStore } from '/work/wt-ilsdi/dist/src/store/store.js';
import { systemClock } from '/work/wt-ilsdi/dist/src/clock.js';
import { createApp } from '/work/wt-ilsdi/dist/src/app.js';
import { compileIndexMap } from '/work/wt-ilsdi/dist/src/indexing/index-map.js';
import { pino } from 'pino';
const loaded = loadConfigFile('/work/wt-ilsdi/conf/libgate.yaml', { databaseUrl: 'postgres://postgres@127.0.0.1:5432/libgate_bench_2000_1' });
const config = { ...loaded.config, server: { ...loaded.config.server, logLevel: 'warn' } };
const store = await openStore(config, systemClock, { dataDir: 'memory', migrate: false });
const app = createApp({ config, store, clock: systemClock, log: pino({ level: 'warn' }), indexMap: compileIndexMap(config.indexes) });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = server.address().port;
const kinds = {
  health: () => `/health`,
  ga1: (i) => `/ilsdi?service=GetAvailability&id_type=bib&id=${1 + (i * 37) % 2000}`,
  ga50: (i) => `/ilsdi?service=GetAvailability&id_type=bib&id=${Array.from({length: 50}, (_, k) => 1 + ((i * 50 + k) * 37) % 2000).join('+')}`,
  gr10: (i) => `/ilsdi?service=GetRecords&id=${Array.from({length: 10}, (_, k) => 1 + ((i * 10 + k) * 37) % 2000).join('+')}`,
};
for (const [name, url] of Object.entries(kinds)) {
  for (let i = 0; i < 20; i++) await (await fetch(`http://127.0.0.1:${port}${url(i)}`)).text();
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  const N = 200;
  for (let i = 0; i < N; i++) await (await fetch(`http://127.0.0.1:${port}${url(i)}`)).text();
  const cpu = process.cpuUsage(cpu0); const t = performance.now() - t0;
  console.log(name, 'wall ms/req', (t / N).toFixed(2), 'cpu ms/req (client+server)', ((cpu.user + cpu.system) / 1000 / N).toFixed(2));
}
server.close(); await store.close();
