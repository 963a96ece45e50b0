// Loader queries live in loaders/sql/*.sql; each takes named parameters such as $analysis_date.
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), "sql");

export function sql(name: string): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), "utf8");
}
