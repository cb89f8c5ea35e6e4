/**
 * Pushed diagnostics: a short debounce after each change, then one publication for the
 * version that was checked, unless the document moved on meanwhile (a newer run is due).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleHref, type ArchdocLanguageService, type DiagnosticData, type SeverityName } from '../core/index.ts';
import { describeConfigError, pathOf } from '../policy/index.ts';
import type { DocumentState } from './documentState.ts';
import type { DriftFacts } from '../core/index.ts';

/** The code of the diagnostic a document too large to check gets. */
export const FILE_TOO_LARGE = 'file-too-large';
/** The code of the diagnostic a document under a config file that cannot be used gets. */
export const CONFIG_ERROR = 'config-error';

const SEVERITIES: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function lineZero(code: string, message: string, severity: DiagnosticSeverity, data?: DiagnosticData): Diagnostic {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { range, severity, code, source: 'archdoc', message, ...(data ? { data } : {}) };
}

/** The diagnostics of a document in the given state. */
export function diagnosticsFor(engine: ArchdocLanguageService, state: DocumentState, facts?: DriftFacts): Diagnostic[] {
  switch (state.kind) {
    case 'ignored':
    case 'template-ignored':
      return [];
    case 'too-large':
      return [
        lineZero(
          FILE_TOO_LARGE,
          `ArchDoc skipped this document: ${state.bytes} bytes is more than archdoc.maxFileSize (${state.limit}).`,
          DiagnosticSeverity.Information,
        ),
      ];
    case 'config-error': {
      const { error } = state;
      const at = { line: error.line, character: error.character };
      return [
        {
          ...lineZero(CONFIG_ERROR, `ArchDoc cannot use ${describeConfigError(error, pathOf(error.uri))}. This document is not checked until the file is fixed.`, DiagnosticSeverity.Error),
          relatedInformation: [{ location: { uri: error.uri, range: { start: at, end: at } }, message: error.message }],
        },
      ];
    }
    case 'template-error': {
      const severity = state.settings.severity['template-error'] ?? 'error';
      if (severity === 'off') return [];
      return [{ ...lineZero('template-error', state.error, SEVERITIES[severity], { code: 'template-error' }), codeDescription: { href: ruleHref('template-error') } }];
    }
    case 'ready':
      return engine.check(state.analysis, { severity: state.settings.severity, selectedBy: state.selectedBy }, facts);
  }
}

export interface DiagnosticsRun {
  readonly version: number;
  readonly diagnostics: Diagnostic[];
}

export interface SchedulerOptions {
  /** Milliseconds to wait after a change before checking. */
  readonly delay: number;
  /** Checks the document's current version; undefined when the document is gone. */
  compute(uri: string): Promise<DiagnosticsRun | undefined>;
  /** The document's current version, to drop results that are already stale. */
  currentVersion(uri: string): number | undefined;
  publish(uri: string, run: DiagnosticsRun): void;
  log(message: string): void;
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: SchedulerOptions) {}

  /** Checks after the debounce delay, or at once with `delay` 0 (on open, on template change). */
  schedule(uri: string, delay = this.options.delay): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private async run(uri: string): Promise<void> {
    try {
      const result = await this.options.compute(uri);
      if (result === undefined || this.timers.has(uri)) return;
      if (this.options.currentVersion(uri) !== result.version) return;
      this.options.publish(uri, result);
    } catch (error) {
      this.options.log(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
