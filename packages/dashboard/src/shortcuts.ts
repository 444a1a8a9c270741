/**
 * The inbox's keyboard shortcuts: single keys, as in mail clients. They never fire while the
 * person types in a field (or with Ctrl, Alt or Meta held), so words like "jar" stay words.
 */

/** Each shortcut and what it does, for the help the inbox shows and the README. */
export const SHORTCUTS = [
  { key: 'j', does: 'next message' },
  { key: 'k', does: 'previous message' },
  { key: 'r', does: 'resolve the open message' },
  { key: 'a', does: 'assign the open message' },
  { key: 'n', does: 'write an internal note' },
  { key: '/', does: 'search' },
  { key: 'Esc', does: 'leave a field, back to the list' },
] as const;

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The element the key went to, looking through shadow roots. */
function target(event: KeyboardEvent): Element | undefined {
  return event.composedPath()[0] as Element | undefined;
}

/** True when the key is text going into a field, not a command. */
export function isTyping(event: KeyboardEvent): boolean {
  const el = target(event);
  return !!el && (TYPING.has(el.tagName) || (el as HTMLElement).isContentEditable);
}

/** The shortcut a keydown is, if any: a plain key pressed outside any field. */
export function shortcutOf(event: KeyboardEvent): string | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return undefined;
  if (isTyping(event)) return undefined;
  return ['j', 'k', 'r', 'a', 'n', '/'].includes(event.key) ? event.key : undefined;
}
