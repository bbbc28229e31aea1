import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { UnsupportedFileTypeError } from '../../platform/files/images.ts';

export class FileTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'file_too_large';
  constructor(maxBytes: number) {
    super(`The file is too large: the most you can upload is ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
  }
}

/**
 * Uploads travel as raw bytes with whatever type the browser declared (JSON bodies keep their own
 * parser, for the routes that take JSON). Registered in the documents plugin only, so no other
 * route takes a binary body; what the bytes are is decided from their content. The size limit
 * gets its own error, so the person is told the limit rather than that "the request" was large.
 */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser(['text/plain', '*'], (request, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      payload.resume();
      done(new FileTooLargeError(maxBytes), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > maxBytes) {
        failed = true;
        done(new FileTooLargeError(maxBytes), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!failed) done(null, Buffer.concat(chunks));
    });
    payload.on('error', (error) => {
      if (failed) return;
      failed = true;
      done(error, undefined);
    });
  });
}

/** The uploaded bytes, or a clear refusal when the body was JSON or missing. */
export function fileBody(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    throw new UnsupportedFileTypeError('Send the file itself as the body of the request.');
  }
  return request.body;
}
