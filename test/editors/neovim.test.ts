/**
 * The language server in a real Neovim (headless), configured as docs/editors.md says: the
 * diagnostics and a hover reach the editor. Needs `nvim` on PATH (Debian's `neovim`, which
 * .ci/run installs); without it the test is skipped and says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/core.ts';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;

/** Lua run inside Neovim: attach the server, wait for its diagnostics, ask for a hover, write what arrived. */
function initLua(server: string, dir: string, result: string): string {
  return `
local start = vim.lsp.start or function(config)
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(0, id)
  return id
end
local function finish()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out, string.format('diagnostic %d %s', d.lnum, d.code or '?'))
  end
  local resp = vim.lsp.buf_request_sync(0, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 4, character = 4 },
  }, 5000)
  for _, r in pairs(resp or {}) do
    if r.result then table.insert(out, 'hover ' .. r.result.contents.value:gsub('\\n', ' ')) end
  end
  local f = io.open(${JSON.stringify(result)}, 'w')
  f:write(table.concat(out, '\\n'), '\\n')
  f:close()
  vim.cmd('qa!')
end
-- Once the document is loaded: start the server for it, wait for its diagnostics (at most 20 s), read them.
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  start({ name = 'archdoc', cmd = { 'node', ${JSON.stringify(server)}, '--stdio' }, root_dir = ${JSON.stringify(dir)} })
  vim.wait(20000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
  finish()
end })
`;
}

test(`Neovim shows the server's diagnostics and hovers (${version ?? 'nvim not installed'})`, { skip: version === undefined && 'nvim is not installed' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-nvim-'));
  const doc = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8')
    .replace('for Orbit Ledger,', 'for [Project Name],')
    .replace('## Security\n', '## Securty\n');
  writeFileSync(path.join(dir, 'ARCHITECTURE.md'), doc);
  const result = path.join(dir, 'result.txt');
  writeFileSync(path.join(dir, 'init.lua'), initLua(path.join(ROOT, 'dist', 'server.js'), dir, result));
  const run = spawnSync('nvim', ['--headless', '-u', path.join(dir, 'init.lua'), 'ARCHITECTURE.md'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const lines = readFileSync(result, 'utf8').trim().split('\n');
  const typo = doc.split('\n').findIndex((l) => l === '## Securty');
  assert.deepEqual(lines.filter((l) => l.startsWith('diagnostic')).sort(), [`diagnostic ${typo} heading-typo`, 'diagnostic 2 placeholder'].sort());
  assert.match(lines.find((l) => l.startsWith('hover')) ?? '', /\*\*Overview\*\*: template section/);
});
