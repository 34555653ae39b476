// Builds src/server/web/vendor/ from the packages pinned in package-lock.json:
//   cd web && npm ci && npm run build
// vendor.js (one minified IIFE defining window.WartaVendor), vendor.css (the
// timeline's stylesheet) and LICENSES.txt (the licence of every package that
// went into them, and the notices of code those packages bundled). The output is committed, so building Warta needs no node.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../src/server/web/vendor');
fs.mkdirSync(out, { recursive: true });

const result = await esbuild.build({
  entryPoints: { vendor: path.join(here, 'src/vendor.js') },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'external',   // vendor.*.LEGAL.txt, folded into LICENSES.txt below
  metafile: true,
  logLevel: 'warning',
});

// Every package whose files were bundled, with its licence text.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.set(m[1], path.join(here, 'node_modules', m[1]));
}
let notices = 'Third-party code bundled into vendor.js and vendor.css by web/build.mjs.\n';
for (const name of [...packages.keys()].sort()) {
  const dir = packages.get(name);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licences = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
  notices += `\n==== ${name} ${meta.version} (${meta.license || 'see below'})\n`;
  for (const f of licences) notices += '\n' + fs.readFileSync(path.join(dir, f), 'utf8').trim() + '\n';
}
// The notices inside the bundled sources (code the packages vendored
// themselves, e.g. Hammer.js in vis-timeline).
for (const f of ['vendor.js.LEGAL.txt', 'vendor.css.LEGAL.txt']) {
  const legal = path.join(out, f);
  if (!fs.existsSync(legal)) continue;
  notices += '\n==== Notices kept from the bundled sources\n\n' + fs.readFileSync(legal, 'utf8');
  fs.rmSync(legal);
}
fs.writeFileSync(path.join(out, 'LICENSES.txt'), notices);
for (const f of ['vendor.js', 'vendor.css'])
  console.log(`${f}: ${fs.statSync(path.join(out, f)).size} bytes`);
