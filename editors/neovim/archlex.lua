-- archlex language server for Neovim without plugins (Neovim 0.7 or later).
-- Load it from your init.lua: dofile("/path/to/archlex/editors/neovim/archlex.lua")
-- It starts `archlex lsp` once per model folder (the folder with archlex.yaml, else the
-- folder Neovim was started in) and attaches it to every YAML buffer.
local clients = {}

local function model_root(path)
  local found = vim.fs and vim.fs.find and vim.fs.find("archlex.yaml", { upward = true, path = path })[1]
  if found then
    return vim.fn.fnamemodify(found, ":h")
  end
  local manifest = vim.fn.findfile("archlex.yaml", path .. ";")
  return manifest ~= "" and vim.fn.fnamemodify(manifest, ":p:h") or vim.fn.getcwd()
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    local root = model_root(vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h"))
    if not clients[root] then
      clients[root] = vim.lsp.start_client({
        name = "archlex",
        cmd = { "archlex", "lsp" },
        root_dir = root,
        init_options = vim.g.archlex_init_options or {},
      })
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
    local opts = { buffer = args.buf }
    vim.keymap.set("n", "K", vim.lsp.buf.hover, opts)
    vim.keymap.set("n", "gd", vim.lsp.buf.definition, opts)
    vim.keymap.set("n", "gr", vim.lsp.buf.references, opts)
    vim.keymap.set("n", "<leader>ca", vim.lsp.buf.code_action, opts)
  end,
})
