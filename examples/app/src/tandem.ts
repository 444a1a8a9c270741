/**
 * Tandem for the whole app: one client, told who the customer is, that sends the app's own
 * reports through the offline queue. Messages it could not send wait in localStorage and go
 * when the browser is back online or the next page loads; a page that closes hands them to
 * sendBeacon.
 */
import { createClient } from '@tandem/sdk';

/** The site's publishable key: safe in a web page. (The demo site's, from Tandem's local seed.) */
export const SITE_KEY = 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d';

/**
 * Where the Tandem worker runs. Here the worker serves this page too (`npm start`); in production
 * it is your Tandem origin, e.g. https://feedback.northwind.example, and the page's
 * Content-Security-Policy allows it in connect-src.
 */
export const ENDPOINT = location.origin;

export const tandem = createClient({ siteKey: SITE_KEY, endpoint: ENDPOINT });

/** Sends what earlier visits left waiting, and keeps sending whatever this page leaves. */
export function keepTheQueueMoving(): void {
  addEventListener('online', () => void tandem.flush());
  addEventListener('pagehide', () => tandem.beacon());
  void tandem.flush();
}
