import { access, constants, readdir, readFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { LocalPlatformError } from "./errors.ts";

/** The installed programs the platform runs; infra/local/install.sh provides all of them. */
export type Toolchain = {
  /** e.g. /usr/lib/postgresql/15/bin (postgres, initdb). */
  postgresBinDir: string;
  redisServer: string;
  java: string;
  /** util-linux's setpriv, to run Postgres as the postgres user when the CLI runs as root. */
  setpriv: string;
  kafkaVersion: string;
  /** The Kafka broker and MirrorMaker 2 jars, laid out by Maven. */
  kafkaLibsDir: string;
  /** Jaeger's binary, relative to the repository (install.sh builds it from infra/local/jaeger/go.mod). */
  jaegerBinary: string;
};

const INSTALL_HINT = "run infra/local/install.sh (make up and make test run it)";

export async function findToolchain(repoRoot: string): Promise<Toolchain> {
  const [postgresBinDir, redisServer, java, setpriv, kafka, jaegerBinary] = await Promise.all([
    findPostgresBinDir(),
    findOnPath("redis-server"),
    findOnPath("java"),
    findOnPath("setpriv"),
    findKafkaLibs(repoRoot),
    jaegerBinaryOf(repoRoot),
  ]);
  return {
    postgresBinDir,
    redisServer,
    java,
    setpriv,
    kafkaVersion: kafka.version,
    kafkaLibsDir: kafka.libsDir,
    jaegerBinary,
  };
}

/**
 * Where install.sh puts the Jaeger it builds: .cache/jaeger/<version>/jaeger, the version read from
 * the tools module's go.mod as install.sh reads it. The process that runs it requires the file, so
 * a platform whose Jaeger is not built yet skips it rather than failing.
 */
export async function jaegerBinaryOf(repoRoot: string): Promise<string> {
  const goMod = await readFile(join(repoRoot, "infra", "local", "jaeger", "go.mod"), "utf8");
  const version = /^\s*github\.com\/jaegertracing\/jaeger (v[^\s]+)/m.exec(goMod)?.[1];
  if (version === undefined) {
    throw new LocalPlatformError(
      "tool_missing",
      "infra/local/jaeger/go.mod requires no jaegertracing/jaeger",
    );
  }
  return join(".cache", "jaeger", version, "jaeger");
}

/** Debian installs each major version side by side; the newest one wins. */
async function findPostgresBinDir(): Promise<string> {
  const root = "/usr/lib/postgresql";
  const versions = (await readdir(root).catch(() => []))
    .filter((entry) => /^\d+$/.test(entry))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const binDir = join(root, version, "bin");
    if (await isExecutable(join(binDir, "postgres"))) return binDir;
  }
  throw new LocalPlatformError("tool_missing", `no PostgreSQL server under ${root}: ${INSTALL_HINT}`);
}

async function findOnPath(program: string): Promise<string> {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, program);
    if (await isExecutable(candidate)) return candidate;
  }
  throw new LocalPlatformError("tool_missing", `${program} is not on PATH: ${INSTALL_HINT}`);
}

/** The pom is the single place the Kafka version is written down; install.sh reads it the same way. */
export async function findKafkaLibs(repoRoot: string): Promise<{ version: string; libsDir: string }> {
  const pom = await readFile(join(repoRoot, "infra", "local", "kafka", "pom.xml"), "utf8");
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
  if (version === undefined) {
    throw new LocalPlatformError("tool_missing", "infra/local/kafka/pom.xml has no <kafka.version>");
  }
  const libsDir = join(repoRoot, ".cache", "kafka", version, "libs");
  try {
    await access(join(libsDir, `kafka_2.13-${version}.jar`));
  } catch {
    throw new LocalPlatformError(
      "tool_missing",
      `Kafka ${version} jars are not in ${libsDir}: ${INSTALL_HINT}`,
    );
  }
  return { version, libsDir };
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
