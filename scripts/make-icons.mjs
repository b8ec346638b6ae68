// Renders assets/icons/article-reader.svg to the PNG sizes the web app manifest lists, in Chromium.
// Run after changing the SVG:  node scripts/make-icons.mjs   (the PNGs are committed)
import { readFileSync, writeFileSync } from "node:fs";
import { launchBrowser } from "../tests/web/harness.mjs";

const icons = new URL("../assets/icons/", import.meta.url);
const svg = readFileSync(new URL("article-reader.svg", icons), "utf8");
const browser = await launchBrowser();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  writeFileSync(new URL(`article-reader-${size}.png`, icons), await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
