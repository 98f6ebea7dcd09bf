import { Command } from "commander";
import { registerDlqCommands } from "./dlq.ts";
import { registerLocalCommands } from "./local/index.ts";
import { registerTokenCommand } from "./token.ts";

const program = new Command("hireloop")
  .description("Hireloop operator CLI: the local platform, identities for development, and cell operations")
  .showHelpAfterError();

registerLocalCommands(program);
registerTokenCommand(program);
registerDlqCommands(program);

await program.parseAsync(process.argv);
