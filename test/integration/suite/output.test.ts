/**
 * The ArchDoc output channel, read from the log file VS Code writes it to: the start-up line
 * at Info, and the traffic with the server once `archdoc.trace.server` asks for it, at the
 * channel's default log level.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdocCodes, extensionUnderTest, openFixture, waitForDiagnostics } from './helpers';
import { waitForOutputLine } from './outputLog';

describe('the ArchDoc output channel', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('archdoc').update('trace.server', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says at Info which version started, whether the workspace is trusted and the template per folder', async () => {
    await extensionUnderTest().activate();
    const version = (extensionUnderTest().packageJSON as { version: string }).version;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
    const lines = await waitForOutputLine(/ArchDoc language server .* started/, 'the start-up line');
    const line = lines.find((l) => / ArchDoc language server .* started/.test(l)) ?? '';
    assert.match(line, /\[info\]/);
    assert.ok(line.includes(`ArchDoc language server ${version} started; workspace trusted; templates: ${folder}: bundled template "architecture"`), line);
  });

  it('shows the traffic with the server at the default log level once archdoc.trace.server is verbose', async () => {
    await vscode.workspace.getConfiguration('archdoc').update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
    const { document } = await openFixture('docs', 'architecture', 'editing.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'diagnostics on editing.md');
    // Asked now, after the setting changed, so that its request and its answer are traced.
    await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 2));
    const lines = await waitForOutputLine(/\[info\].*Sending request 'textDocument\/hover/, 'a traced hover request');
    // Verbose: the message's contents too, not only its name.
    const at = lines.findIndex((l) => /\[info\].*Sending request 'textDocument\/hover/.test(l));
    assert.match(lines.slice(at, at + 6).join('\n'), /Params: \{/, lines.slice(at, at + 6).join('\n'));
  });
});
