import { Module } from '@nestjs/common';
import { LogSequencer } from './log-sequencer';

/** The log's sequencer, for the long-running processes (API, worker); the lease keeps it one at a time. */
@Module({ providers: [LogSequencer], exports: [LogSequencer] })
export class LogSequencerModule {}
