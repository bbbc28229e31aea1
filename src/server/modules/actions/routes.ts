import type { FastifyInstance } from 'fastify';

export async function actionRoutes(_app: FastifyInstance) {}
