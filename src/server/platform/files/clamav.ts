import { connect } from 'node:net';
import { AppError } from '../errors.ts';

/** The scanner found a virus: the file is refused and nothing of it is kept. */
export class InfectedFileError extends AppError {
  readonly status = 422;
  readonly code = 'infected';
  constructor() {
    super('The virus scanner found something harmful in this file, so it was not uploaded.');
  }
}

/** A scanner is configured but could not give a verdict: nothing is stored unscanned. */
export class ScannerUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'scanner_unavailable';
  constructor() {
    super('The virus scanner is not available, so the file could not be checked or uploaded. Please try again later.');
  }
}

export interface ClamavAddress {
  host: string;
  port: number;
}

const chunkBytes = 64 * 1024;
const timeoutMs = 60_000;

/**
 * Sends the bytes to clamd with its INSTREAM command (each chunk preceded by its length as four
 * big-endian bytes, a zero length to end) and resolves when the daemon calls them clean. A
 * "FOUND" verdict is an InfectedFileError; anything else (no connection, a timeout, an error
 * reply such as the daemon's own size limit) is ScannerUnavailableError.
 */
export function scanWithClamav(address: ClamavAddress, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    const replies: Buffer[] = [];
    let settled = false;
    const finish = (error: AppError | null) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const verdict = () => {
      const reply = Buffer.concat(replies).toString('utf8').replace(/\0+$/, '').trim();
      if (/\bOK$/.test(reply)) finish(null);
      else if (/\bFOUND$/.test(reply)) finish(new InfectedFileError());
      else finish(new ScannerUnavailableError());
    };
    socket.setTimeout(timeoutMs, () => finish(new ScannerUnavailableError()));
    socket.on('error', () => finish(new ScannerUnavailableError()));
    socket.on('data', (data) => {
      replies.push(data);
      if (data.includes(0)) verdict();
    });
    socket.on('end', verdict);
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
        const chunk = bytes.subarray(offset, offset + chunkBytes);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        socket.write(length);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
