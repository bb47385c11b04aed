/**
 * A list the server sent as JSON; malformed or missing JSON is an empty list, so that a bad property never breaks the
 * component that shows it.
 */
export function parseList<T>(json: string | null | undefined): T[] {
  try {
    const list = JSON.parse(json || '[]');
    return Array.isArray(list) ? (list as T[]) : [];
  } catch {
    return [];
  }
}
