/** Nest injection token for the validated RegistryConfig. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
