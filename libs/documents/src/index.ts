export * from './tables/formula-cells';
export * from './tables/table-export';
export * from './tables/list-columns';
export * from './tables/register-columns';
