// Types of serve-renderer.mjs for the TypeScript tests that start it.
import type { Server } from 'node:http';

export function serveRenderer(port?: number): Promise<{ server: Server; url: string }>;
