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
    // issue 13: a controller only maps HTTP to a service call — no database handle (SQL lives in the repositories of
    // libs/persistence, called by services) and no other controller (a feature module exports the service it shares)
    files: ['apps/api/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'EntityManager', 'QueryRunner'],
              message: 'a controller calls its service; SQL lives in a libs/persistence repository',
            },
          ],
          patterns: [
            {
              group: ['./*.controller', '../*/*.controller'],
              message: 'a controller never imports another controller: import the feature module and its service',
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
