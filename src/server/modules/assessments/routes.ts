import type { FastifyInstance } from 'fastify';

export async function assessmentRoutes(_app: FastifyInstance) {}
