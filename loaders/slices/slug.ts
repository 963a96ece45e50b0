// URL-safe, unique names for the templated pages (/states/SP, /categories/bed_bath_table). Names come from the
// data, so anything outside letters, digits and "_" becomes "-"; accents are dropped.
export function slug(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return ascii.replace(/[^A-Za-z0-9_]+/g, "-").replace(/^-+|-+$/g, "") || "unnamed";
}

/**
 * A slug per name, in the order given, made unique with "-2", "-3"… Uniqueness ignores case, so that two pages
 * never share a file on a case-insensitive file system.
 */
export function uniqueSlugs(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = slug(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
