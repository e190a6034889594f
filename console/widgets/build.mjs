// Bundles the console's two widgets (src/diagram.js: bpmn-js NavigatedViewer; src/form.js:
// form-js viewer) with their stylesheets into the directory given as the first argument (Maven
// passes target/classes/static/console/vendor). Browser ES2020 IIFEs, no code loaded at run time
// from anywhere else. The bpmn.io watermark stays (bpmn-js licence).
import * as esbuild from 'esbuild';
import path from 'node:path';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output directory>');
  process.exit(2);
}

await esbuild.build({
  entryPoints: { diagram: 'src/diagram.js', form: 'src/form.js' },
  outdir: path.resolve(outdir),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'linked',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'warning'
});
console.log(`Console widgets: diagram.js, form.js (+ .css) -> ${outdir}`);
