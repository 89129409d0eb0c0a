/** An error's message in one line (an engine's or a worker's error carries more: its context, its stack). */
export const firstLine = (e: unknown) => String(e instanceof Error ? e.message : e).split('\n')[0]!;
