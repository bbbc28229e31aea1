import type { FastifyInstance } from 'fastify';

export async function sharingRoutes(_app: FastifyInstance) {}
