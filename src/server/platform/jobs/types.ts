/** Background work through pg-boss, in both database modes. */
export interface Jobs {
  send(name: string, data: Record<string, unknown>, options?: { startAfterSeconds?: number }): Promise<void>;
  work(name: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
