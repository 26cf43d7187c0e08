/** The preview entry: mounts <preview-app>; on the dev server, reloads it on every content edit and drops the error overlay once the content is good. */
import './preview-app.ts';

const app = document.querySelector('preview-app')!;
if (import.meta.hot) {
  import.meta.hot.on('science-window:content', (m: { ok: boolean }) => {
    // Once the content is good again, Vite's error overlay goes (Vite clears it only on a code update).
    if (m.ok) document.querySelectorAll('vite-error-overlay').forEach((o) => o.remove());
    void app.reload();
  });
}
