/**
 * The task pane's entry, kept to a bootstrap so the page shows at once: the pane's frame is static
 * markup in taskpane.html (painted before any script of ours runs); this loads the pane (app.tsx and
 * what it needs for the first verdict) right away. app.tsx fetches the browser preview's chunks at once
 * when the page is not opened by Office, in parallel with Office.js getting ready. The insert form,
 * the summary and the settings load after the first render (TaskPane's lazy panels).
 */

import('./app').then(
  ({ boot }) => boot(),
  (error: unknown) => {
    // The pane itself could not load: say so in the frame, in both languages, never a blank pane.
    const frame = document.getElementById('container');
    if (!frame) return;
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `加载项无法加载，请刷新重试。The add-in could not load; reload to try again. (${error instanceof Error ? error.message : String(error)})`;
    frame.replaceChildren(message);
  },
);
