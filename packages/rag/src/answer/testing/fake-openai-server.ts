import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TFakeOpenAiServer {
  baseURL: string;
  /** Every request body received, verbatim, in order. */
  bodies: string[];
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible chat endpoint on loopback for tests: records the exact request bodies
 * and answers `/chat/completions` with `reply(body)` (a function of the parsed request).
 */
export async function startFakeOpenAiServer(reply: (request: { messages: { role: string; content: unknown }[] }) => string): Promise<TFakeOpenAiServer> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      if (!req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const parsed = JSON.parse(body) as { model: string; messages: { role: string; content: unknown }[] };
      const content = reply(parsed);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${bodies.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
