import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/api/common.ts';
import { photoQuery, profile } from '../../../shared/api/profiles.ts';
import { UnsupportedFileTypeError } from '../../platform/files/images.ts';
import { who } from '../../platform/http/types.ts';
import { createPhotoService } from './photos.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';

const tags = ['profiles'];
const maxPhotoBytes = 10 * 1024 * 1024;
const imageTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

/**
 * Photos travel as raw bytes, not JSON. The parser is registered in this plugin only, so no
 * other route accepts a binary body; what the bytes are is decided from their content, never
 * from the declared type.
 */
export async function photoRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const photos = createPhotoService({ runner: app.platform.runner, files: app.platform.files });

  app.addContentTypeParser(imageTypes, { parseAs: 'buffer', bodyLimit: maxPhotoBytes }, (_request, body, done) => done(null, body));

  api.put('/api/v1/profiles/:id/photo', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    bodyLimit: maxPhotoBytes,
    schema: {
      tags,
      summary: 'Set the photo: the image bytes as the body (JPEG, PNG or WebP, up to 10 MB); metadata such as GPS position is removed',
      params: idParams,
      querystring: photoQuery,
      response: { 200: profile },
    },
  }, (request) => {
    if (!Buffer.isBuffer(request.body)) throw new UnsupportedFileTypeError('Send the image itself as the body, with an image content type.');
    return photos.upload(who(request), request.params.id, request.query.version, request.body);
  });

  api.delete('/api/v1/profiles/:id/photo', {
    config: { permission: 'records.edit', actors: staffAndSystems },
    schema: { tags, summary: 'Remove the photo', params: idParams, querystring: photoQuery, response: { 200: profile } },
  }, (request) => photos.remove(who(request), request.params.id, request.query.version));

  for (const [path, size] of [['/api/v1/profiles/:id/photo', 'full'], ['/api/v1/profiles/:id/photo/thumbnail', 'thumbnail']] as const) {
    api.get(path, {
      config: { permission: 'records.view', actors: staffAndSystems },
      schema: { tags, summary: size === 'full' ? 'The photo (its viewing is audited)' : 'The 160×160 thumbnail', params: idParams },
      // Runs after the application-wide no-store hook: a photo of a person is for this viewer only.
      onSend: async (_request, reply, payload) => {
        reply.header('cache-control', 'private, no-store');
        return payload;
      },
    }, async (request, reply) => {
      const photo = await photos.read(who(request), request.params.id, size);
      return reply.type(photo.contentType).send(photo.bytes);
    });
  }
}
