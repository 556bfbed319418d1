// Builds the widget into web/dist/: one script (socket.io-client bundled in,
// nothing fetched from a CDN) and its stylesheet. `npm ci && npm run build`.
// The source map is for development only (IOP_WIDGET_DEV=1 npm run build): a
// production build has none, and removes one left by an earlier dev build.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const dev = process.env.IOP_WIDGET_DEV === "1";
if (!dev) rmSync("web/dist/iop-widget.js.map", { force: true });

const common = { bundle: true, minify: true, legalComments: "linked", logLevel: "info" };

await build({
  ...common,
  entryPoints: ["web/src/widget.js"],
  outfile: "web/dist/iop-widget.js",
  format: "iife",
  target: ["es2019", "chrome80", "firefox78", "safari13"],
  sourcemap: dev ? "linked" : false,
});
await build({
  ...common,
  entryPoints: ["web/src/widget.css"],
  outfile: "web/dist/iop-widget.css",
  target: ["chrome80", "firefox78", "safari13"],
});
