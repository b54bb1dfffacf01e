import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules', 'dist', '.data', '.tools', '.nx', 'test-results', 'apps/console/**'] },
  {
    files: ['**/*.ts'],
    // test harnesses wire real apps together on purpose
    ignores: ['workflows/test/**', 'test/**', 'bench/**', '**/*.spec.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:workflows',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:domain', 'scope:policy'],
            },
            {
              sourceTag: 'scope:domain',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:policy', 'scope:contracts'],
            },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts'] },
            { sourceTag: 'scope:policy', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:policy'] },
            {
              sourceTag: 'scope:persistence',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:policy', 'scope:domain', 'scope:persistence'],
            },
            {
              sourceTag: 'scope:activities',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:policy', 'scope:domain', 'scope:persistence'],
            },
            { sourceTag: 'scope:runtime', onlyDependOnLibsWithTags: ['scope:contracts'] },
            {
              sourceTag: 'scope:worker',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:policy',
                'scope:domain',
                'scope:persistence',
                'scope:activities',
                'scope:runtime',
              ],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:policy',
                'scope:domain',
                'scope:persistence',
                'scope:runtime',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // determinism: workflow code may not use Node built-ins
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'crypto', 'child_process', 'os', 'http', 'https', 'net'] },
      ],
    },
  },
];
