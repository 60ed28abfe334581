-- Neovim's own LSP client (0.7 API) against `node dist/server.js --stdio`: opens fixture files,
-- waits (bounded) for the diagnostics each should receive, asks for one completion, and
-- writes what it received to a JSON file for the Node test to assert.
local server = vim.env.CXENGAGE_SERVER
local workspace = vim.env.CXENGAGE_WORKSPACE
local results_path = vim.env.CXENGAGE_RESULTS
local timeout_ms = tonumber(vim.env.CXENGAGE_TIMEOUT_MS) or 30000
-- { { file = "alerts.cxflow", filetype = "cxflow", expected = { "8:invalid-enum-value", ... } }, ... }
local documents = vim.fn.json_decode(vim.env.CXENGAGE_DOCUMENTS)
local completion_at = vim.fn.json_decode(vim.env.CXENGAGE_COMPLETION)

local results = { diagnostics = {}, completion = {}, errors = {} }
local received = {}
local stopping = false

local function finish()
  local file = assert(io.open(results_path, 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
  vim.cmd('qa!')
end

local function keys(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics or {}) do
    if d.source == 'cxengage' then
      table.insert(out, d.range.start.line .. ':' .. tostring(d.code))
    end
  end
  table.sort(out)
  return out
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if a[i] ~= b[i] then return false end
  end
  return true
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'cxengage',
    cmd = { 'node', server, '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'e2e-workspace' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        received[result.uri] = result.diagnostics
      end,
    },
    on_exit = function(code, signal)
      if not stopping then results.server_exit = { code = code, signal = signal } end
    end,
  })
  if not client_id then error('vim.lsp.start_client did not start ' .. server) end

  local buffers = {}
  for _, doc in ipairs(documents) do
    local path = workspace .. '/' .. doc.file
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local bufnr = vim.api.nvim_get_current_buf()
    -- The filetype becomes the languageId Neovim sends in didOpen.
    vim.bo[bufnr].filetype = doc.filetype
    vim.lsp.buf_attach_client(bufnr, client_id)
    buffers[doc.file] = bufnr
  end

  local function settled()
    -- A server that died will send nothing more: stop waiting at once.
    if results.server_exit then return true end
    for _, doc in ipairs(documents) do
      local uri = vim.uri_from_bufnr(buffers[doc.file])
      if not same(keys(received[uri]), doc.expected) then return false end
    end
    return true
  end
  results.settled = vim.wait(timeout_ms, settled, 50)

  for _, doc in ipairs(documents) do
    local uri = vim.uri_from_bufnr(buffers[doc.file])
    results.diagnostics[doc.file] = received[uri] and keys(received[uri]) or vim.NIL
  end

  if results.server_exit then error('the server exited: ' .. vim.inspect(results.server_exit)) end
  local bufnr = buffers[completion_at.file]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = completion_at.line, character = completion_at.character },
  }
  local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, timeout_ms)
  for _, answer in pairs(answers or {}) do
    if answer.err then table.insert(results.errors, 'completion: ' .. vim.inspect(answer.err)) end
    local items = answer.result and (answer.result.items or answer.result) or {}
    for _, item in ipairs(items) do table.insert(results.completion, item.label) end
  end
  stopping = true
  vim.lsp.stop_client(client_id)
end)

if not ok then table.insert(results.errors, tostring(err)) end
finish()
