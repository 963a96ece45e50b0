// The templated pages' queries live beside their code, in loaders/slices/sql/*.sql.
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), "sql");

export function sliceSql(name: string): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), "utf8");
}
