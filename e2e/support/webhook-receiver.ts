import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A real HTTP server on loopback that records what it is sent and answers 204 (or what `answer` says). */
export async function startWebhookReceiver(answer: (request: ReceivedWebhook) => number = () => 204) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const entry = { path: request.url ?? "", headers: request.headers as Record<string, string>, body };
      received.push(entry);
      response.writeHead(answer(entry)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
