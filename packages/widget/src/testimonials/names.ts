/**
 * The name a testimonial shows: the one the customer agreed to show ("Amara O."), or only its
 * initials ("A. O."); null when they gave none.
 */
export function displayName(author: string | null | undefined, initials: boolean): string | null {
  const name = author?.trim();
  if (!name) return null;
  return initials ? name.split(/\s+/).map((word) => `${[...word][0]}.`).join(' ') : name;
}
