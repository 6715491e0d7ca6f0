import { DomainError } from '@registry/domain';
import { SingleQueryValuesPipe } from './query-parameters';

describe('SingleQueryValuesPipe', () => {
  const pipe = new SingleQueryValuesPipe();
  const fieldsOf = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
      return ((error as DomainError).details.errors as { field: string }[]).map((e) => e.field);
    }
    return [];
  };

  it('passes single values, absent ones, and everything that is not a query', () => {
    expect(pipe.transform('a', { type: 'query', data: 'number', metatype: String })).toBe('a');
    expect(pipe.transform(undefined, { type: 'query', data: 'number', metatype: String })).toBeUndefined();
    expect(pipe.transform({ number: 'a', lang: 'en' }, { type: 'query', metatype: Object })).toEqual({ number: 'a', lang: 'en' });
    expect(pipe.transform(['a', 'b'], { type: 'body', metatype: Object })).toEqual(['a', 'b']);
  });

  it('refuses a named parameter given twice, naming it', () => {
    expect(fieldsOf(() => pipe.transform(['a', 'b'], { type: 'query', data: 'number', metatype: String }))).toEqual(['number']);
    expect(fieldsOf(() => pipe.transform(['a', 'b'], { type: 'query', data: 'serial', metatype: Object }))).toEqual(['serial']);
  });

  it('refuses a repeated parameter inside a whole-object @Query(), naming it', () => {
    expect(fieldsOf(() => pipe.transform({ lang: 'en', number: ['a', 'b'] }, { type: 'query', metatype: Object }))).toEqual(['number']);
    expect(fieldsOf(() => pipe.transform({ serial: { a: '1' } }, { type: 'query', metatype: Object }))).toEqual(['serial']);
  });

  it('lets a handler that declares an array take a list', () => {
    expect(pipe.transform(['a', 'b'], { type: 'query', data: 'serial', metatype: Array })).toEqual(['a', 'b']);
  });
});
