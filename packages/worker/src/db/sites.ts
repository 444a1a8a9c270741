export interface Site {
  id: string;
  name: string;
  /** Origins allowed to send feedback from a browser, e.g. "https://shop.example". */
  origins: string[];
}

/** Whether any site allows this origin: all a CORS preflight, which carries no key, can ask. */
export async function isAllowedOriginOfAnySite(db: D1Database, origin: string): Promise<boolean> {
  const row = await db.prepare('SELECT 1 FROM site_origins WHERE origin = ? LIMIT 1').bind(origin).first();
  return row !== null;
}
