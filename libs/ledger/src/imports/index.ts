import { CreateHoldingsImportUseCase } from './create-holdings-import.use-case';
import { RunHoldingsImportUseCase } from './run-holdings-import.use-case';

export * from './import-ports';
export * from './holdings-formats';
export * from './holding-row';
export * from './refused-rows-csv';
export * from './create-holdings-import.use-case';
export * from './run-holdings-import.use-case';

/** The import use cases every process with a database can run (the CLI lists them itself). */
export const IMPORT_USE_CASES = [CreateHoldingsImportUseCase, RunHoldingsImportUseCase];
