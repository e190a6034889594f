// Self-test of the BPMN lint (npm test; run by Maven before the real lint): runs dist/lint.cjs as
// the build does, on the fixtures next to this file and on throw-away folders, and checks exit
// codes and output. A linter that silently accepts everything fails here, and so the build fails.
// Plain Node, no dependencies; needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const testDir = path.dirname(fileURLToPath(import.meta.url));
const lintDir = path.dirname(testDir);
const lintScript = path.join(lintDir, 'dist', 'lint.cjs');
const fixture = name => path.join(testDir, name);

if (!fs.existsSync(lintScript)) {
  console.error(`lint self-test: ${lintScript} is missing; run \`npm run build\` first`);
  process.exit(1);
}

const temporaryDirs = [];
function temporaryRoot(files = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-bpmn-lint-'));
  temporaryDirs.push(root);
  for (const [ name, source ] of Object.entries(files)) {
    const target = path.join(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (source.startsWith('<') || source.startsWith('{') || source.startsWith('not')) {
      fs.writeFileSync(target, source);
    } else {
      fs.copyFileSync(fixture(source), target);
    }
  }
  return root;
}

// Each check runs the linter in a process of its own; they run concurrently (the output is
// printed in order), which keeps the self-test at about a second.
const checks = [];
function check(name, args, expected) {
  checks.push({ name, expected, result: run(args) });
}

function run(args) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [ lintScript, ...args ], { cwd: lintDir });
    let output = '';
    child.stdout.on('data', data => { output += data; });
    child.stderr.on('data', data => { output += data; });
    child.on('close', status => resolve({ status, output }));
  });
}

function problemsOf({ status, output }, { exitCode, matches = [], excludes = [] }) {
  const problems = [];
  if (exitCode !== undefined && status !== exitCode) problems.push(`exit code ${status}, expected ${exitCode}`);
  for (const pattern of matches) {
    if (!pattern.test(output)) problems.push(`output does not match ${pattern}`);
  }
  for (const pattern of excludes) {
    if (pattern.test(output)) problems.push(`output matches ${pattern}`);
  }
  return problems;
}

let failures = 0;
try {
  check('a valid Camunda 8.8 model lints clean', [ '--files', fixture('valid.bpmn') ], {
    exitCode: 0,
    matches: [ /: 1 file, 0 errors, 0 warnings/ ]
  });
  check('a service task without a job type is an error and fails the run', [ '--files', fixture('broken.bpmn') ], {
    exitCode: 1,
    matches: [
      /test\/broken\.bpmn: ServiceTask_NoJobType: error: .*Task definition type.* \(camunda-compat\/implementation\)/,
      /: 1 file, 1 error, 0 warnings .*FAILED/
    ]
  });
  check('a model without an execution platform is an error and is still linted as 8.8', [ '--files', fixture('no-platform.bpmn') ], {
    exitCode: 1,
    matches: [
      /no-platform\.bpmn: Definitions_NoPlatform: error: .*\(redress\/execution-platform\)/,
      /no-platform\.bpmn: ServiceTask_NoJobType: error: .*\(camunda-compat\/implementation\)/
    ]
  });
  check('warnings are printed but do not fail the run', [ '--files', fixture('warnings.bpmn') ], {
    exitCode: 0,
    matches: [ /warnings\.bpmn: EndEvent_Done: warning: .*no-bpmndi/, /: 1 file, 0 errors, 1 warning \(/ ]
  });
  check('no BPMN files at all is said and succeeds', [ '--root', temporaryRoot() ], {
    exitCode: 0,
    matches: [ /No BPMN files found/, /: 0 files, 0 errors, 0 warnings/ ]
  });
  check('node_modules is not scanned', [ '--root', temporaryRoot({
    'valid.bpmn': 'valid.bpmn', 'node_modules/some-package/broken.bpmn': 'broken.bpmn'
  }) ], {
    exitCode: 0,
    matches: [ /: 1 file, 0 errors/ ]
  });
  check('a linked form missing from forms/ is an error', [ '--root', temporaryRoot({
    'user-task.bpmn': 'user-task.bpmn'
  }) ], {
    exitCode: 1,
    matches: [ /UserTask_DoWork: error: linked form "lint-fixture-form" .*\(redress\/form-reference\)/ ]
  });
  check('a linked form present in forms/ is fine', [ '--root', temporaryRoot({
    'user-task.bpmn': 'user-task.bpmn', 'forms/lint-fixture-form.form': 'forms/lint-fixture-form.form'
  }) ], {
    exitCode: 0,
    matches: [ /: 1 file, 0 errors, 0 warnings/ ]
  });
  check('a form that is not JSON is an error', [ '--root', temporaryRoot({ 'forms/bad.form': 'not json' }) ], {
    exitCode: 1,
    matches: [ /bad\.form: -: error: not valid JSON/ ]
  });
  check('a file not named after its process is an error', [ '--root', temporaryRoot({ 'renamed.bpmn': 'valid.bpmn' }) ], {
    exitCode: 1,
    matches: [ /renamed\.bpmn: renamed: error: .*process id\(s\) valid \(redress\/file-name\)/ ]
  });
  check('XML that does not parse is an error', [ '--root', temporaryRoot({ 'garbage.bpmn': '<bpmn:definitions' }) ], {
    exitCode: 1,
    matches: [ /garbage\.bpmn: -: error: cannot read the BPMN XML/ ]
  });
  // The real run (bpmn/) must not pick up these fixtures, whatever the real models' own results.
  check('the default scan of bpmn/ skips bpmn/lint/**', [], {
    exitCode: undefined,
    matches: [ /BPMN lint \(@camunda\/linting, Camunda Cloud 8\.8\.0\): \d+ files?/ ],
    excludes: [ /bpmn\/lint\// ]
  });

  for (const { name, expected, result } of checks) {
    const { output } = await result;
    const problems = problemsOf(await result, expected);
    if (problems.length) {
      failures++;
      console.log(`FAIL ${name}\n  ${problems.join('\n  ')}\n  output:\n${output.replace(/^/gm, '    ')}`);
    } else {
      console.log(`ok   ${name}`);
    }
  }
} finally {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
}

if (failures) {
  console.log(`BPMN lint self-test: ${failures} check(s) FAILED`);
  process.exit(1);
}
console.log('BPMN lint self-test: all checks passed');
