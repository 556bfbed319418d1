// Builds the widget into web/dist/: one script (socket.io-client bundled in,
// nothing fetched from a CDN) and its stylesheet. `npm ci && npm run build`.
import { build } from "esbuild";

const common = { bundle: true, minify: true, legalComments: "linked", logLevel: "info" };

await build({
  ...common,
  entryPoints: ["web/src/widget.js"],
  outfile: "web/dist/iop-widget.js",
  format: "iife",
  target: ["es2019", "chrome80", "firefox78", "safari13"],
  sourcemap: "linked",
});
await build({
  ...common,
  entryPoints: ["web/src/widget.css"],
  outfile: "web/dist/iop-widget.css",
  target: ["chrome80", "firefox78", "safari13"],
});
