import type { FastifyInstance } from 'fastify';

/**
 * Many HTTP clients send `Content-Type: application/json` on every request, including a POST
 * that has nothing to say (`/tasks/:id/accept`, `/assessments/:id/complete`). Such an empty body
 * is read as no body at all instead of malformed JSON; anything else goes to Fastify's own
 * parser, which keeps its guard against prototype poisoning.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
