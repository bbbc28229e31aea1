import { createServer, type Server } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent } from '../../test/harness.ts';

/** A minimal, valid one-page PDF. */
export function pdfBytes(text = 'Hello'): Buffer {
  const body = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj
4 0 obj << /Length 36 >> stream
BT /F1 12 Tf 20 100 Td (${text}) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;
  return Buffer.from(body, 'latin1');
}

export const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export function upload(agent: Agent, url: string, bytes: Buffer, type = 'application/octet-stream'): Promise<LightMyRequestResponse> {
  return agent.request('POST', url, bytes, { 'content-type': type });
}

export function query(values: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();
}

/**
 * A stand-in for clamd on a real TCP port, speaking its INSTREAM protocol: it reassembles the
 * length-prefixed chunks and answers FOUND for the EICAR test string, OK for anything else.
 */
export async function fakeClamd(): Promise<{ port: number; scanned: Buffer[]; close(): Promise<void> }> {
  const scanned: Buffer[] = [];
  const server: Server = createServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      const command = 'zINSTREAM\0';
      if (received.length < command.length) return;
      if (received.subarray(0, command.length).toString() !== command) {
        socket.end('UNKNOWN COMMAND\0');
        return;
      }
      const chunks: Buffer[] = [];
      let offset = command.length;
      while (offset + 4 <= received.length) {
        const length = received.readUInt32BE(offset);
        if (length === 0) {
          const file = Buffer.concat(chunks);
          scanned.push(file);
          socket.end(file.includes(eicar) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (offset + 4 + length > received.length) return;
        chunks.push(received.subarray(offset + 4, offset + 4 + length));
        offset += 4 + length;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, scanned, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port on this machine that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}
