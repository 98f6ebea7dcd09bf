import { Command } from "commander";
import { registerControlCommands } from "./control/commands.ts";
import { registerDlqCommands } from "./dlq.ts";
import { registerLocalCommands } from "./local/index.ts";
import { registerRegionsCommand } from "./regions.ts";
import { registerTokenCommand } from "./token.ts";

const program = new Command("hireloop")
  .description("Hireloop operator CLI: the local platform, identities for development, and cell operations")
  .showHelpAfterError();

registerLocalCommands(program);
registerTokenCommand(program);
registerRegionsCommand(program);
registerDlqCommands(program);
registerControlCommands(program);

await program.parseAsync(process.argv);
