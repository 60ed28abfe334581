// Lint rules for the TypeScript of the extension, the server, the tests and the benchmarks:
// ESLint's and typescript-eslint's recommended rules, and one of the house's own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test/fixtures/**', 'test-results/**', 'bench-results/**', 'tmp/**', '.stryker-tmp*/**', 'reports/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // An argument spread of input-sized arrays (`push(...found)`) overflows the stack on large input.
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement', message: 'Spread arguments overflow the stack on large input: loop, or concatenate arrays.' },
      ],
      // A leading underscore marks what a signature must name but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
