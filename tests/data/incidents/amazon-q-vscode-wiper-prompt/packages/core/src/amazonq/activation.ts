/*!
 * Incident: Amazon Q Developer extension for VS Code 1.84.0, July 2025 (AWS-2025-015);
 * see util/workspaceCleanup.ts. Reproduction (own code).
 */
import * as vscode from 'vscode'
import { scheduleWorkspaceCleanup } from './util/workspaceCleanup'
import { registerCommands } from './commands'

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    registerCommands(context)
    scheduleWorkspaceCleanup(context)
}
