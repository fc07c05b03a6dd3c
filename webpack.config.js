/**
 * The task pane: a production build into dist-web/ (dist/ holds the compiled CLI) and an https dev server
 * on https://localhost:3000, the address manifest.xml names.
 *
 * Office.js is served from our own origin: office.js plus what it loads at run time from its own folder
 * (the Excel host script for the platform, e.g. excel-web-16.00.js; outside Office, a mapping table; the
 * office_strings.js of the UI language; telemetry scripts), copied from @microsoft/office-js into
 * dist-web/office-js/. Nothing is fetched from a CDN.
 */
'use strict';

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { getHttpsOptions } = require('./scripts/dev-certs');

const DEV_SERVER_PORT = 3000;
const OUTPUT_DIR = path.resolve(__dirname, 'dist-web');
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js', // what office.js loads outside Office (the browser preview) and in Office 2013
  'excel-*-16.*.js', // host scripts: web, win32, mac, ios, android, winrt
  '*/office_strings.js', // Office's own messages in each UI language (3.7 MB; spares a 404 and the en-us fallback)
  'telemetry/oteljs_agave.js',
  'ariatelemetry/aria-web-telemetry.js',
];
/** Raw-size warnings only; scripts/bundle-size.js enforces the real budget, 400 KB gzip. */
const MAX_BUNDLE_BYTES = 1536 * 1024;

module.exports = async (env, argv) => {
  const production = argv.mode !== 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await getHttpsOptions() : undefined;

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { taskpane: './src/taskpane/index.ts' },
    output: {
      path: OUTPUT_DIR,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `npm run typecheck`; ES modules out so Fluent UI tree-shakes.
            options: { transpileOnly: true, configFile: 'tsconfig.web.json' },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          ...OFFICE_JS_FILES.map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            // office.js finds the rest relative to itself: keep the layout of its dist folder
            to: ({ absoluteFilename }) => ['office-js', ...path.relative(OFFICE_JS_DIR, absoluteFilename).split(path.sep)].join('/'),
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true }, // already minified: keep the minimizer off these megabytes
          })),
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      maxAssetSize: MAX_BUNDLE_BYTES,
      maxEntrypointSize: MAX_BUNDLE_BYTES,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
    },
    devServer: serving
      ? {
          host: 'localhost',
          port: DEV_SERVER_PORT,
          server: { type: 'https', options: https.options },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};

module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
