/** Bad input that stops the build: the message names the file and, where it applies, the column and row. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly column?: string
  ) {
    super(message);
    this.name = "InputError";
  }
}
