import type { TestProject } from 'vitest/node';
import { createTestTemplates } from './template.ts';

/**
 * The api project's globalSetup: migrates and seeds the demo once per run, on PGlite or on the
 * TEST_DATABASE_URL server, and hands the templates to the test files, which copy them.
 */
export default async function setup(project: TestProject) {
  const { templates, remove } = await createTestTemplates(process.env.TEST_DATABASE_URL);
  project.provide('concordTestTemplates', templates);
  return remove;
}
