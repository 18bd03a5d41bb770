import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TFakeOpenAiServer {
  baseURL: string;
  /** Every request body received, verbatim, in order. */
  bodies: string[];
  close(): Promise<void>;
}

const usage = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 };

/** The streaming form (`stream: true`): one server-sent chunk per word, usage in the last one. */
function streamCompletion(res: ServerResponse, model: string, content: string, n: number): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const base = { id: `chatcmpl-${n}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
  const words = content.match(/\S+\s*|\s+/g) ?? [];
  res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`);
  for (const word of words) res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: word }, finish_reason: null }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}

/**
 * An OpenAI-compatible chat endpoint on loopback for tests: records the exact request bodies
 * and answers `/chat/completions` with `reply(body)` (a function of the parsed request), whole
 * or, when the request asks to stream, word by word.
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
      const parsed = JSON.parse(body) as { model: string; stream?: boolean; messages: { role: string; content: unknown }[] };
      const content = reply(parsed);
      if (parsed.stream) {
        streamCompletion(res, parsed.model, content, bodies.length);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${bodies.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage,
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
