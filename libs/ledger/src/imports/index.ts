import { CreateHoldingsImportUseCase } from './create-holdings-import.use-case';
import { RunHoldingsImportUseCase } from './run-holdings-import.use-case';
import { StartHoldingsImportUseCase } from './start-holdings-import.use-case';
import { HoldingsImportJob } from './holdings-import-job';
import { ImportQueries } from './import.queries';
import { ImportSweepScheduler, SweepImportsUseCase } from './sweep-imports.use-case';

export * from './import-ports';
export * from './holdings-format';
export * from './holdings-formats';
export * from './holding-row';
export * from './create-holdings-import.use-case';
export * from './run-holdings-import.use-case';
export * from './start-holdings-import.use-case';
export * from './holdings-import-job';
export * from './import.queries';
export * from './sweep-imports.use-case';
export * from './text-charset';

/** What any process with a database can run (the CLI among them: no queue needed). */
export const IMPORT_USE_CASES = [CreateHoldingsImportUseCase, RunHoldingsImportUseCase];

/** The HTTP side: starting an import needs the job queue. */
export const IMPORT_API_USE_CASES = [StartHoldingsImportUseCase, ImportQueries, SweepImportsUseCase];

/** The repair sweep, where the certificate PDF sweep runs (the worker app, or the API with in-process jobs). */
export const IMPORT_SWEEP_PROVIDERS = [SweepImportsUseCase, ImportSweepScheduler];

