// Lints Redress's BPMN models with the Camunda Modeler's own linter (@camunda/linting) for
// Camunda 8.8, the version Redress runs on (docs/ARCHITECTURE.md, section 2).
//
// @camunda/linting is published as untranspiled ES modules with extension-less imports and JSON
// imports, which Node cannot load directly, so build.mjs bundles this file with esbuild into
// dist/lint.cjs; run that:
//
//   node dist/lint.cjs                      lint every *.bpmn under bpmn/ (not bpmn/lint/**, not node_modules)
//   node dist/lint.cjs --files a.bpmn ...   lint just these files
//   node dist/lint.cjs --root some/dir      lint every *.bpmn under some/dir instead of bpmn/
//
// Output: one line per finding, `file: elementId: severity: message (rule)`, then a summary.
// Exit code: 0 when there is no error (warnings are printed but do not fail), 1 when any model has
// an error, 2 on a usage error.
//
// Contract with the Linter: @camunda/linting chooses its rule set from the model's own
// `modeler:executionPlatform` / `modeler:executionPlatformVersion` attributes and silently returns
// NO findings when they are missing. So this script (a) reports an error when a model does not
// declare Camunda Cloud 8.8 (the Modeler writes both attributes when a "Camunda 8" diagram is
// created with the version set to 8.8), and (b) always lints against Camunda Cloud 8.8.0 whatever the
// model declares, so that one missing attribute cannot hide every other finding.
//
// Redress's own checks (rule names `redress/...`) sit next to the Modeler's rules:
//   redress/execution-platform  the model declares Camunda Cloud 8.8 (see above)
//   redress/xml-import          the XML parses and every reference resolves (Modeler import warnings)
//   redress/file-name           the file is named `<process-id>.bpmn` after a process it contains
//   redress/form                every bpmn/forms/*.form is JSON with a unique `id`
//   redress/form-reference      a linked form (zeebe:formDefinition formId) exists in bpmn/forms

import fs from 'node:fs';
import path from 'node:path';

import { Linter } from '@camunda/linting';
import { BpmnModdle } from 'bpmn-moddle';
import modelerModdle from 'modeler-moddle/resources/modeler.json';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

const EXECUTION_PLATFORM = 'Camunda Cloud';
const EXECUTION_PLATFORM_VERSION = '8.8.0';

// bpmn/lint (this tool) whether run as bpmn/lint/dist/lint.cjs (bundled) or bpmn/lint/lint.mjs.
const scriptDir = path.dirname(fs.realpathSync(process.argv[1]));
const lintDir = path.basename(scriptDir) === 'dist' ? path.dirname(scriptDir) : scriptDir;
const defaultRoot = path.dirname(lintDir); // bpmn/
const repoDir = path.dirname(defaultRoot); // paths are printed relative to the repository

const SKIPPED_DIRECTORIES = new Set([ 'node_modules', 'target' ]);

function usage(message) {
  if (message) {
    console.error(`lint: ${message}`);
  }
  console.error('usage: node dist/lint.cjs [--root <dir>] [--files <file.bpmn> ...]');
  process.exit(2);
}

function parseArguments(argv) {
  const options = { root: defaultRoot, files: null };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--root') {
      if (!argv[i + 1]) usage('--root needs a directory');
      options.root = path.resolve(argv[++i]);
    } else if (argument === '--files') {
      options.files = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        options.files.push(resolveGivenFile(argv[++i]));
      }
      if (!options.files.length) usage('--files needs at least one file');
    } else if (argument === '--help' || argument === '-h') {
      usage();
    } else {
      usage(`unknown argument ${argument}`);
    }
  }
  return options;
}

// A file given on the command line: relative to the working directory, else to the repository
// (so `--files bpmn/lint/test/broken.bpmn` works from both the repository and bpmn/lint).
function resolveGivenFile(file) {
  const candidates = [ path.resolve(file), path.resolve(repoDir, file) ];
  const found = candidates.find(candidate => fs.existsSync(candidate));
  if (!found) usage(`no such file: ${file}`);
  return found;
}

// Every file under root whose name ends with extension, sorted; skips this tool's own folder
// (its test fixtures are broken on purpose), node_modules, target and dot-folders.
function findFiles(root, extension) {
  const found = [];
  const visit = directory => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        const skipped = SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith('.')
          || path.resolve(file) === lintDir;
        if (!skipped) visit(file);
      } else if (entry.isFile() && entry.name.endsWith(extension)) {
        found.push(file);
      }
    }
  };
  if (fs.existsSync(root)) visit(root);
  return found.sort();
}

function displayPath(file) {
  const relative = path.relative(repoDir, file);
  return relative.startsWith('..') ? file : relative;
}

