// Lint: typescript-eslint strict, React hooks, a11y, import cycles and the
// architecture's dependency zones (../shared/design/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'public/**',
      'fhir-fixtures/**',
      '.bench-tmp/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  // typescript-eslint `strict` (issue 18 part 3) plus the type-aware rules that matter here; the
  // whole `strictTypeChecked` set was measured at about 6 min on this 2-core machine.
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A switch over a union names every member; a default does not hide a missing case.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: [
      '**/*.{js,mjs,cjs}',
      'src/sandbox/**',
      'src/cli/**',
      'src/cds/**',
      'bench/**',
      'test/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Type-only imports say so (issue 18 part 3). `typeof import('x')` stays allowed for a
      // module loaded lazily (the sandbox's oidc-provider).
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML.',
        },
      ],
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/engine',
              './src/!(engine|reference)/**',
              'engine imports only itself and reference types',
            ),
            zone(
              './src/reference',
              './src/!(reference)/**',
              'reference imports nothing from app layers',
            ),
            zone('./src/components', './src/fhir', 'components never fetch: take data as props'),
            zone('./src/components', './src/hooks', 'components never fetch: take data as props'),
            zone(
              './src/features/nurse',
              './src/features/!(nurse)/**',
              'features never import each other',
            ),
            zone(
              './src/features/coder',
              './src/features/!(coder)/**',
              'features never import each other',
            ),
            zone(
              './src/features/clinician',
              './src/features/!(clinician)/**',
              'features never import each other',
            ),
            zone(
              './src/features/worklist',
              './src/features/!(worklist)/**',
              'features never import each other',
            ),
            zone(
              './src/features/board',
              './src/features/!(board)/**',
              'features never import each other',
            ),
            zone(
              './src/features/dashboard',
              './src/features/!(dashboard)/**',
              'features never import each other',
            ),
            zone('./src/!(cli|sandbox)/**', './src/cli', 'the browser bundle never imports cli'),
            zone(
              './src/!(cli|sandbox)/**',
              './src/sandbox',
              'the browser bundle never imports sandbox',
            ),
            zone(
              './src/!(cds|sandbox)/**',
              './src/cds',
              'the browser bundle never imports the CDS Hooks service',
            ),
            zone(
              './src/**/!(*.test).{ts,tsx}',
              './test',
              'src never imports test (tests may use the test kit)',
            ),
            zone('./src', './fhir-fixtures', 'src never imports fixtures'),
            // Test kits live in `test-kit/` folders (docs/architecture.md): only tests and
            // other test kits import them, never the product (issue 18 part 3).
            zone(
              ['./src/!(*.test).{ts,tsx}', './src/**/!(test-kit)/!(*.test).{ts,tsx}'],
              './src/**/test-kit/**',
              'production code never imports a test kit (test-kit/ is for tests and test kits)',
            ),
          ],
        },
      ],
    },
  },
  {
    // Features never see raw FHIR (issue 18 part 1): they get view models and write functions
    // from fhir/ and hooks/. Test files and features' test kits may build FHIR inputs.
    files: ['src/features/**/*.{ts,tsx}'],
    ignores: ['src/features/**/*.test.{ts,tsx}', 'src/features/**/test-kit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(fhir|@types/fhir)(/|$)',
              message:
                'features never import FHIR types: use the view models and write functions of src/fhir and src/hooks',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'fhirclient', '@tanstack/*', 'zod', 'node:*'] },
      ],
      'no-restricted-globals': ['error', 'window', 'fetch', 'document', 'localStorage', 'console'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is a parameter.' },
        { object: 'Math', property: 'random', message: 'Engine is deterministic.' },
      ],
    },
  },
);
