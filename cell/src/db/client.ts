import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres, { type Sql } from "postgres";
import * as schema from "./schema/index.ts";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle: the same query API as Database, bound to one transaction. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  sql: Sql;
  close(): Promise<void>;
}

export function connectDatabase(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "hireloop-cell", statement_timeout: 30_000 },
  });
  const db = drizzle(preparingStatements(sql), { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

type Work = (sql: Sql) => unknown;

/**
 * drizzle asks postgres.js not to prepare its statements (for poolers in transaction mode, which a
 * cell never sits behind), and postgres.js then sends each statement with parameters in two round
 * trips (one to learn the parameters' types, one to run it) and Postgres parses and plans it every
 * time. Prepared, as postgres.js prepares its own queries, a statement is parsed once per
 * connection and then runs in one round trip (ADR 0038). Transactions and savepoints hand drizzle
 * a scoped client, which prepares likewise.
 */
function preparingStatements(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: never[], options?: object) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const work = args.pop() as Work;
          return open(...args, (scoped: Sql) => work(preparingStatements(scoped)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
