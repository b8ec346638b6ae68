// Shared set-up for the browser tests: the real ./serve.sh on a free port, and Debian's Chromium
// driven by playwright-core.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// Servers still running when the test process ends, whatever ends it, are stopped with it.
const liveServers = new Set();
process.on("exit", () => {
  for (const child of liveServers) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
});

// Starts ./serve.sh --port 0 and resolves with its base URL once it prints it.
export function startServer(args = []) {
  // Its own process group, so that stopping it also stops a build it is still running.
  const child = spawn("./serve.sh", ["--port", "0", "--quiet", ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  liveServers.add(child);
  child.on("exit", () => liveServers.delete(child));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopChild(child, "SIGTERM");
      reject(new Error(`serve.sh printed no URL in 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/\S+\/)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1], child, stop: () => stopChild(child) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve.sh exited with ${code}:\n${output}`)));
  });
}

function stopChild(child, signal = "SIGINT") {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.on("exit", resolve);
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal); // the group is already gone
    }
  });
}

// Starts one server and one browser for a test file, stopped after its last test:
//   const env = useServerAndBrowser();  … env.server.url, env.browser
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    [env.server, env.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
}

// A page that records console errors, uncaught exceptions and CSP violations.
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, context, problems };
}

// Waits for <article-reader> to show an article or an error, and says which.
export async function settled(page, selector = "article-reader") {
  await page.waitForFunction(
    (sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      // a pre-rendered article (scripts/prerender-page.mjs) is there from the start: it counts once read
      const read = root?.querySelector(".ar-article") && !root.querySelector(".ar-root[data-prerendered]");
      return root && (read || root.querySelector(".ar-error"));
    },
    selector,
    { timeout: 60_000 },
  );
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return root.querySelector(".ar-error") ? "error" : "article";
  }, selector);
}

export function errorText(page, selector = "article-reader") {
  return page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector(".ar-error")?.textContent ?? "", selector);
}
