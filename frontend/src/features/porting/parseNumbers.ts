/** Numbers may be pasted one per line or separated by commas or spaces. */
export function parseNumbers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((number) => number.trim())
        .filter(Boolean),
    ),
  ];
}
