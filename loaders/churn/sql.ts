// The churn loaders' queries live beside them in loaders/churn/*.sql (named parameters such as $cutoff).
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

export function churnSql(name: string): string {
  return readFileSync(join(HERE, `${name}.sql`), "utf8");
}
