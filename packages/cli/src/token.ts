import type { Command } from "commander";

export function registerTokenCommand(_program: Command): void {}
