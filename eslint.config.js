// ESLint: typescript-eslint's recommended rules plus the import boundaries (docs/architecture.md, "Boundaries are visible and enforced"):
// content, background and each UI folder import only common/, never each other; the UI folders (popup,
// dashboard, options, welcome) also share src/ui/ (code for extension pages only), which imports only common/.
import tseslint from 'typescript-eslint';

const parts = ['content', 'background', 'popup', 'dashboard', 'options', 'welcome', 'ui'];
const UI_PAGES = ['popup', 'dashboard', 'options', 'welcome'];
const boundary = (part) => ({
  files: [`src/${part}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: parts
          .filter((other) => other !== part && !(other === 'ui' && UI_PAGES.includes(part)))
          .map((other) => ({
            group: [`**/${other}/**`, `**/${other}`],
            message: `src/${part} may import only src/common${UI_PAGES.includes(part) ? ', src/ui' : ''} and its own folder.`,
          })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['scripts/**', 'bench/**', 'e2e/**', '*.config.*'], rules: { 'no-console': 'off' } },
  ...parts.map(boundary),
  {
    files: ['src/common/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: parts.map((p) => ({ group: [`**/${p}/**`], message: 'src/common imports nothing from the parts that use it.' })) }],
    },
  },
);
