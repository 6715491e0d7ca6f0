'use strict';

/**
 * A server child process the benchmarks can stop (SIGSTOP, every thread) while another one is
 * measured: an idle API still works in the background (the certificate PDFs of its retirement rounds,
 * the log's sequencer), and on two cores that work would fall on whichever process is being measured.
 */
class PausableChild {
  constructor(child) {
    this.child = child;
    this.paused = false;
  }

  pause() {
    if (this.alive() && !this.paused) this.paused = this.child.kill('SIGSTOP');
  }

  resume() {
    if (this.alive() && this.paused) this.child.kill('SIGCONT');
    this.paused = false;
  }

  alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

module.exports = { PausableChild };
