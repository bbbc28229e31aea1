import type { FastifyInstance } from 'fastify';

export async function lookupRoutes(_app: FastifyInstance) {}
