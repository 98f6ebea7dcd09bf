import { join } from "node:path";
import { type ProfileName, profileTopologies, type Topology } from "./topology.ts";

/** A topology placed on disk: where its state, logs and pm2 daemon live. */
export type LocalProfile = {
  name: string;
  repoRoot: string;
  topology: Topology;
  /** Everything the platform writes at run time: data directories, rendered configs, keys. */
  stateDir: string;
  logsDir: string;
  /** Each profile has its own pm2 daemon, so tests never disturb a running dev platform. */
  pm2Home: string;
  /** Written once every process is healthy; test fixtures and `hireloop token` read it. */
  platformFile: string;
  keysDir: string;
};

export function placeProfile(
  name: string,
  topology: Topology,
  repoRoot: string,
  stateDir: string,
): LocalProfile {
  return {
    name,
    repoRoot,
    topology,
    stateDir,
    logsDir: join(stateDir, "logs"),
    pm2Home: join(stateDir, "pm2"),
    platformFile: join(stateDir, "platform.json"),
    keysDir: join(stateDir, "keys"),
  };
}

/** The built-in profiles keep their state in the repository's ignored `.local/<profile>/`. */
export function builtInProfile(name: ProfileName, repoRoot: string): LocalProfile {
  return placeProfile(name, profileTopologies[name], repoRoot, join(repoRoot, ".local", name));
}
