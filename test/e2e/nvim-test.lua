-- Neovim as a second LSP client: starts the bundled server over stdio, opens a workflow, checks Forewarn's
-- diagnostics, edits the buffer and checks they follow, then asks for code actions.
-- Run: FOREWARN_SERVER=dist/server.js WS=<folder with .github/workflows/ci.yml> nvim --headless -u NONE -c "luafile test/e2e/nvim-test.lua"
local server = os.getenv('FOREWARN_SERVER')
local ws = os.getenv('WS')
local failures = 0
local function check(ok, what)
  io.stdout:write((ok and 'ok   ' or 'FAIL ') .. what .. '\n')
  if not ok then failures = failures + 1 end
end
local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'forewarn' then table.insert(out, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))) end
  end
  table.sort(out)
  return table.concat(out, ',')
end

local client_id = vim.lsp.start_client({
  name = 'forewarn',
  cmd = { 'node', server, '--stdio' },
  root_dir = ws,
  workspace_folders = { { uri = vim.uri_from_fname(ws), name = 'ws' } },
  settings = { forewarn = { scanOnOpen = false } },
})
check(client_id ~= nil, 'server started')

vim.cmd('edit ' .. ws .. '/.github/workflows/ci.yml')
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(20000, function() return codes(bufnr) ~= '' end, 50)
check(got, 'diagnostics arrive: ' .. codes(bufnr))
check(codes(bufnr):find('aws-access-key', 1, true) ~= nil, 'aws-access-key reported')
check(codes(bufnr):find('unpinned-action', 1, true) ~= nil, 'unpinned-action reported')
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  check(not d.message:find('AKIAZ7VRSQ5TJHNLBX4D', 1, true), 'message is redacted')
end

-- Code actions on the AWS key line: the fix and the ignore actions.
local aws
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if tostring(d.code) == 'aws-access-key' then aws = d end
end
if aws then
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = aws.lnum, character = aws.col }, ['end'] = { line = aws.end_lnum, character = aws.end_col } },
    -- The LSP form of the diagnostic, with the data the server needs to find its finding.
    context = {
      diagnostics = {
        {
          range = { start = { line = aws.lnum, character = aws.col }, ['end'] = { line = aws.end_lnum, character = aws.end_col } },
          message = aws.message,
          severity = aws.severity,
          source = aws.source,
          code = tostring(aws.code),
          data = aws.user_data and aws.user_data.lsp and aws.user_data.lsp.data,
        },
      },
    },
  }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local titles = {}
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(titles, a.title) end
  end
  local joined = table.concat(titles, ' | ')
  check(joined:find('Ignore aws-access-key on this line', 1, true) ~= nil, 'code actions: ' .. joined)
end

-- Delete every line holding the key: the finding goes away as the buffer changes.
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
for i = #lines, 1, -1 do
  if lines[i]:find('AKIA', 1, true) then vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, {}) end
end
local gone = vim.wait(20000, function() return codes(bufnr) ~= '' and not codes(bufnr):find('aws-access-key', 1, true) end, 50)
check(gone, 'diagnostics follow the edit: ' .. codes(bufnr))

vim.lsp.stop_client(client_id)
io.stdout:write(string.format('nvim: %d failure(s)\n', failures))
vim.cmd(failures == 0 and 'qa!' or 'cquit! 1')
