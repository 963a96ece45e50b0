// The recommendation loaders' queries live beside them in loaders/recommendations/*.sql.
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

export function recsSql(name: string): string {
  return readFileSync(join(HERE, `${name}.sql`), "utf8");
}
