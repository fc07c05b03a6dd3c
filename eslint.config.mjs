// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, React hooks rules for the UI,
// CommonJS for the Node build scripts (webpack.config.js, scripts/).
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'dist-web/', 'node_modules/', 'coverage/', 'test-artifacts/', '.certs/']),
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [reactHooks.configs['recommended-latest']],
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