// Camunda Forms: JSON files with an `id` that user tasks link to with zeebe:formDefinition formId.
function readForms(root, findings) {
  const formIds = new Map();
  for (const file of findFiles(root, '.form')) {
    let id;
    try {
      ({ id } = JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (error) {
      findings.push(finding(file, '-', 'error', `not valid JSON: ${error.message}`, 'redress/form'));
      continue;
    }
    if (typeof id !== 'string' || !id) {
      findings.push(finding(file, '-', 'error', 'a Camunda Form needs a string "id"', 'redress/form'));
    } else if (formIds.has(id)) {
      findings.push(finding(file, id, 'error',
        `form id already used by ${displayPath(formIds.get(id))}`, 'redress/form'));
    } else {
      formIds.set(id, file);
    }
  }
  return formIds;
}

function finding(file, id, severity, message, rule) {
  // one line per finding (moddle's import warnings span lines: "...\n\tline: 27\n\tcolumn: 4")
  return { file, id, severity, message: String(message).trim().replace(/\s*\n\s*/g, '; '), rule };
}

// The Linter's report categories: error, warn, info, and rule-error (a rule crashed: an error).
function severityOf(category) {
  if (category === 'warn') return 'warning';
  if (category === 'info') return 'info';
  return 'error';
}

function allElements(root) {
  const elements = new Set();
  const visit = element => {
    if (!element || typeof element !== 'object' || !element.$type || elements.has(element)) {
      return;
    }
    elements.add(element);
    for (const key of Object.keys(element)) {
      if (key.startsWith('$') || key === 'di') continue;
      const value = element[key];
      for (const child of Array.isArray(value) ? value : [ value ]) {
        // follow containment only, not references (sourceRef, processRef, ...)
        if (child && typeof child === 'object' && child.$parent === element) visit(child);
      }
    }
  };
  visit(root);
  return [ ...elements ];
}

async function lintModel(file, moddle, linter, formIds) {
  const findings = [];
  const add = (id, severity, message, rule) => findings.push(finding(file, id, severity, message, rule));

  let definitions;
  try {
    const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'), 'bpmn:Definitions');
    definitions = rootElement;
    for (const warning of warnings) {
      add(warning.element?.id || '-', 'error', warning.message, 'redress/xml-import');
    }
  } catch (error) {
    add('-', 'error', `cannot read the BPMN XML: ${error.message}`, 'redress/xml-import');
    return findings;
  }

  const platform = definitions.get('modeler:executionPlatform');
  const version = definitions.get('modeler:executionPlatformVersion');
  if (platform !== EXECUTION_PLATFORM || !/^8\.8(\.|$)/.test(version || '')) {
    add(definitions.id || '-', 'error',
      `the model declares execution platform ${platform || '(none)'} ${version || '(none)'}; Redress `
      + `runs on ${EXECUTION_PLATFORM} 8.8: set modeler:executionPlatform="${EXECUTION_PLATFORM}" `
      + `modeler:executionPlatformVersion="${EXECUTION_PLATFORM_VERSION}" on bpmn:definitions `
      + '(in the Camunda Modeler: a Camunda 8 diagram, version 8.8)',
      'redress/execution-platform');
  }
  definitions.set('modeler:executionPlatform', EXECUTION_PLATFORM);
  definitions.set('modeler:executionPlatformVersion', EXECUTION_PLATFORM_VERSION);

  const reports = await linter.lint(definitions);
  for (const report of reports) {
    add(report.id || '-', severityOf(report.category), report.message, report.rule);
  }

  const elements = allElements(definitions);
  const processIds = elements.filter(element => element.$type === 'bpmn:Process').map(process => process.id);
  const baseName = path.basename(file, '.bpmn');
  if (!processIds.includes(baseName)) {
    add(baseName, 'error',
      `a model file is named after the process it holds (<process-id>.bpmn), but this file has `
      + `process id(s) ${processIds.join(', ') || '(none)'}`, 'redress/file-name');
  }

  for (const element of elements) {
    if (element.$type === 'zeebe:FormDefinition' && element.formId && !formIds.has(element.formId)) {
      const owner = element.$parent?.$parent; // zeebe:FormDefinition < bpmn:ExtensionElements < task
      add(owner?.id || '-', 'error',
        `linked form "${element.formId}" is not in bpmn/forms (no *.form with that "id")`,
        'redress/form-reference');
    }
  }
  return findings;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const started = Date.now();

  const findings = [];
  // Linked forms are checked against the forms of the scanned tree (bpmn/forms by default); when
  // single files are given, against the forms under bpmn/ as well.
  const formIds = readForms(options.root, findings);
  const files = options.files || findFiles(options.root, '.bpmn');

  if (!files.length) {
    console.log(`No BPMN files found under ${displayPath(options.root) || '.'}; nothing to lint.`);
  }

  const moddle = new BpmnModdle({ modeler: modelerModdle, zeebe: zeebeModdle });
  // `desktop`: the messages the Camunda Desktop Modeler shows; `cloud`: Camunda 8 diagrams.
  const linter = new Linter({ modeler: 'desktop', type: 'cloud' });
  for (const file of files) {
    findings.push(...await lintModel(file, moddle, linter, formIds));
  }

  const order = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => a.file.localeCompare(b.file) || order[a.severity] - order[b.severity]
    || a.id.localeCompare(b.id));
  for (const { file, id, severity, message, rule } of findings) {
    console.log(`${displayPath(file)}: ${id}: ${severity}: ${message} (${rule})`);
  }

  const count = severity => findings.filter(item => item.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `BPMN lint (@camunda/linting, ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_VERSION}): `
    + `${plural(files.length, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
    + ` (${Date.now() - started} ms)`;
  console.log(errors ? `${summary} -- FAILED` : summary);
  process.exitCode = errors ? 1 : 0;
}

main().catch(error => {
  console.error(`lint: ${error.stack || error}`);
  process.exitCode = 1;
});
