import type { FastifyInstance } from 'fastify';

export async function profileImportRoutes(_app: FastifyInstance) {}
