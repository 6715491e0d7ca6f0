// One swc transform for every jest project: Nest needs legacy decorators and their metadata.
const options = (tsx) => ({
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      // The web pages' TSX, as tsconfig.json compiles it: @kitajs/html's automatic runtime (HTML strings).
      ...(tsx ? { react: { runtime: 'automatic', importSource: '@kitajs/html' } } : {}),
    },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
});

// .ts files keep the TypeScript parser without TSX, where `<T>value` is a cast, not an element.
module.exports = ['@swc/jest', options(false)];
module.exports.tsx = ['@swc/jest', options(true)];
