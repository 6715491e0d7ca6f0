import { Injectable } from '@nestjs/common';

/** Whether this process has been told to stop: readiness then answers 503 so that a load balancer drains it. */
@Injectable()
export class ShutdownState {
  private stopping = false;

  begin(): void {
    this.stopping = true;
  }

  get isShuttingDown(): boolean {
    return this.stopping;
  }
}
