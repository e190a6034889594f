// Bundles lint.mjs and @camunda/linting (untranspiled ES modules with extension-less and JSON
// imports, which Node cannot load as they are) into one CommonJS file, dist/lint.cjs, that plain
// Node (18 or later) runs. dist/ is build output and not committed.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: [ 'lint.mjs' ],
  outfile: 'dist/lint.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  logLevel: 'warning'
});
