// URL segments of the templated pages: safe characters only, unique even when names differ only by case.
import {describe, expect, test} from "vitest";
import {slug, uniqueSlugs} from "../loaders/slices/slug.js";

describe("slugs", () => {
  test("names from the data become URL-safe", () => {
    expect(slug("SP")).toBe("SP");
    expect(slug("bed_bath_table")).toBe("bed_bath_table");
    expect(slug("(no category)")).toBe("no-category");
    expect(slug("São Paulo")).toBe("Sao-Paulo");
    expect(slug("a/../b")).toBe("a-b");
    expect(slug("<script>alert(1)</script>")).toBe("script-alert-1-script");
    expect(slug("???")).toBe("unnamed");
  });

  test("collisions get a number, ignoring case", () => {
    expect(uniqueSlugs(["a b", "a-b", "A/B", "c"])).toEqual(["a-b", "a-b-2", "A-B-3", "c"]);
    expect(uniqueSlugs(["SP", "sp"])).toEqual(["SP", "sp-2"]);
  });
});
