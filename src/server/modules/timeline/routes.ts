import type { FastifyInstance } from 'fastify';

export async function timelineRoutes(_app: FastifyInstance) {}
