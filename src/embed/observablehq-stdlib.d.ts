// Types of Framework's built-in module, as far as the exported modules of this folder use it (Framework resolves
// it at build time; TypeScript only checks the calls).
declare module "observablehq:stdlib" {
  export function FileAttachment(name: string): {json(): Promise<unknown>; url(): Promise<string>; href: string};
}
