// Every query of the loaders lives in loaders/sql/, one folder per area (warehouse/, churn/, slices/…), and is read
// by name: sql("kpis"), sql("churn/labels"). Queries take named parameters such as $analysis_date.
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), "sql");

/** The text of loaders/sql/NAME.sql; NAME may include its area folder ("churn/labels"). */
export function sql(name: string): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), "utf8");
}

/** A string as an SQL literal, and a name as an SQL identifier, for the few values that cannot be parameters. */
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
