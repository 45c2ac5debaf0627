// Builds the dashboard into ../resources/dashboard, which is committed: the jar, `mvn -B test` and
// `./monitor demo` then need no npm. Run `npm ci && npm run build` here after changing anything in src/,
// package.json or package-lock.json; DashboardBundleTest fails while the committed build is stale.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'resources', 'dashboard');
const require = createRequire(import.meta.url);
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true, minify: true, format: 'iife', target: ['es2020'], legalComments: 'eof',
  outfile: join(out, 'dashboard.js'),
});
await esbuild.build({
  entryPoints: [join(here, 'src', 'dashboard.css')],
  bundle: true, minify: true, outfile: join(out, 'dashboard.css'),
});
writeFileSync(join(out, 'index.html'), readFileSync(join(here, 'src', 'index.html')));

// world-atlas identifies countries by ISO 3166-1 numeric code; the monitor speaks alpha-2. Three
// Natural Earth entries have no numeric code: Kosovo has the user-assigned XK that the monitor uses too;
// N. Cyprus and Somaliland have no code of their own and stay unmapped (drawn, never coloured).
const countries = require('i18n-iso-countries');
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const byName = { Kosovo: 'XK' };
for (const g of world.objects.countries.geometries) {
  const cc = g.id ? countries.numericToAlpha2(g.id) : byName[g.properties.name];
  g.properties = { name: g.properties.name, ...(cc ? { cc } : {}) };
}
delete world.objects.land;
writeFileSync(join(out, 'world.json'), JSON.stringify(world));

// What the staleness test compares: a digest of every input of this build.
writeFileSync(join(out, 'build-info.json'), JSON.stringify({ sources: sourcesDigest() }, null, 1) + '\n');

function sourcesDigest() {
  const files = ['build.mjs', 'package.json', 'package-lock.json',
    ...readdirSync(join(here, 'src')).sort().map((f) => 'src/' + f)];
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f + '\n');
    hash.update(readFileSync(join(here, f), 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\n');
  }
  return hash.digest('hex');
}
