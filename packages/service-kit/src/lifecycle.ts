import type { Logger } from "./logger.ts";

type Closer = () => Promise<unknown> | unknown;

/**
 * Runs shutdown steps in reverse order of registration on SIGTERM/SIGINT: stop taking
 * requests, stop consumers, drain NATS, close the database. A second signal exits at once.
 */
export class Lifecycle {
  private closers: Array<[string, Closer]> = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly log: Logger) {}

  onStop(name: string, close: Closer): void {
    this.closers.push([name, close]);
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const [name, close] of [...this.closers].reverse()) {
        try {
          await close();
        } catch (err) {
          this.log.warn({ err, step: name }, "shutdown step failed");
        }
      }
    })();
    return this.stopping;
  }

  handleSignals(): void {
    const onSignal = (signal: string) => {
      if (this.stopping) process.exit(1);
      this.log.info({ signal }, "shutting down");
      const force = setTimeout(() => process.exit(1), 10_000).unref();
      void this.stop().then(() => {
        clearTimeout(force);
        process.exit(0);
      });
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  }
}
