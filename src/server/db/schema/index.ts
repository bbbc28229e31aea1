export * from './structure.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './platform.ts';
