import type { TestApp } from '../../../test/harness.ts';
import { people } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for how-to help and the suggestion box (route-walk.test.ts spreads these
 * into its own tables): how to call each route, and which answer a stranger by design. Both are
 * the whole partnership's, read by all its staff; only its system administrators change help or
 * answer suggestions, and another partnership has its own.
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';

const made = { suggestionId: '', version: 1 };
const by = 'Changed by a stranger';

/** A suggestion of Demo County, made by the owning team's officer. */
export async function prepareHelp(t: TestApp): Promise<void> {
  const posted = await (await t.as(people.police)).post('/api/v1/suggestions', { title: 'Walk suggestion', body: 'Made for the walk.' });
  if (posted.statusCode !== 201) throw new Error(`could not make a suggestion: ${posted.statusCode} ${posted.body}`);
  made.suggestionId = posted.json().id;
  made.version = posted.json().version;
}

export const helpWalk = {
  'GET /api/v1/help/articles': () => ({}),
  'GET /api/v1/help/search': () => ({ query: { q: 'suggestion' } }),
  'GET /api/v1/help/articles/:slug': () => ({ params: { slug: 'suggestion-box' } }),
  'GET /api/v1/help/articles/:slug/versions': () => ({ params: { slug: 'suggestion-box' } }),
  'POST /api/v1/help/articles': () => ({ body: { slug: 'by-a-stranger', title: by, body: by } }),
  'PUT /api/v1/help/articles/:slug': () => ({ params: { slug: 'suggestion-box' }, body: { title: by, body: by, screens: [], version: 1 } }),
  'POST /api/v1/help/preview': () => ({ body: { body: by } }),
  'GET /api/v1/suggestions': () => ({ query: { limit: 200 } }),
  'POST /api/v1/suggestions': () => ({ body: { title: by, body: by } }),
  'PUT /api/v1/suggestions/:id/support': () => ({ params: { id: made.suggestionId }, body: {} }),
  'DELETE /api/v1/suggestions/:id/support': () => ({ params: { id: made.suggestionId }, body: {} }),
  'POST /api/v1/suggestions/:id/answer': () => ({ params: { id: made.suggestionId }, body: { body: by } }),
  'PATCH /api/v1/suggestions/:id': () => ({ params: { id: made.suggestionId }, body: { status: 'declined', version: made.version } }),
};

const everyone: Stranger[] = ['council', 'councilAdmin', 'other', 'readOnly'];
const partnership: Stranger[] = ['council', 'councilAdmin', 'readOnly'];

export const helpExceptions: Record<string, { who: Stranger[] | 'skip'; reason: string }> = {
  'GET /api/v1/help/articles': { who: everyone, reason: 'the caller\'s partnership\'s how-to articles, read by all its staff: no record data' },
  'GET /api/v1/help/search': { who: everyone, reason: 'a search of the caller\'s partnership\'s how-to articles: no record data' },
  'GET /api/v1/help/articles/:slug': { who: everyone, reason: 'the caller\'s partnership\'s own article at that address (every partnership has one): no record data' },
  'GET /api/v1/help/articles/:slug/versions': { who: everyone, reason: 'the earlier versions of the caller\'s partnership\'s own article: no record data' },
  'GET /api/v1/suggestions': { who: everyone, reason: 'the caller\'s partnership\'s suggestion box, read by all its staff: no record data' },
  'POST /api/v1/suggestions': { who: everyone, reason: 'anyone, read-only staff too, makes a suggestion in their own partnership\'s box' },
  'PUT /api/v1/suggestions/:id/support': { who: partnership, reason: 'anyone in the partnership, read-only staff too, supports its suggestions' },
  'DELETE /api/v1/suggestions/:id/support': { who: partnership, reason: 'the caller\'s own support of a suggestion of their partnership' },
};
