/**
 * Opaque paging cursors for lists ordered by time, then id: the last item's both, so the next
 * page starts right after it even if that item is deleted meanwhile.
 */

/** The cursor after an item, as base64url text. */
export function encodeCursor(createdAt: string, id: string): string {
  return btoa(`${createdAt} ${id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The time and id in a cursor this API gave out; null for anything else. */
export function decodeCursor(cursor: string, idPattern: RegExp): { createdAt: string; id: string } | null {
  let text: string;
  try {
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
  const [createdAt, id, ...rest] = text.split(' ');
  if (rest.length || !id || !idPattern.test(id) || !createdAt || Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, id };
}
