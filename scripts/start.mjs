// npm start: build the bundles, the dashboard and the example app, prepare the local D1 with the
// demo site, and serve the API, tandem.js, the demo shop page, the dashboard and the example app
// with `wrangler dev` on http://127.0.0.1:8787. Once it answers, a few customer messages go to
// the demo site (once: see demo-inbox.mjs), so support's inbox and PR's studio have something to
// work on; weeks of backdated messages (demo-history.mjs) give insights its charts, and the surge
// job runs once so today's surge of billing complaints shows as an alert.
import { spawn } from 'node:child_process';
import { closeDemoLoop, DEMO_PRAISE, sendDemoInbox } from './demo-inbox.mjs';
import { bin, buildExampleApp, prepareDatabase, prepareDemoAssets, root, run, seedDemoHistory, SURGE_CRON, toolEnv } from './tools.mjs';

const PORT = process.env.PORT ?? '8787';
const url = `http://127.0.0.1:${PORT}`;

console.log('Building tandem.js, the SDK, triage and the dashboard…');
run(bin('rollup'), ['-c', '--silent']);
console.log('Building the example app (examples/app)…');
buildExampleApp();
console.log('Preparing the local database (migrations and the demo site)…');
prepareDatabase({ quiet: true });
seedDemoHistory({ quiet: true });
const assets = prepareDemoAssets();

const dev = spawn(
  bin('wrangler'),
  // --test-scheduled: /__scheduled?cron=… runs a scheduled job on demand (the surge job, below).
  ['dev', '--ip', '127.0.0.1', '--port', PORT, '--assets', assets, '--test-scheduled', '--show-interactive-dev-session=false'],
  { cwd: root, env: toolEnv, stdio: ['inherit', 'pipe', 'inherit'] },
);
let announced = false;
dev.stdout.on('data', async (chunk) => {
  process.stdout.write(chunk);
  if (!announced && String(chunk).includes('Ready on')) {
    announced = true;
    const inbox = await sendDemoInbox(url, 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d')
      .then(async (ids) => {
        // One complaint resolved and answered through its invitation: a recovered customer's praise.
        await closeDemoLoop(url, 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d', 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8', ids[4]);
        return [ids, await sendDemoInbox(url, 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d', DEMO_PRAISE)];
      })
      .then(
        ([inboxIds, praiseIds]) =>
          `${inboxIds.length} demo messages wait in support's inbox (one resolved and answered), ` +
          `${praiseIds.length} praise to quote in PR's studio`,
        (error) => `the demo messages could not be sent (${error.message})`,
      );
    const surge = await fetch(`${url}/__scheduled?cron=${encodeURIComponent(SURGE_CRON)}`).then(
      (res) => (res.ok ? 'insights shows weeks of history and a surge alert' : `the surge job answered ${res.status}`),
      (error) => `the surge job could not run (${error.message})`,
    );
    console.log(`
  Tandem is running.
    Demo shop page:   ${url}/            (open "Feedback" in the corner)
    Dashboard:        ${url}/dashboard
                      sign in with the demo admin key sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8
                      (${inbox}; ${surge})
    Example app:      ${url}/app/        (an account page using @tandem/sdk and @tandem/widget from npm)
    Script tag file:  ${url}/tandem.js
    API:              ${url}/v1/…        OpenAPI document: ${url}/v1/openapi.json
    Demo keys:        publishable pk_demo_3b7f1d6a92e04c8b5a1f7e2d
                      secret      sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8 (admin, local only)
    See what arrived: curl -s ${url}/v1/feedback -H "Authorization: Bearer sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8"
  Press Ctrl+C to stop.
`);
  }
});
const stop = () => dev.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => process.exit(code ?? 0));
