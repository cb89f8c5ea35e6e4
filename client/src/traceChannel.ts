/**
 * `archdoc.trace.server` as its description says: with `messages` or `verbose`, the traffic
 * between VS Code and the server shows in the ArchDoc output channel at its default level.
 * The language client traces only when its channel's log level is Trace, a second setting
 * few users find; this channel reports Trace while the setting asks for tracing, and writes
 * the trace lines where the default level shows them.
 */
import * as vscode from 'vscode';

function tracing(): boolean {
  return vscode.workspace.getConfiguration('archdoc').get<string>('trace.server', 'off') !== 'off';
}

export function traceChannel(output: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  const level = (): vscode.LogLevel => (tracing() ? vscode.LogLevel.Trace : output.logLevel);
  const subscriptions = [
    changed,
    output.onDidChangeLogLevel(() => changed.fire(level())),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('archdoc.trace.server')) changed.fire(level());
    }),
  ];
  return new Proxy(output, {
    get(target, property, receiver) {
      if (property === 'logLevel') return level();
      if (property === 'onDidChangeLogLevel') return changed.event;
      if (property === 'trace') return (message: string, ...args: unknown[]) => (tracing() ? target.info(message, ...args) : target.trace(message, ...args));
      if (property === 'dispose') return () => subscriptions.forEach((subscription) => subscription.dispose());
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as vscode.LogOutputChannel & vscode.Disposable;
}
