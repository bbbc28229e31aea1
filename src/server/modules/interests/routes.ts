import type { FastifyInstance } from 'fastify';

export async function interestRoutes(_app: FastifyInstance) {}
