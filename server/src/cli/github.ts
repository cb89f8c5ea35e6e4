/**
 * `--format github`: GitHub Actions workflow commands, one annotation per diagnostic, shown on
 * the pull request's changed lines and in the run's summary.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messageText, severityName, type FileResult } from './report.ts';

const COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** A command's message: `%`, CR and LF are escaped so that one annotation stays one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub resolves annotation paths against the checkout; a path inside the working folder is given relative to it. */
function annotationPath(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  const chosen = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return chosen.split(path.sep).join('/');
}

function annotation(file: string, d: Diagnostic): string {
  const { start, end } = d.range;
  // Columns are 1-based; GitHub's endColumn is the last column the annotation covers.
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${start.line + 1}`,
    `col=${start.character + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${Math.max(end.character, start.line === end.line ? start.character + 1 : 1)}`,
    `title=${escapeProperty(`ArchDoc ${String(d.code)}`)}`,
  ];
  return `::${COMMAND[severityName(d)]} ${properties.join(',')}::${escapeData(messageText(d))}`;
}

export function formatGithub(results: readonly FileResult[], cwd: string): string {
  const lines = results.flatMap((r) => r.diagnostics.map((d) => annotation(annotationPath(r.path, cwd), d)));
  return lines.length ? lines.join('\n') + '\n' : '';
}
