/**
 * The CI integrations users copy: the composite GitHub Action, the pre-commit hooks and the
 * README's workflow. They are valid YAML with what their tools need, and the action's scripts
 * run the real CLI as GitHub would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../helpers/core.ts';

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

interface Action {
  readonly name: string;
  readonly description: string;
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  readonly outputs?: Record<string, { description: string; value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

interface Hook {
  readonly id: string;
  readonly name: string;
  readonly entry: string;
  readonly language: string;
  readonly args?: readonly string[];
  readonly files?: string;
  readonly pass_filenames?: boolean;
  readonly require_serial?: boolean;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

test('action.yml is a composite action whose steps name a shell and whose expressions name declared inputs', () => {
  assert.ok(action.name && action.description, 'name and description');
  assert.equal(action.runs.using, 'composite');
  assert.ok(action.inputs.args.description.length > 20, 'args is documented');
  assert.ok(action.inputs['sarif-file'].description.length > 20, 'sarif-file is documented');
  const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  for (const [, name] of text.matchAll(/\$\{\{\s*inputs\.([\w-]+)/g)) assert.ok(name in action.inputs, `inputs.${name} is declared`);
  for (const step of action.runs.steps) {
    assert.ok(step.uses !== undefined || step.run !== undefined, 'each step runs or uses something');
    if (step.run !== undefined) {
      assert.ok(step.shell, `"${step.name}" names its shell, as composite actions require`);
      assert.doesNotMatch(step.run, /\$\{\{/, `"${step.name}" takes inputs from the environment, not spliced into the script`);
    }
  }
});

/** Runs one of the action's scripts as the runner would, with `inputs` substituted into its environment. */
function runStep(step: Step, inputs: Record<string, string>, cwd: string, output: string): { code: number | null; out: string; err: string } {
  const env: Record<string, string> = { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output } as Record<string, string>;
  for (const [key, value] of Object.entries(step.env ?? {})) env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
  const r = spawnSync('bash', ['-e', '-c', step.run ?? ''], { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("the action's scripts annotate findings, write SARIF when asked, and fail the step on warnings", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-action-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'fix-workspace'), dir, { recursive: true });
  const output = path.join(dir, 'github-output');
  const sarifStep = action.runs.steps.find((s) => s.id === 'sarif');
  const checkStep = action.runs.steps.at(-1);
  assert.ok(sarifStep?.run && checkStep?.run);
  const inputs = { args: '. --severity template-text=off', 'sarif-file': 'out.sarif' };

  const sarif = runStep(sarifStep, inputs, dir, output);
  assert.equal(sarif.code, 0, `findings still let the SARIF step succeed: ${sarif.err}`);
  const log = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
  assert.ok(log.runs[0].results.length > 0);
  assert.equal(readFileSync(output, 'utf8'), 'file=out.sarif\n');

  const check = runStep(checkStep, inputs, dir, output);
  assert.equal(check.code, 1, 'warnings fail the step');
  assert.match(check.out, /^::warning file=ARCHITECTURE\.md,line=3,col=36,/m);
  assert.match(check.out, /^::warning file=docs\/architecture\/payments\.md,line=109,/m);

  const broken = runStep(sarifStep, { ...inputs, args: 'missing.md' }, dir, output);
  assert.equal(broken.code, 2, 'a check that cannot run fails the SARIF step too');
});

test('the pre-commit hooks run archdoc once over the whole repository, serially, with its bin', () => {
  assert.ok(hooks.length >= 1);
  const languages = ['node', 'system', 'script'];
  for (const hook of hooks) {
    assert.ok(hook.id && hook.name && hook.entry, `${hook.id}: id, name and entry`);
    assert.ok(languages.includes(hook.language), `${hook.id}: language ${hook.language}`);
    assert.equal(hook.pass_filenames, false, `${hook.id}: one run over the repository, not batches of file names`);
    assert.equal(hook.require_serial, true, `${hook.id}: never in parallel`);
    assert.deepEqual(hook.args, ['.']);
    const [bin, command] = hook.entry.split(' ');
    assert.ok(bin in manifest.bin, `${hook.id}: ${bin} is a bin of the package`);
    assert.equal(command, 'check');
    const files = new RegExp(hook.files ?? '');
    for (const f of ['ARCHITECTURE.md', 'docs/architecture/api.markdown', '.archdoc.jsonc', 'docs/.archdoc.json']) assert.match(f, files, `${hook.id} runs when ${f} changes`);
    for (const f of ['src/index.ts', 'package.json', 'x.archdoc.jsonc.bak']) assert.doesNotMatch(f, files, `${hook.id} ignores ${f}`);
  }
});

test('npm pack, which pre-commit installs the hooks from, holds the CLI and the bundled template', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [pack] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>;
  const files = pack.files.map((f) => f.path);
  for (const bin of Object.values(manifest.bin)) assert.ok(files.includes(bin.replace(/^\.\//, '')), `${bin} is packed`);
  assert.ok(files.includes('server/templates/ARCHITECTURE.md'));
  assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('node_modules/')), 'nothing but what runs');
});

test("the README's CI job is a workflow that runs the action and uploads its SARIF", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const ci = readme.slice(readme.indexOf('\n## Use in CI\n'));
  assert.ok(ci.length > 100, 'README has a "Use in CI" section');
  const block = /```yaml\n([\s\S]*?)```/.exec(ci);
  assert.ok(block, 'with a workflow to paste');
  const workflow = parse(block[1]) as { on: unknown; jobs: Record<string, { 'runs-on': string; permissions?: Record<string, string>; steps: Step[] }> };
  const [job] = Object.values(workflow.jobs);
  assert.ok(workflow.on && job['runs-on']);
  assert.equal(job.permissions?.['security-events'], 'write', 'code scanning upload needs security-events: write');
  const archdoc = job.steps.find((s) => s.uses?.includes('archdoc'));
  const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
  assert.ok(archdoc?.with?.args, 'the action gets its args');
  assert.equal(upload?.with?.sarif_file, archdoc?.with?.['sarif-file'], 'the SARIF written is the SARIF uploaded');
  assert.equal(upload?.if, 'always()', 'SARIF is uploaded even when the check fails');
});
