// Installs the linter's npm dependencies exactly as package-lock.json says (`npm ci`, from the
// npm registry), unless node_modules already holds that install: npm ci always deletes and
// rewrites node_modules, so skipping it keeps repeated `./mvnw verify` runs fast. The check is a
// stamp in node_modules holding a hash of package-lock.json (plus OS and CPU, because esbuild's
// binary is platform specific), written after a successful npm ci.
// Usage: node install.mjs [--force]. Plain Node 18+, no dependencies.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lintDir = path.dirname(fileURLToPath(import.meta.url));
const lockFile = path.join(lintDir, 'package-lock.json');
const stampFile = path.join(lintDir, 'node_modules', '.redress-install-stamp');

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 18) {
  console.error(`BPMN lint: Node.js ${process.version} is too old; it needs Node.js 18 or later.`);
  process.exit(1);
}

const stamp = createHash('sha256')
  .update(fs.readFileSync(lockFile))
  .update(`\n${process.platform}-${process.arch}`)
  .digest('hex');

const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : null;
if (current === stamp && !process.argv.includes('--force')) {
  console.log('BPMN lint: node_modules matches package-lock.json; skipping npm ci');
  process.exit(0);
}

console.log('BPMN lint: npm ci (installs the packages pinned in package-lock.json)');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, [ 'ci', '--no-audit', '--no-fund', '--loglevel=warn' ], {
  cwd: lintDir,
  stdio: 'inherit',
  shell: process.platform === 'win32'
});
if (result.error?.code === 'ENOENT') {
  console.error('BPMN lint: npm not found; install Node.js 18+ with npm (Debian: apt-get install nodejs npm)');
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`BPMN lint: npm ci failed (exit code ${result.status ?? result.signal})`);
  process.exit(1);
}
fs.writeFileSync(stampFile, `${stamp}\n`);
