// Lint rules double as the layer rules of docs/ARCHITECTURE.md: src/ imports no platform,
// renderer/ never reaches main/ or sync-server/ (only through the typed IPC contract in src/).
// The rooms inside each package (no cycles, features apart) are kept by tests/unit/architecture/.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const platformModules = [
  'electron',
  'react',
  'react-dom',
  'rxdb',
  'rxjs',
  'dexie',
  'zustand',
  'pouchdb',
  'express',
  'express-pouchdb',
  'serialport',
  'node-thermal-printer',
  'ws',
  'fs',
  'path',
  'os',
  'net',
  'http',
  'https',
  'crypto',
  'child_process',
];

const noPlatformPatterns = [
  { group: ['node:*'], message: 'src/ is the pure domain core: no Node built-ins.' },
  {
    group: ['rxdb/*', 'pouchdb-*', '@serialport/*', 'react/*', 'react-dom/*'],
    message: 'src/ imports no platform.',
  },
  {
    group: ['**/main/**', '**/renderer/**', '**/sync-server/**'],
    message: 'src/ depends on nothing of ours.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'dist/',
      'release/',
      'coverage/',
      'docs/',
      '.omnitill-data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformModules.map((name) => ({ name, message: 'src/ imports no platform.' })),
          patterns: noPlatformPatterns,
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/ runs anywhere: no DOM.' },
        { name: 'document', message: 'src/ runs anywhere: no DOM.' },
        { name: 'process', message: 'src/ runs anywhere: pass configuration in.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/ is deterministic: take the current time as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/ is deterministic: take the current time as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/ is deterministic: take a random source as an argument.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the device host only through the IPC contract.',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              group: ['**/main/**', '**/sync-server/**'],
              message: 'renderer/ never imports main/ or sync-server/.',
            },
            {
              group: ['rxdb/plugins/dev-mode', 'rxdb/plugins/validate-*'],
              message:
                'RxDB dev-mode loads remote content and slows every write: tests only (STACK.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/main.ts', 'main/electron/preload.ts'],
    rules: {
      // Only the thin Electron entry points import electron at run time; everything else in
      // main/ is plain Node and runs (and is tested) without Electron.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Only main/electron/main.ts and preload.ts import electron at run time.',
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'Only the renderer imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/main.ts', 'main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'Only the renderer imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The sync-server runs without Electron.' }],
          patterns: [
            {
              group: ['**/renderer/**', '**/main/**'],
              message: 'sync-server/ depends only on src/.',
            },
          ],
        },
      ],
    },
  },
);
