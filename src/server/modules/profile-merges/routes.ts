import type { FastifyInstance } from 'fastify';

export async function profileMergeRoutes(_app: FastifyInstance) {}
