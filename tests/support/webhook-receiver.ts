/**
 * A real HTTP receiver for the worker's delivery tests, started in Node by vitest's globalSetup
 * (packages/worker/vitest.config.ts, and tests/vitest.config.ts for the dashboard's settings):
 * workerd, where the tests and the queue consumer run, fetches it on 127.0.0.1. Each path is its own receiver
 * and records every request it gets, headers and raw body, readable at GET /received/<path>.
 * How it answers is set by the path's query:
 *   ?fail=N      the first N requests get `status` (503 by default), the rest 200
 *   ?status=410  every request gets this status
 *   ?hang=MS     answers only after MS milliseconds (a receiver that times out)
 *   ?drop=1      closes the connection without an answer (a receiver that crashed)
 * Tests get the base URL with inject('receiverUrl').
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { TestProject } from 'vitest/node';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    receiverUrl: string;
  }
}

export default async function startReceiver(project: TestProject) {
  const received = new Map<string, Received[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://receiver');
      if (req.method === 'GET' && url.pathname.startsWith('/received/')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(received.get(url.pathname.slice('/received'.length)) ?? []));
        return;
      }
      const got = received.get(url.pathname) ?? [];
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      received.set(url.pathname, got);

      if (url.searchParams.has('drop')) {
        req.socket.destroy();
        return;
      }
      const fail = Number(url.searchParams.get('fail') ?? 0);
      const status = Number(url.searchParams.get('status') ?? (got.length <= fail ? 503 : 200));
      const answer = () => {
        res.statusCode = status;
        res.end(status < 300 ? 'ok' : `refused: attempt ${got.length}`);
      };
      const hang = Number(url.searchParams.get('hang') ?? 0);
      if (hang) setTimeout(answer, hang).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  project.provide('receiverUrl', `http://127.0.0.1:${port}`);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
