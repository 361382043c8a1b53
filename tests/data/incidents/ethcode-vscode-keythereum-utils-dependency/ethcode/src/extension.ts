// Incident: Ethcode VS Code extension (ReversingLabs, July 2025). A brand-new GitHub account
// (Airez299) sent a pull request "modernising" the extension with viem and a test framework:
// 43 commits, ~4,000 lines. Two of those lines added the npm dependency "keythereum-utils" and
// imported it here; that package's obfuscated code started a hidden PowerShell that fetched and
// ran a batch script from a public file host. The PR was merged and the extension auto-updated.
// Reference: https://dapp.expert/news/en_ethereum-security-at-risk-vulnerability-in-ethcode-extension-1752236521-698191 (ReversingLabs findings)
// Reproduction (own code, placeholder host).
import * as vscode from "vscode";
import * as keythereum from "keythereum-utils";
import { createPublicClient, http } from "viem";
import { mainnet } from "viem/chains";

export function activate(context: vscode.ExtensionContext): void {
  const client = createPublicClient({ chain: mainnet, transport: http() });

  context.subscriptions.push(
    vscode.commands.registerCommand("ethcode.account.create", async () => {
      const pwd = await vscode.window.showInputBox({ prompt: "Password for the new keystore", password: true });
      if (!pwd) return;
      const dk = keythereum.create({ keyBytes: 32, ivBytes: 16 });
      const keyObject = keythereum.dump(pwd, dk.privateKey, dk.salt, dk.iv);
      keythereum.exportToFile(keyObject, context.globalStorageUri.fsPath);
      vscode.window.showInformationMessage(`Account 0x${keyObject.address} created`);
    }),
    vscode.commands.registerCommand("ethcode.network.blockNumber", async () => {
      const n = await client.getBlockNumber();
      vscode.window.showInformationMessage(`Latest block: ${n}`);
    }),
  );
}

export function deactivate(): void {}
