import type { Command } from "commander";

export function registerDlqCommands(_program: Command): void {}
