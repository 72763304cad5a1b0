-- Used by scripts/editor-screenshot.sh: the plain set-up (archlex.lua) plus, once the first
-- check has arrived, the cursor on a provision and its hover open, for the screenshot.
vim.opt.number = true
vim.opt.signcolumn = "yes"
vim.opt.termguicolors = true
vim.api.nvim_set_hl(0, "NormalFloat", { bg = "#2d2d30", fg = "#e0e0e0" })
vim.api.nvim_set_hl(0, "FloatBorder", { bg = "#2d2d30", fg = "#8a8a8a" })
vim.lsp.handlers["textDocument/hover"] =
  vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded", max_width = 110, max_height = 13 })
vim.g.archlex_init_options = { today = "2026-12-03" }
dofile(vim.env.ARCHLEX_NVIM_SETUP)
vim.defer_fn(function()
  vim.fn.search('"2019/817 Art 7(2)", "2019/817 Art 99"')
  vim.cmd("normal! 3l")
  vim.lsp.buf.hover()
end, tonumber(vim.env.ARCHLEX_HOVER_AFTER_MS or "9000"))
