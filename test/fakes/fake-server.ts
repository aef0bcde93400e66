/**
 * TEST DATA / TEST FAKE. A local HTTP server a test starts on 127.0.0.1 (random port), standing in
 * for a message provider: it records each request it accepted, refuses badly signed ones the way
 * the provider answers them, and can be told to fail the next requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest { method: string; url: string; headers: IncomingMessage['headers']; body: string }
export type Handler = (req: FakeRequest) => { status: number; body: unknown };

export interface FakeServer {
  url: string;
  /** requests the fake accepted as correctly signed and sent */
  accepted: Record<string, unknown>[];
  /** requests refused for a bad signature or format */
  refused: { reason: string }[];
  /** the next `times` requests get the provider's error `code` */
  failNext(times: number, code?: string): void;
  close(): Promise<void>;
}

export async function startFake(handle: (req: FakeRequest, state: { failing: number; failCode: string }) => { status: number; body: unknown }): Promise<{ url: string; close(): Promise<void>; state: { failing: number; failCode: string } }> {
  const state = { failing: 0, failCode: '' };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const out = handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, state);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
