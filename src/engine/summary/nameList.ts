/**
 * A list of school names for one cell or one message. A sheet cell holds at most 50 000 characters,
 * so a long list is cut after `max` names with «и ещё N» (the full lists are in the sheets named by
 * the caller).
 */
export function nameList(names: string[], separator = ', ', max = 30): string {
  if (names.length <= max) return names.join(separator);
  return `${names.slice(0, max).join(separator)}${separator}и ещё ${names.length - max}`;
}

/** Splits a long list into parts small enough for one journal message each. */
export function inParts<T>(list: T[], size = 200): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
  return parts;
}
