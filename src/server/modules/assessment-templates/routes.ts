import type { FastifyInstance } from 'fastify';

export async function assessmentTemplateRoutes(_app: FastifyInstance) {}
