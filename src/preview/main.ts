/** The preview entry: mounts <preview-app>; on the dev server, reloads it on every content edit. */
import './preview-app.ts';

const app = document.querySelector('preview-app')!;
if (import.meta.hot) {
  import.meta.hot.on('science-window:content', () => void app.reload());
}
