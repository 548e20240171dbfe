import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'web/dist/**',
      'web/src/api/**',
      'node_modules/**',
      '.data/**',
      '.tools/**',
      'coverage/**',
      'test/contract/client-driver/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Typed rules everywhere: a promise nobody awaits is a lost error, in the API as in workflows.
    files: ['**/*.ts', '**/*.cts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // Activities are built on the API's repositories; only the worker's entry point reaches back into activities/.
    files: ['src/**/*.ts'],
    ignores: ['src/worker.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/activities/**'],
              message: 'src/ must not depend on activities/ (the worker entry point excepted).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON bodies whose shape the assertions check.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code is replayed: it must be deterministic and must not reach outside the sandbox.
    files: ['workflows/**/*.ts', 'workflows/**/*.cts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must not use Node built-ins.' })),
          patterns: [
            {
              group: ['**/src/**', '**/activities/**', '../src', '../activities'],
              allowTypeImports: true,
              message: 'Workflows may only import types from src/ and activities/.',
            },
            {
              group: [
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                '@mikro-orm/*',
                'pg',
                '@nestjs/*',
              ],
              message: 'Not allowed in workflow code.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Use workflow time from activities or Temporal; not the wall clock.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'Use uuid4() from @temporalio/workflow; Math.random breaks replay.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the clock; take time from activities or inputs.',
        },
        { selector: "Identifier[name='process']", message: 'No process access in workflow code.' },
      ],
    },
  },
  {
    // Contracts are imported by the API and activities; they import nothing from them.
    files: ['workflows/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/**',
                '**/activities/**',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                '@nestjs/*',
              ],
              message: 'Contracts hold types, constants and message definitions only.',
            },
          ],
        },
      ],
    },
  },
);
