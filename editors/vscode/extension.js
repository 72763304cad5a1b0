// Starts `archlex lsp` for YAML files; the YAML extension (redhat.vscode-yaml) keeps doing
// schema completion beside it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("archlex");
  const [command, ...args] = settings.get("command");
  const options = { debounce: settings.get("debounce") };
  if (settings.get("rulesUrl")) {
    options.rulesUrl = settings.get("rulesUrl");
  }
  client = new LanguageClient(
    "archlex",
    "archlex",
    { command, args },
    {
      documentSelector: [{ scheme: "file", language: "yaml" }],
      initializationOptions: options,
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
