// Lint rules, including the import boundaries of docs/architecture: each folder may import only
// the folders listed for it. A violation is a lint error, not a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = ['domain', 'ports', 'app', 'engine', 'ml', 'validation', 'adapters', 'api', 'main'];
const ALLOWED = {
  domain: ['domain'],
  ports: ['domain', 'ports'],
  app: ['domain', 'ports', 'app', 'validation', 'ml'],
  engine: ['domain', 'ports', 'app', 'engine'],
  ml: ['ml'],
  validation: ['domain', 'validation'],
  adapters: ['ports', 'domain', 'adapters', 'sim', 'ml'],
  api: ['app', 'domain', 'api', 'ports'],
};
const NODE_IO = ['node:*', 'fs', 'path', 'http', 'https', 'net', 'better-sqlite3', 'pg', 'fastify', 'undici'];

function boundary(layer) {
  const forbidden = [...LAYERS.filter((l) => !ALLOWED[layer].includes(l)), 'sim'].filter(
    (l) => !ALLOWED[layer].includes(l),
  );
  const patterns = forbidden.map((l) => ({
    group: [`**/${l}/*`, `**/${l}/**`, `../${l}`, `../../${l}`],
    message: `src/${layer} may import only ${ALLOWED[layer].join(', ')} (see the architecture map).`,
  }));
  if (layer === 'domain' || layer === 'ml') {
    patterns.push({ group: NODE_IO, message: `src/${layer} is pure: no I/O.` });
  }
  return {
    files: [`src/${layer}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'data/**', 'ui/dist/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/ml/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time comes in as an argument (Clock port).' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in as an argument (Clock port).' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Randomness comes in as a seeded argument.' },
      ],
    },
  },
  ...['domain', 'ports', 'app', 'engine', 'ml', 'validation', 'adapters', 'api'].map(boundary),
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
